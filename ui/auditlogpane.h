#pragma once

#include "core/audit/inactiveguests.h"
#include "ui/capabilities.h"
#include "ui/guestactions.h"
#include "ui/pane.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTabWidget;
class QTableView;
class QTableWidget;
class QTextBrowser;
class QTimer;

namespace atrium::models {
class AuditLogModel;
}

namespace atrium::ui {

// The audit log (filters in the database, details with a before/after diff, CSV/JSON export,
// view retention) and, on a second tab, the inactive guests report (SPEC §12).
class AuditLogPane final : public Pane, public CapabilityAware {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AuditLogPane)
public:
    explicit AuditLogPane(models::DbExecutor *executor, QWidget *parent = nullptr);
    ~AuditLogPane() override;

    void setSession(models::SessionPtr session) override;
    void reload() override;
    void setCapabilities(const Capabilities &caps) override;

    // The inactive guests report shows at most this many rows of each table (and says when there are
    // more); the guest and invitation panes page through any number in the database.
    static constexpr int kReportRows = 10000;

    models::AuditLogModel *model() const { return m_model; }
    // Filters the view to the selected row's correlation id (a bulk job's rows together).
    void showWholeJob();
    void exportTo(const QString &path, bool json);
    void exportInactiveGuests(const QString &path);

signals:
    void exported(bool ok);
    void reportShown();
    // A bulk action of the inactive guests report finished (failures also go to errorOccurred).
    void reportActionFinished(const QString &action, int succeeded, int failed);

private:
    void applyFilters();
    void showDetails();
    void saveRetention();
    void loadReport();
    void updateReportActions();
    QList<GuestActions::Target> selectedTargets(QTableWidget *table) const;
    void runReportAction(const QString &action, QTableWidget *table, GuestActions::Action fn);
    void loadSettings();

    models::SessionPtr m_session;
    Capabilities m_caps;
    models::AuditLogModel *m_model = nullptr;
    QTabWidget *m_tabs = nullptr;
    QLineEdit *m_actor = nullptr;
    QComboBox *m_activity = nullptr;
    QComboBox *m_category = nullptr;
    QLineEdit *m_target = nullptr;
    QComboBox *m_result = nullptr;
    QComboBox *m_range = nullptr;
    QLineEdit *m_correlation = nullptr;
    QLineEdit *m_search = nullptr;
    QSpinBox *m_retention = nullptr;
    QPushButton *m_saveRetention = nullptr;
    QPushButton *m_wholeJob = nullptr;
    QPushButton *m_exportCsv = nullptr;
    QPushButton *m_exportJson = nullptr;
    QTableView *m_table = nullptr;
    QTextBrowser *m_details = nullptr;
    QLabel *m_status = nullptr;
    QTimer *m_debounce = nullptr;
    qint64 m_retentionRowVersion = -1;

    QSpinBox *m_inactiveDays = nullptr;
    QPushButton *m_refreshReport = nullptr;
    QPushButton *m_exportReport = nullptr;
    QTableWidget *m_inactiveTable = nullptr;
    QTableWidget *m_invitationTable = nullptr;
    QLabel *m_reportStatus = nullptr;
    QPushButton *m_blockInactive = nullptr;
    QPushButton *m_deleteInactive = nullptr;
    QPushButton *m_resendInvitation = nullptr;
    QPushButton *m_deleteInvitation = nullptr;
    QTimer *m_reportDebounce = nullptr;
    int m_reportTabIndex = -1;
    bool m_reportLoaded = false; // loaded for the current session and days
    bool m_reportBusy = false;   // a bulk action runs
    QList<core::InactiveGuest> m_inactive;
    QList<core::PendingInvitation> m_pending;
};

} // namespace atrium::ui
