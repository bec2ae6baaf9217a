#pragma once

#include "core/base/clock.h"

#include <QObject>
#include <QThread>
#include <atomic>
#include <memory>

namespace atrium::core {
class Database;
class SecretStore;
} // namespace atrium::core

namespace atrium::portal {

// Drains the mail outbox (passcode and invitation mail) on its own thread, so that a slow SMTP
// server never holds up a page: every `intervalMs` and whenever poke() is called (right after a
// passcode request). Pokes while a drain runs are coalesced into one more drain.
class MailPump final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MailPump)
public:
    MailPump(std::shared_ptr<core::Database> db, std::shared_ptr<const core::Clock> clock,
             std::shared_ptr<core::SecretStore> secrets, int intervalMs, QObject *parent = nullptr);
    ~MailPump() override;

    void start();
    void poke(); // thread-safe

Q_SIGNALS:
    void drained(int sent, const QString &lastError);

private:
    class Worker;
    QThread m_thread;
    Worker *m_worker = nullptr;
};

} // namespace atrium::portal
