#include "core/identityproviders/certificaterefresher.h"

#include "core/identityproviders/identityproviderservice.h"
#include "core/storage/database.h"

#include <QTimer>

namespace atrium::core {

class CertificateRefresher::Worker final : public QObject {
public:
    Worker(CertificateRefresher *owner, std::shared_ptr<Database> db, std::shared_ptr<const Clock> clock,
           int intervalMs)
        : m_owner(owner), m_db(std::move(db)), m_clock(std::move(clock)), m_intervalMs(intervalMs) {}

    void begin(int firstRunDelayMs) {
        m_timer = new QTimer(this);
        m_timer->setSingleShot(true);
        connect(m_timer, &QTimer::timeout, this, &Worker::run);
        m_timer->start(firstRunDelayMs);
    }
    void end() {
        delete m_timer;
        m_timer = nullptr;
        m_db->releaseThreadConnection();
    }
    void run() {
        const CertificateRefreshReport r = IdentityProviderService::refreshDueCertificatesScheduled(m_db, m_clock);
        Q_EMIT m_owner->ran(int(r.due.size()), r.count(CertificateRefreshOutcome::Kind::Refreshed),
                            r.count(CertificateRefreshOutcome::Kind::Failed));
        if (m_timer) {
            m_timer->start(m_intervalMs);
        }
    }

private:
    CertificateRefresher *m_owner;
    std::shared_ptr<Database> m_db;
    std::shared_ptr<const Clock> m_clock;
    int m_intervalMs;
    QTimer *m_timer = nullptr;
};

CertificateRefresher::CertificateRefresher(std::shared_ptr<Database> db, std::shared_ptr<const Clock> clock,
                                           int intervalMs, QObject *parent)
    : QObject(parent) {
    m_thread.setObjectName(QStringLiteral("atrium-certificate-refresh"));
    m_worker = new Worker(this, std::move(db), std::move(clock), intervalMs);
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
}

CertificateRefresher::~CertificateRefresher() {
    if (m_thread.isRunning()) {
        // A fetch in progress finishes first (MetadataFetcher times out after 20 s).
        QMetaObject::invokeMethod(
            m_worker, [w = m_worker] { w->end(); }, Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
    } else {
        delete m_worker;
    }
}

void CertificateRefresher::start(int firstRunDelayMs) {
    m_thread.start();
    QMetaObject::invokeMethod(
        m_worker, [w = m_worker, firstRunDelayMs] { w->begin(firstRunDelayMs); }, Qt::QueuedConnection);
}

} // namespace atrium::core
