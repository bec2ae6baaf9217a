#pragma once

#include "core/base/clock.h"
#include "core/base/result.h"

#include <QHostAddress>
#include <QObject>
#include <memory>

namespace atrium::core {
class Database;
class RedemptionService;
class SecretStore;
} // namespace atrium::core

namespace atrium::portal {

class MailPump;
class PortalServer;
class PortalThreads;

struct PortalConfig {
    QString dbUrl; // empty: the default SQLite directory
    QHostAddress address = QHostAddress::LocalHost;
    quint16 port = 8443;
    QString certFile; // PEM; with keyFile: serve HTTPS
    QString keyFile;
    QHostAddress trustedProxy;
    int getPerMinute = 600;
    int postPerMinute = 30;
    int mailIntervalMs = 30000;
    bool sendMail = true;
    // HTTP serving threads (issue 7). 1: the server runs on the calling (main) thread, as before;
    // more: PortalThreads, one listening socket per thread on the same port (SO_REUSEPORT).
    int threads = 1;
};

// Builds the running portal from its configuration: opens the directory, loads the token key
// from the keychain, reads the portal base URL, starts the HTTP(S) listener and the mail pump.
class PortalApp final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PortalApp)
public:
    explicit PortalApp(QObject *parent = nullptr);
    ~PortalApp() override;

    core::Status start(const PortalConfig &config);
    quint16 port() const { return m_port; }
    int threads() const { return m_threadCount; }
    QString listenUrl() const;
    QString baseUrl() const { return m_baseUrl; }

private:
    std::shared_ptr<core::Database> m_db;
    std::shared_ptr<core::SecretStore> m_secrets;
    std::shared_ptr<core::RedemptionService> m_service;
    std::unique_ptr<MailPump> m_pump;
    std::unique_ptr<PortalServer> m_server;   // threads == 1
    std::unique_ptr<PortalThreads> m_threads; // threads > 1
    int m_threadCount = 1;
    quint16 m_port = 0;
    bool m_tls = false;
    QHostAddress m_address;
    QString m_baseUrl;
};

} // namespace atrium::portal
