#pragma once

#include "core/base/result.h"

#include <QHostAddress>
#include <QSslConfiguration>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace atrium::core {
class Database;
} // namespace atrium::core

namespace atrium::portal {

class PortalServer;

// Serves one portal from several threads (issue 7). Each thread has its own listening socket on the
// same address and port (SO_REUSEPORT: the kernel spreads new connections across them), its own
// QTcpServer (QSslServer with TLS) handed that socket with setSocketDescriptor(), its own
// PortalServer and therefore its own services and database connection. A connection stays on the
// thread that accepted it.
//
// What the threads share is up to the factory: atrium-portal gives every thread its own
// RedemptionService and SignUpService (their prepared statements and 2-second landing snapshot
// are per thread, which is correct: the snapshot may be that old anyway, and every change runs in
// its own compare-and-swap transaction), and one pair of rate limiters (shareRateLimits) so that
// an address has one budget across threads. CSRF tokens are double-submit cookies and sessions
// live in the database: no secret is kept in memory.
//
// Linux only lets sockets of the same user join a SO_REUSEPORT group, so another user cannot take
// a share of the connections; a process of the portal's own account could.
class PortalThreads final {
public:
    // Called on each worker thread (index 0..threads-1); the server it returns lives on that thread.
    using Factory = std::function<std::unique_ptr<PortalServer>(int index)>;

    PortalThreads();
    ~PortalThreads(); // stop()
    PortalThreads(const PortalThreads &) = delete;
    PortalThreads &operator=(const PortalThreads &) = delete;

    // Opens `threads` listening sockets on address:port (port 0: one free port for all of them) and
    // starts a thread for each. Returns the port. `db`: its thread connection is closed when a
    // worker thread ends. `tls`: serve HTTPS with this configuration.
    core::Result<quint16> start(const QHostAddress &address, quint16 port, int threads, const Factory &factory,
                                std::shared_ptr<core::Database> db = {},
                                const std::optional<QSslConfiguration> &tls = std::nullopt);
    // Stops the threads (open connections are closed) and closes the sockets.
    void stop();
    int threadCount() const { return int(m_workers.size()); }
    quint16 port() const { return m_port; }

private:
    class Worker;
    std::vector<std::unique_ptr<Worker>> m_workers;
    quint16 m_port = 0;
};

} // namespace atrium::portal
