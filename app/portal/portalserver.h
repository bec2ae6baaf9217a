#pragma once

#include "pages.h"
#include "ratelimiter.h"

#include <QAbstractHttpServer>
#include <QElapsedTimer>
#include <QHostAddress>
#include <functional>
#include <memory>

namespace atrium::core {
class RedemptionService;
}

namespace atrium::portal {

struct PortalOptions {
    QString baseUrl;            // the configured portalBaseUrl: every link and redirect is built on it
    bool secureCookies = false; // TLS here, or an https base URL behind a reverse proxy
    bool tls = false;           // adds Strict-Transport-Security
    int getPerMinute = 600;     // per client address; 0 = unlimited
    int postPerMinute = 30;
    QHostAddress trustedProxy; // X-Forwarded-For is believed only from this address
};

// The guest portal's HTTP surface (SPEC §2, §7): routes, CSRF, cookies, security headers, rate
// limits. What each step does is RedemptionService's business; this class only translates HTTP.
// Routes (below the base URL's path):
//   GET  /redeem/<token>            landing (never consumes the token)
//   POST /redeem/<token>/passcode   send a code (303 to the code page)
//   GET  /redeem/<token>/code       code entry
//   POST /redeem/<token>/code       verify; opens the session (cookie), 303 to /consent
//   GET  /consent, POST /consent    Review permissions; accept = 303 to the redirect URL
//   GET  /unsubscribe/<token>, POST the same: block future invitations
//   GET  /static/portal.css, GET /healthz
// Tokens and codes are never logged.
class PortalServer final : public QAbstractHttpServer {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PortalServer)
public:
    PortalServer(std::shared_ptr<core::RedemptionService> service, PortalOptions options, QObject *parent = nullptr);
    ~PortalServer() override;

    // Called after a passcode was queued (the portal drains the outbox then).
    void setPasscodeQueuedHandler(std::function<void()> handler) { m_onPasscodeQueued = std::move(handler); }
    const PortalOptions &options() const { return m_options; }

    struct Response;

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    Response route(const QHttpServerRequest &request);
    QString clientAddress(const QHttpServerRequest &request) const;

    std::shared_ptr<core::RedemptionService> m_service;
    PortalOptions m_options;
    Pages m_pages;
    QString m_basePath;
    QString m_baseOrigin;
    QString m_csrfCookie;
    QString m_sessionCookie;
    RateLimiter m_getLimiter;
    RateLimiter m_postLimiter;
    QElapsedTimer m_uptime;
    std::function<void()> m_onPasscodeQueued;
    QByteArray m_css;
};

} // namespace atrium::portal
