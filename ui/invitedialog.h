#pragma once

#include "core/base/result.h"
#include "models/directorysession.h"

#include <QDialog>
#include <QHash>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QToolButton;

namespace atrium::models {
class DbExecutor;
}

namespace atrium::core {
struct InvitationResult;
}

namespace atrium::ui {

class SignInPreview;

// Invite one guest (SPEC §2). Every field of an invitation; errors appear next to the field they are
// about (Error::field), policy refusals with a "Why?" expander over the engine's trace; on success
// the redemption URL with a Copy button. Under the address, "Where will this guest sign in?" follows
// the typing (debounced). All database work runs on the DbExecutor.
class InviteDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(InviteDialog)
public:
    InviteDialog(models::DbExecutor *executor, models::SessionPtr session, QWidget *parent = nullptr);

    QString redemptionUrl() const;
    SignInPreview *signInPreview() const { return m_signIn; }

signals:
    void invited(const QString &userId);
    void failed(const atrium::core::Error &error);

private:
    void loadPickers();
    void submit();
    void clearErrors();
    void showError(const core::Error &error);
    void showSuccess(const core::InvitationResult &result);
    QLabel *addFieldError(const QString &field);

    models::DbExecutor *m_executor = nullptr;
    models::SessionPtr m_session;

    QLineEdit *m_email = nullptr;
    SignInPreview *m_signIn = nullptr; // "Where will this guest sign in?", live while the address is typed
    QLineEdit *m_displayName = nullptr;
    QLineEdit *m_redirectUrl = nullptr;
    QPlainTextEdit *m_message = nullptr;
    QLineEdit *m_cc = nullptr;
    QComboBox *m_language = nullptr;
    QComboBox *m_userType = nullptr;
    QListWidget *m_sponsors = nullptr;
    QListWidget *m_targets = nullptr;
    QCheckBox *m_sendEmail = nullptr;
    QHash<QString, QLabel *> m_fieldErrors;
    QLabel *m_generalError = nullptr;
    QToolButton *m_whyButton = nullptr;
    QPlainTextEdit *m_why = nullptr;
    QWidget *m_successPanel = nullptr;
    QLineEdit *m_redeemUrl = nullptr;
    QPushButton *m_copy = nullptr;
    QPushButton *m_invite = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace atrium::ui
