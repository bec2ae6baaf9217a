#include "portalapp.h"

#include "core/base/logging.h"
#include "core/identityproviders/certificaterefresher.h"
#include "core/invitations/invitationtoken.h"
#include "core/redemption/redemptionservice.h"
#include "core/secrets/keychainsecretstore.h"
#include "core/services/directoryservice.h"
#include "core/services/settingsservice.h"
#include "core/storage/connectioninfo.h"
#include "core/storage/database.h"
#include "core/userflows/signupservice.h"
#include "mailpump.h"
#include "portalserver.h"
#include "portalthreads.h"

#include <QCoreApplication>
#include <QFile>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QUrl>
#include <algorithm>
#include <optional>

namespace atrium::portal {

using namespace atrium::core;

PortalApp::PortalApp(QObject *parent) : QObject(parent) {}

PortalApp::~PortalApp() {
    m_threads.reset();
    m_server.reset();
    m_pump.reset();
}

QString PortalApp::listenUrl() const {
    const QString host = m_address.protocol() == QAbstractSocket::IPv6Protocol
                             ? QLatin1Char('[') + m_address.toString() + QLatin1Char(']')
                             : m_address.toString();
    return (m_tls ? QStringLiteral("https://") : QStringLiteral("http://")) + host + QLatin1Char(':') +
           QString::number(m_port);
}

Status PortalApp::start(const PortalConfig &config) {
    // The same keychain namespace as the console and atriumctl: they share the token key.
    m_secrets = std::make_shared<KeychainSecretStore>(QStringLiteral("directory"));
    auto info = ConnectionInfo::parse(config.dbUrl.isEmpty() ? QStringLiteral("sqlite:") + defaultDirectoryPath()
                                                             : config.dbUrl);
    if (!info.ok()) {
        return info.error();
    }
    if (info->engine == Engine::Postgres && qEnvironmentVariableIsEmpty("PGPASSWORD")) {
        auto pw = m_secrets->read(secretKeyForPostgres(info->user, info->host, info->port, info->database));
        if (pw.ok()) {
            info->password = *pw;
        }
    }
    auto db = Database::open(*info, Database::OpenMode::OpenExisting);
    if (!db.ok()) {
        return db.error();
    }
    m_db = *db;
    auto directory = DirectoryService::read(*m_db);
    if (!directory.ok()) {
        return directory.error();
    }
    auto key = TokenKey::load(*m_secrets, directory->tenantId);
    if (!key.ok()) {
        return key.error();
    }
    auto c = m_db->connection();
    if (!c.ok()) {
        return c.error();
    }
    auto base = SettingsService::read(*c, settingkey::PortalBaseUrl);
    if (!base.ok()) {
        return base.error();
    }
    m_baseUrl = *base;
    auto clock = std::make_shared<SystemClock>();
    m_service = std::make_shared<RedemptionService>(m_db, clock, *key);

    PortalOptions options;
    options.baseUrl = m_baseUrl;
    m_tls = !config.certFile.isEmpty();
    options.tls = m_tls;
    options.secureCookies = m_tls || QUrl(m_baseUrl).scheme() == QLatin1String("https");
    options.getPerMinute = config.getPerMinute;
    options.postPerMinute = config.postPerMinute;
    options.trustedProxy = config.trustedProxy;
    m_server = std::make_unique<PortalServer>(m_service, options);
    m_server->setSignUpService(std::make_shared<SignUpService>(m_db, clock, *key, m_secrets));
    m_threadCount = std::max(1, config.threads);

    std::optional<QSslConfiguration> tls;
    if (m_tls) {
        if (config.keyFile.isEmpty()) {
            return Error::invalid(tr("--cert needs --key (the certificate's private key, PEM)."));
        }
        QFile certFile(config.certFile);
        QFile keyFile(config.keyFile);
        if (!certFile.open(QIODevice::ReadOnly) || !keyFile.open(QIODevice::ReadOnly)) {
            return Error::invalid(tr("Cannot read the certificate or key file: %1")
                                      .arg(certFile.isOpen() ? keyFile.errorString() : certFile.errorString()));
        }
        const QList<QSslCertificate> chain = QSslCertificate::fromData(certFile.readAll(), QSsl::Pem);
        QSslKey sslKey(keyFile.readAll(), QSsl::Rsa, QSsl::Pem);
        if (sslKey.isNull()) {
            keyFile.seek(0);
            sslKey = QSslKey(keyFile.readAll(), QSsl::Ec, QSsl::Pem);
        }
        if (chain.isEmpty() || sslKey.isNull()) {
            return Error::invalid(tr("The certificate or key is not valid PEM (RSA or EC key)."));
        }
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        ssl.setLocalCertificateChain(chain);
        ssl.setPrivateKey(sslKey);
        ssl.setProtocol(QSsl::TlsV1_2OrLater);
        m_server->sslSetup(ssl);
        tls = ssl;
    }
    m_address = config.address;
    if (m_threadCount > 1) {
        // Every thread: its own services (connection, prepared statements, landing snapshot) and
        // server, sharing the rate limiters of m_server (which itself does not listen) and the
        // mail pump's poke (thread-safe).
        const PortalServer *limits = m_server.get();
        auto factory = [this, limits, options, clock, tokenKey = *key](int) {
            auto service = std::make_shared<RedemptionService>(m_db, clock, tokenKey);
            auto server = std::make_unique<PortalServer>(service, options);
            server->setSignUpService(std::make_shared<SignUpService>(m_db, clock, tokenKey, m_secrets));
            server->shareRateLimits(*limits);
            if (MailPump *pump = m_pump.get()) {
                server->setPasscodeQueuedHandler([pump] { pump->poke(); });
            }
            return server;
        };
        if (config.sendMail) {
            m_pump = std::make_unique<MailPump>(m_db, clock, m_secrets, config.mailIntervalMs);
        }
        m_threads = std::make_unique<PortalThreads>();
        auto port = m_threads->start(config.address, config.port, m_threadCount, factory, m_db, tls);
        if (!port.ok()) {
            m_threads.reset();
            return port.error();
        }
        m_port = *port;
    } else {
        m_port = m_server->listen(config.address, config.port);
    }
    if (m_port == 0) {
        return Error{
            ErrorCode::Network,
            tr("Cannot listen on %1 port %2 (in use, or not allowed).").arg(config.address.toString()).arg(config.port),
            {},
            {},
            false};
    }
    if (config.sendMail) {
        if (!m_pump) {
            m_pump = std::make_unique<MailPump>(m_db, clock, m_secrets, config.mailIntervalMs);
        }
        m_server->setPasscodeQueuedHandler([pump = m_pump.get()] { pump->poke(); });
        m_pump->start();
    }
    // SPEC §6: federation signing certificates are refreshed from their metadata URL before they expire.
    (new CertificateRefresher(m_db, clock, CertificateRefresher::kDefaultIntervalMs, this))->start();
    qCInfo(lcPortal) << "atrium-portal on" << listenUrl() << "with" << m_threadCount << "HTTP thread(s) for" << info->displayName() << "links built on"
                     << m_baseUrl;
    return {};
}

} // namespace atrium::portal
