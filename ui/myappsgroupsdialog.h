#pragma once

#include "core/base/result.h"
#include "models/directorysession.h"

#include <QDialog>
#include <QHash>

class QComboBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;
class QToolButton;

namespace atrium::models {
class DbExecutor;
}

namespace atrium::ui {

// Owners' self-service (issue 3 item 4): the groups and applications the operator owns, and for the
// selected one "invite a guest to it" (an invitation carrying only that group or app) or "add an
// existing guest". The dialog offers nothing outside what the operator owns, but it does not decide:
// InvitationService asks the same policy engine as every other invitation path, so a refusal is the
// engine's, shown with its trace. All database work runs on the DbExecutor.
class MyAppsGroupsDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MyAppsGroupsDialog)
public:
    MyAppsGroupsDialog(models::DbExecutor *executor, models::SessionPtr session, QWidget *parent = nullptr);

    // Reads the owned groups/applications and the guests again.
    void reload();
    QString selectedObjectId() const;
    bool selectObject(const QString &objectId);

signals:
    void loaded();
    void invited(const QString &userId, const QString &objectId);
    void guestAdded(const QString &userId, const QString &objectId);
    void failed(const atrium::core::Error &error);

private:
    void selectionChanged();
    void invite();
    void addExisting();
    void clearErrors();
    void showInviteError(const core::Error &error);
    QLabel *addFieldError(const QString &field);
    QString selectedName() const;
    QString selectedKind() const;

    models::DbExecutor *m_executor = nullptr;
    models::SessionPtr m_session;

    QStackedWidget *m_stack = nullptr; // the owned objects, or the empty state
    QLabel *m_emptyState = nullptr;
    QListWidget *m_owned = nullptr;
    QGroupBox *m_inviteBox = nullptr;
    QLineEdit *m_email = nullptr;
    QLineEdit *m_redirectUrl = nullptr;
    QLineEdit *m_displayName = nullptr;
    QHash<QString, QLabel *> m_fieldErrors;
    QLabel *m_inviteStatus = nullptr;
    QToolButton *m_whyButton = nullptr;
    QPlainTextEdit *m_why = nullptr;
    QLineEdit *m_redeemUrl = nullptr;
    QPushButton *m_inviteButton = nullptr;
    QGroupBox *m_addBox = nullptr;
    QComboBox *m_guests = nullptr;
    QPushButton *m_addButton = nullptr;
    QLabel *m_addStatus = nullptr;
    quint64 m_loadRequest = 0;
};

} // namespace atrium::ui
