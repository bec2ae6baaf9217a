#pragma once

#include "core/base/clock.h"

#include <QObject>
#include <QThread>
#include <memory>

namespace atrium::core {

class Database;

// Runs IdentityProviderService::refreshDueCertificatesScheduled (SPEC §6: certificates refreshed
// from the metadata URL starting 30 days before expiry) on its own thread, once shortly after
// start() and then every `intervalMs`, so that the metadata fetches never hold up the caller's
// thread (atrium-portal's HTTP thread). Each run's outcome is audited by the service and logged;
// ran() reports it (queued to the owner's thread).
class CertificateRefresher final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CertificateRefresher)
public:
    static constexpr int kDefaultIntervalMs = 6 * 3600 * 1000;

    CertificateRefresher(std::shared_ptr<Database> db, std::shared_ptr<const Clock> clock,
                         int intervalMs = kDefaultIntervalMs, QObject *parent = nullptr);
    ~CertificateRefresher() override;

    void start(int firstRunDelayMs = 60 * 1000);

Q_SIGNALS:
    void ran(int due, int refreshed, int failed);

private:
    class Worker;
    QThread m_thread;
    Worker *m_worker = nullptr;
};

} // namespace atrium::core
