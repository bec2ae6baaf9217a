#pragma once

#include "core/invitations/bulkinvite.h"
#include "models/directorysession.h"

#include <QDialog>

#include <atomic>
#include <memory>

class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTableView;

namespace atrium::models {
class BulkResultsModel;
class DbExecutor;
} // namespace atrium::models

namespace atrium::ui {

// Bulk invite from the SPEC §3 CSV template: pick a file, validate it (dry run) with per-row problems,
// run it with progress and Cancel (what was committed stays committed), see and download the results.
class BulkInviteDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BulkInviteDialog)
public:
    BulkInviteDialog(models::DbExecutor *executor, models::SessionPtr session, QWidget *parent = nullptr);
    ~BulkInviteDialog() override;

    void setFileName(const QString &fileName);
    void validate(); // dry run
    void runInvites();
    void cancel();
    bool isRunning() const { return m_running; }
    models::BulkResultsModel *resultsModel() const { return m_model; }

signals:
    void finished(bool dryRun);

private:
    void start(bool dryRun);
    void setRunning(bool running);
    void downloadResults();
    void downloadTemplate();

    models::DbExecutor *m_executor = nullptr;
    models::SessionPtr m_session;
    std::shared_ptr<std::atomic_bool> m_cancel = std::make_shared<std::atomic_bool>(false);
    bool m_running = false;
    bool m_validated = false;

    QLineEdit *m_file = nullptr;
    QPushButton *m_browse = nullptr;
    QPushButton *m_template = nullptr;
    QPushButton *m_validate = nullptr;
    QPushButton *m_run = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QPushButton *m_download = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_summary = nullptr;
    QTableView *m_table = nullptr;
    models::BulkResultsModel *m_model = nullptr;
};

} // namespace atrium::ui
