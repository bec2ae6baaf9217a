#pragma once

#include "core/services/permissions.h"
#include "ui/capabilities.h"
#include "ui/guestactions.h"
#include "ui/pane.h"

#include <QPointer>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QProgressDialog;
class QPushButton;
class QSpinBox;
class QTableView;
class QTextBrowser;
class QTimer;

namespace atrium::core {
class InvitationService;
}

namespace atrium::models {
class GuestListModel;
}

namespace atrium::ui {

class SignInPreview;

// The guest users of the directory (SPEC §1): search as you type, filters and sort in the database
// (models::GuestListModel keeps a window of rows), a details panel, and the guest actions of SPEC §10
// on the selected guests. Every action runs on the database worker through InvitationService, which
// authorizes and audits; the buttons only mirror Capabilities (disabled with the role in the tooltip).
class GuestUsersPane final : public Pane, public CapabilityAware {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GuestUsersPane)
public:
    explicit GuestUsersPane(models::DbExecutor *executor, QWidget *parent = nullptr);
    ~GuestUsersPane() override;

    void setSession(models::SessionPtr session) override;
    void reload() override;
    void setCapabilities(const Capabilities &caps) override;

    models::GuestListModel *model() const { return m_model; }
    QStringList selectedIds() const;
    SignInPreview *signInPreview() const { return m_signIn; } // in the details: where the guest signs in

    // The actions on the selected guests (the buttons call these after asking what they need).
    void resendInvitation();
    void resetRedemption(const QString &newEmail, bool sendEmail);
    void setSignInBlocked(bool blocked);
    void deleteSelected(); // asks for confirmation (MessageBoxes)
    void addToGroupOrApp(const QString &objectId);
    void setSponsors(const QStringList &sponsorIds);
    void copyRedemptionLink();
    void exportCsv(const QString &path);

signals:
    // An action finished: how many guests it worked for and how many failed (failures also go to
    // the message bar through errorOccurred).
    void actionFinished(const QString &action, int succeeded, int failed);
    void detailsShown(const QString &userId);
    void exported(bool ok, qint64 rows);

private:
    QList<GuestActions::Target> selectedTargets() const;
    enum class Needs { Nothing, Selection, OneGuest };
    struct ActionButton {
        QPushButton *button;
        core::Permission permission;
        Needs needs;
    };

    QPushButton *addAction(const QString &text, const char *objectName, const QString &accessible,
                           core::Permission permission, Needs needs);
    void applyFilters();
    void loadInactiveDays();
    void filterTextEdited();
    void updateActions();
    void showDetails();
    void invite();
    void askResetRedemption();
    void askAddToGroupOrApp();
    void askSponsors();
    void askExport();
    // Runs fn for every selected guest on the worker; reports failures per guest, then reloads.
    void runOnSelected(const QString &action, GuestActions::Action fn);
    void keepTopRow(int shift);

    models::SessionPtr m_session;
    Capabilities m_caps;
    models::GuestListModel *m_model = nullptr;
    QLineEdit *m_search = nullptr;
    QComboBox *m_state = nullptr;
    QLineEdit *m_domain = nullptr;
    QComboBox *m_creation = nullptr;
    QCheckBox *m_pendingCheck = nullptr;
    QSpinBox *m_pendingDays = nullptr;
    QCheckBox *m_noSignIn = nullptr;
    int m_noSignInDays = 90; // the setting inactiveGuestDays, read with the session
    QLabel *m_count = nullptr;
    QLabel *m_emptyState = nullptr;
    QTableView *m_table = nullptr;
    QTextBrowser *m_details = nullptr;
    SignInPreview *m_signIn = nullptr;
    QTimer *m_debounce = nullptr; // the burst window of search-as-you-type
    bool m_debouncePending = false; // an edit within the window waits for the pause
    QList<ActionButton> m_actions;
    QPushButton *m_invite = nullptr;
    QPushButton *m_resend = nullptr;
    QPushButton *m_reset = nullptr;
    QPushButton *m_block = nullptr;
    QPushButton *m_unblock = nullptr;
    QPushButton *m_delete = nullptr;
    QPushButton *m_addTo = nullptr;
    QPushButton *m_sponsors = nullptr;
    QPushButton *m_copyLink = nullptr;
    QPushButton *m_export = nullptr;
    QString m_topRowId;      // keeps the view still while the model's window moves
    quint64 m_detailsRequest = 0;
    QPointer<QProgressDialog> m_progress;
};

} // namespace atrium::ui
