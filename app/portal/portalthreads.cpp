#include "portalthreads.h"

#include "core/base/logging.h"
#include "core/storage/database.h"
#include "portalserver.h"

#include <QCoreApplication>
#include <QSslServer>
#include <QTcpServer>
#include <QThread>
#include <cerrno>
#include <cstring>
#include <future>

#include <arpa/inet.h>
#include <net/if.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace atrium::portal {

using core::Error;
using core::ErrorCode;

namespace {

QString tr(const char *s) {
    return QCoreApplication::translate("atrium::portal::PortalThreads", s);
}

Error socketError(const QString &what) {
    return Error{ErrorCode::Network, what, QString::fromLocal8Bit(std::strerror(errno)), {}, false};
}

// A listening TCP socket with SO_REUSEPORT on address:port; -1 and *error on failure.
int openReusePortSocket(const QHostAddress &address, quint16 port, Error *error) {
    const bool v4 = address.protocol() == QAbstractSocket::IPv4Protocol;
    sockaddr_storage storage{};
    socklen_t length = 0;
    if (v4) {
        auto *a = reinterpret_cast<sockaddr_in *>(&storage);
        a->sin_family = AF_INET;
        a->sin_port = htons(port);
        a->sin_addr.s_addr = htonl(address.toIPv4Address());
        length = sizeof(sockaddr_in);
    } else {
        // IPv6, or QHostAddress::Any (dual stack, as QTcpServer does it).
        auto *a = reinterpret_cast<sockaddr_in6 *>(&storage);
        a->sin6_family = AF_INET6;
        a->sin6_port = htons(port);
        const Q_IPV6ADDR ip = address == QHostAddress(QHostAddress::Any) ? Q_IPV6ADDR{} : address.toIPv6Address();
        std::memcpy(&a->sin6_addr, &ip, sizeof ip);
        if (!address.scopeId().isEmpty()) {
            bool numeric = false;
            const uint id = address.scopeId().toUInt(&numeric);
            a->sin6_scope_id = numeric ? id : if_nametoindex(address.scopeId().toLocal8Bit().constData());
        }
        length = sizeof(sockaddr_in6);
    }
    const int fd = ::socket(v4 ? AF_INET : AF_INET6, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        *error = socketError(tr("Cannot create a socket."));
        return -1;
    }
    const int one = 1;
    const int v6only = address == QHostAddress(QHostAddress::Any) ? 0 : 1;
    if (::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one) != 0 ||
        ::setsockopt(fd, SOL_SOCKET, SO_REUSEPORT, &one, sizeof one) != 0 ||
        (!v4 && ::setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &v6only, sizeof v6only) != 0)) {
        *error = socketError(tr("Cannot set SO_REUSEPORT on the listening socket."));
        ::close(fd);
        return -1;
    }
    if (::bind(fd, reinterpret_cast<const sockaddr *>(&storage), length) != 0) {
        *error = socketError(tr("Cannot listen on %1 port %2 (in use, or not allowed).")
                                 .arg(address.toString())
                                 .arg(port));
        ::close(fd);
        return -1;
    }
    if (::listen(fd, SOMAXCONN) != 0) {
        *error = socketError(tr("Cannot listen on %1 port %2.").arg(address.toString()).arg(port));
        ::close(fd);
        return -1;
    }
    return fd;
}

quint16 boundPort(int fd) {
    sockaddr_storage storage{};
    socklen_t length = sizeof storage;
    if (::getsockname(fd, reinterpret_cast<sockaddr *>(&storage), &length) != 0) {
        return 0;
    }
    return storage.ss_family == AF_INET ? ntohs(reinterpret_cast<sockaddr_in *>(&storage)->sin_port)
                                        : ntohs(reinterpret_cast<sockaddr_in6 *>(&storage)->sin6_port);
}

} // namespace

// One serving thread: builds its server there, hands it the socket, runs the event loop.
class PortalThreads::Worker final : public QThread {
public:
    Worker(int index, int fd, Factory factory, std::shared_ptr<core::Database> db,
           std::optional<QSslConfiguration> tls)
        : m_index(index), m_fd(fd), m_factory(std::move(factory)), m_db(std::move(db)), m_tls(std::move(tls)) {
        setObjectName(QStringLiteral("portal-http-%1").arg(index));
    }
    ~Worker() override {
        stopAndWait();
        if (m_fd >= 0) {
            ::close(m_fd); // never handed over (the thread did not start)
        }
    }

    std::future<bool> ready() { return m_ready.get_future(); }
    void stopAndWait() {
        if (isRunning()) {
            quit();
            wait();
        }
    }

protected:
    void run() override {
        std::unique_ptr<PortalServer> server = m_factory(m_index);
        QTcpServer *tcp = nullptr;
        if (m_tls) {
            auto *ssl = new QSslServer();
            ssl->setSslConfiguration(*m_tls);
            tcp = ssl;
        } else {
            tcp = new QTcpServer();
        }
        // QTcpServer owns the descriptor from here on (closes it with itself).
        const bool ok = server && tcp->setSocketDescriptor(m_fd);
        if (ok) {
            m_fd = -1;
            server->bind(tcp);
        } else {
            qCWarning(lcPortal) << "portal thread" << m_index << "could not take its socket:" << tcp->errorString();
            delete tcp;
        }
        m_ready.set_value(ok);
        if (ok) {
            exec();
        }
        server.reset(); // its sockets, its services (and their prepared statements)
        if (m_db) {
            m_db->releaseThreadConnection();
        }
    }

private:
    int m_index;
    int m_fd;
    Factory m_factory;
    std::shared_ptr<core::Database> m_db;
    std::optional<QSslConfiguration> m_tls;
    std::promise<bool> m_ready;
};

PortalThreads::PortalThreads() = default;

PortalThreads::~PortalThreads() {
    stop();
}

core::Result<quint16> PortalThreads::start(const QHostAddress &address, quint16 port, int threads,
                                           const Factory &factory, std::shared_ptr<core::Database> db,
                                           const std::optional<QSslConfiguration> &tls) {
    stop();
    if (threads < 1) {
        return Error::invalid(tr("The portal needs at least one thread."));
    }
    std::vector<int> fds;
    for (int i = 0; i < threads; ++i) {
        Error error;
        const int fd = openReusePortSocket(address, port, &error);
        if (fd < 0) {
            for (const int f : fds) {
                ::close(f);
            }
            return error;
        }
        if (port == 0) {
            port = boundPort(fd); // the others join the port the kernel chose for the first
        }
        fds.push_back(fd);
    }
    std::vector<std::future<bool>> ready;
    for (int i = 0; i < threads; ++i) {
        m_workers.push_back(std::make_unique<Worker>(i, fds[size_t(i)], factory, db, tls));
        ready.push_back(m_workers.back()->ready());
        m_workers.back()->start();
    }
    bool ok = true;
    for (auto &r : ready) {
        ok = r.get() && ok;
    }
    if (!ok) {
        stop();
        return Error{ErrorCode::Network, tr("A portal thread could not start serving."), {}, {}, false};
    }
    m_port = port;
    return m_port;
}

void PortalThreads::stop() {
    for (auto &w : m_workers) {
        w->quit();
    }
    m_workers.clear(); // each waits for its thread
    m_port = 0;
}

} // namespace atrium::portal
