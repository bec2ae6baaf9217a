#pragma once

#include "core/base/clock.h"
#include "core/base/result.h"
#include "core/storage/connectioninfo.h"
#include "models/directorysession.h"

#include <QDialog>
#include <memory>

namespace Ui {
class NewDirectoryDialog;
}

namespace atrium::models {
class DbExecutor;
}

namespace atrium::ui {

// Creates a directory (display name, initial domain) in a SQLite file or an empty PostgreSQL
// database. The creation runs on the database worker; a refusal is shown next to the field it is
// about, and a refused creation leaves no file behind.
class NewDirectoryDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NewDirectoryDialog)
public:
    NewDirectoryDialog(models::DbExecutor *executor, std::shared_ptr<const core::Clock> clock,
                       QWidget *parent = nullptr);
    ~NewDirectoryDialog() override;

    void setLocation(const QString &path);
    // Creates the directory in this database instead of a file (the location cannot be edited).
    void setConnection(const core::ConnectionInfo &info);

    // The opened directory after the dialog was accepted.
    models::SessionPtr session() const { return m_session; }
    bool isBusy() const { return m_busy; }

    void accept() override;
    void reject() override;

signals:
    // Creation finished, successfully or not (tests wait for it).
    void creationFinished(bool ok);

private:
    void browse();
    void clearErrors();
    void showError(const core::Error &error);
    void setBusy(bool busy);
    std::optional<core::ConnectionInfo> target();

    std::unique_ptr<Ui::NewDirectoryDialog> m_ui;
    models::DbExecutor *m_executor = nullptr;
    std::shared_ptr<const core::Clock> m_clock;
    std::optional<core::ConnectionInfo> m_fixedConnection;
    models::SessionPtr m_session;
    bool m_busy = false;
};

} // namespace atrium::ui
