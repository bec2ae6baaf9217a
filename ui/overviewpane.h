#pragma once

#include "core/services/overviewservice.h"
#include "ui/pane.h"

#include <QHash>

class QLabel;
class QProgressBar;

namespace atrium::ui {

class StatTile;

// The directory at a glance: real counts from OverviewService, read on the database worker.
class OverviewPane final : public Pane {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OverviewPane)
public:
    explicit OverviewPane(models::DbExecutor *executor, QWidget *parent = nullptr);

    void setSession(models::SessionPtr session) override;
    void reload() override;

    bool isLoading() const { return m_loading; }

signals:
    // The counts on screen were refreshed (tests wait for it; nothing else depends on it).
    void countsShown();

private:
    void showCounts(const core::OverviewCounts &counts);
    void setLoading(bool loading);
    StatTile *addTile(const QString &name, const QString &caption, int row, int column);

    models::SessionPtr m_session;
    quint64 m_generation = 0; // results of an earlier directory or reload are dropped
    bool m_loading = false;
    QLabel *m_title = nullptr;
    QLabel *m_subtitle = nullptr;
    QLabel *m_emptyText = nullptr;
    QProgressBar *m_busy = nullptr;
    QWidget *m_tiles = nullptr;
    QHash<QString, StatTile *> m_tileByName;
};

} // namespace atrium::ui
