#include "mailpump.h"

#include "core/base/logging.h"
#include "core/invitations/outboxsender.h"
#include "core/mail/mailtransport.h"
#include "core/storage/database.h"

#include <QTimer>

namespace atrium::portal {

class MailPump::Worker final : public QObject {
public:
    Worker(MailPump *owner, std::shared_ptr<core::Database> db, std::shared_ptr<const core::Clock> clock,
           std::shared_ptr<core::SecretStore> secrets, int intervalMs)
        : m_owner(owner), m_db(std::move(db)), m_clock(std::move(clock)), m_secrets(std::move(secrets)),
          m_intervalMs(intervalMs) {}

    void begin() {
        m_timer = new QTimer(this);
        m_timer->setInterval(m_intervalMs);
        connect(m_timer, &QTimer::timeout, this, &Worker::drain);
        m_timer->start();
        drain();
    }
    void end() {
        delete m_timer;
        m_timer = nullptr;
        m_db->releaseThreadConnection();
    }
    void poke() {
        if (m_pending.exchange(true)) {
            return; // a drain is already queued
        }
        QMetaObject::invokeMethod(this, &Worker::drain, Qt::QueuedConnection);
    }
    void drain() {
        m_pending = false;
        core::MailAddress from;
        auto transport = core::OutboxSender::transportFromSettings(*m_db, *m_secrets, &from);
        if (!transport.ok()) {
            qCWarning(lcPortal) << "outbox not drained:" << transport.error().message;
            Q_EMIT m_owner->drained(0, transport.error().message);
            return;
        }
        core::OutboxSender sender(m_db, m_clock, m_secrets, *transport, from);
        int sent = 0;
        QString lastError;
        for (int round = 0; round < 10; ++round) {
            auto report = sender.drainOnce(20);
            if (!report.ok()) {
                lastError = report.error().message;
                qCWarning(lcPortal) << "outbox drain failed:" << lastError;
                break;
            }
            sent += report->sent;
            lastError = report->lastError;
            if (report->sent == 0 || report->retrying > 0) {
                break;
            }
        }
        Q_EMIT m_owner->drained(sent, lastError);
    }

private:
    MailPump *m_owner;
    std::shared_ptr<core::Database> m_db;
    std::shared_ptr<const core::Clock> m_clock;
    std::shared_ptr<core::SecretStore> m_secrets;
    int m_intervalMs;
    QTimer *m_timer = nullptr;
    std::atomic<bool> m_pending{false};
};

MailPump::MailPump(std::shared_ptr<core::Database> db, std::shared_ptr<const core::Clock> clock,
                   std::shared_ptr<core::SecretStore> secrets, int intervalMs, QObject *parent)
    : QObject(parent) {
    m_thread.setObjectName(QStringLiteral("atrium-portal-mail"));
    m_worker = new Worker(this, std::move(db), std::move(clock), std::move(secrets), intervalMs);
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
}

MailPump::~MailPump() {
    if (m_thread.isRunning()) {
        QMetaObject::invokeMethod(
            m_worker, [w = m_worker] { w->end(); }, Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
    } else {
        delete m_worker;
    }
}

void MailPump::start() {
    m_thread.start();
    QMetaObject::invokeMethod(
        m_worker, [w = m_worker] { w->begin(); }, Qt::QueuedConnection);
}

void MailPump::poke() {
    m_worker->poke();
}

} // namespace atrium::portal
