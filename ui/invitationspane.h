#pragma once

#include "ui/capabilities.h"
#include "ui/pane.h"

class QCheckBox;
class QLabel;
class QPushButton;
class QSpinBox;
class QTableView;

namespace atrium::models {
class InvitationListModel;
}

namespace atrium::ui {

// The invitations of the directory, newest first (models::InvitationListModel pages them by keyset in
// the database): status with the state of the invitation mail (pending, accepted, not sent yet,
// failed to send), who invited, when, and how long ago. Filters "pending for more than N days" and
// "mail not sent". Resend and copy redemption link act on the selected rows' guests through the same
// code as the Guest users pane (ui::GuestActions: InvitationService authorizes and audits); the
// buttons mirror Capabilities.
class InvitationsPane final : public Pane, public CapabilityAware {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(InvitationsPane)
public:
    explicit InvitationsPane(models::DbExecutor *executor, QWidget *parent = nullptr);
    ~InvitationsPane() override;

    void setSession(models::SessionPtr session) override;
    void reload() override;
    void setCapabilities(const Capabilities &caps) override;

    models::InvitationListModel *model() const { return m_model; }
    QStringList selectedUserIds() const;

    void resendInvitation();
    void copyRedemptionLink();

signals:
    void actionFinished(const QString &action, int succeeded, int failed);

private:
    void applyFilters();
    void updateActions();
    void updateEmptyState();

    models::SessionPtr m_session;
    Capabilities m_caps;
    models::InvitationListModel *m_model = nullptr;
    QCheckBox *m_pendingCheck = nullptr;
    QSpinBox *m_pendingDays = nullptr;
    QCheckBox *m_notSent = nullptr;
    QLabel *m_count = nullptr;
    QLabel *m_emptyState = nullptr;
    QTableView *m_table = nullptr;
    QPushButton *m_resend = nullptr;
    QPushButton *m_copyLink = nullptr;
};

} // namespace atrium::ui
