#pragma once

#include "core/base/clock.h"
#include "core/storage/connectioninfo.h"
#include "models/directorysession.h"

#include <QDialog>
#include <memory>

namespace Ui {
class ConnectPostgresDialog;
}

namespace atrium::models {
class DbExecutor;
}

namespace atrium::ui {

// Opens a shared directory on PostgreSQL. The connection is tried on the database worker; a failure
// is shown in the dialog, which stays open. A typed password is kept in the keychain once it has
// worked (DirectorySession::open); left empty, the stored one (or libpq's ~/.pgpass) is used.
class ConnectPostgresDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectPostgresDialog)
public:
    ConnectPostgresDialog(models::DbExecutor *executor, std::shared_ptr<const core::Clock> clock,
                          QWidget *parent = nullptr);
    ~ConnectPostgresDialog() override;

    // Pre-fills host, port, database and user (never a password).
    void setConnection(const core::ConnectionInfo &info);
    core::ConnectionInfo connection() const; // with the password typed in

    // After acceptance: the opened directory, or null when the database holds no directory yet and
    // the operator agreed to create one there (then connection() says where).
    models::SessionPtr session() const { return m_session; }
    bool wantsNewDirectory() const { return m_wantsNewDirectory; }

    void accept() override;
    void reject() override;

signals:
    void connectFinished(bool ok);

private:
    void setBusy(bool busy);
    void showError(const QString &text);

    std::unique_ptr<Ui::ConnectPostgresDialog> m_ui;
    models::DbExecutor *m_executor = nullptr;
    std::shared_ptr<const core::Clock> m_clock;
    models::SessionPtr m_session;
    bool m_wantsNewDirectory = false;
    bool m_busy = false;
};

} // namespace atrium::ui
