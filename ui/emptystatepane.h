#pragma once

#include "ui/pane.h"

class QLabel;

namespace atrium::ui {

// A pane whose feature is not built yet says so plainly — never sample rows that look real.
class EmptyStatePane final : public Pane {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EmptyStatePane)
public:
    EmptyStatePane(const QString &title, const QString &iconPath, const QString &headline, const QString &details,
                   QWidget *parent = nullptr);

    void setSession(models::SessionPtr session) override;
    void reload() override {}

    QString headline() const;

private:
    QLabel *m_headline = nullptr;
    QLabel *m_directory = nullptr;
};

} // namespace atrium::ui
