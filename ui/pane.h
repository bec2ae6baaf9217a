#pragma once

#include "core/base/result.h"
#include "models/directorysession.h"

#include <QWidget>

namespace atrium::models {
class DbExecutor;
}

namespace atrium::ui {

// A page of the console behind one navigation entry. Panes read through the DbExecutor only (the
// GUI thread never waits on the database) and report recoverable errors to the window's message bar.
class Pane : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Pane)
public:
    explicit Pane(models::DbExecutor *executor, QWidget *parent = nullptr) : QWidget(parent), m_executor(executor) {}

    // A directory was opened, or closed (nullptr).
    virtual void setSession(models::SessionPtr session) = 0;
    // F5: read again what the pane shows.
    virtual void reload() = 0;

signals:
    // A recoverable error for the message bar; the window offers "Reload" for conflicts.
    void errorOccurred(const atrium::core::Error &error);

protected:
    models::DbExecutor *executor() const { return m_executor; }

private:
    models::DbExecutor *m_executor = nullptr;
};

} // namespace atrium::ui
