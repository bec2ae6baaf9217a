#pragma once

#include "pages.h"
#include "ratelimiter.h"

#include <QAbstractHttpServer>
#include <QHash>
#include <QHostAddress>
#include <QUrlQuery>
#include <atomic>
#include <functional>
#include <memory>

namespace atrium::core {
class RedemptionService;
class SignUpService;
} // namespace atrium::core

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
//   GET  /terms, POST /terms        terms of use after consent, when configured (SPEC §2)
//   GET  /unsubscribe/<token>, POST the same: block future invitations
//   GET  /signup/<B2X_1_flow>                    self-service sign-up (SPEC §8): email
//   POST /signup/<flow>/email                    send a code; opens the sign-up session (cookie)
//   GET|POST /signup/<flow>/code                 verify; then the postFederationSignup connector
//   GET|POST /signup/<flow>/attributes           attributes in page order; postAttributeCollection
//   GET|POST /signup/<flow>/consent, /terms      then the flow's redirect URL
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
    // Self-service sign-up; without it /signup/... answers 404.
    void setSignUpService(std::shared_ptr<core::SignUpService> signup) { m_signup = std::move(signup); }
    const PortalOptions &options() const { return m_options; }

    // The per-address rate limiters (GET, POST). Servers of one portal on several threads share
    // them (RateLimiter is thread-safe), so that an address has one budget, not one per thread.
    std::shared_ptr<RateLimiter> getLimiter() const { return m_getLimiter; }
    std::shared_ptr<RateLimiter> postLimiter() const { return m_postLimiter; }
    void shareRateLimits(const PortalServer &other) {
        m_getLimiter = other.m_getLimiter;
        m_postLimiter = other.m_postLimiter;
    }
    // Requests this server answered (any thread may read it).
    quint64 requestCount() const { return m_requests.load(std::memory_order_relaxed); }

    struct Response;

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    Response route(const QHttpServerRequest &request);
    void signUp(const QHttpServerRequest &request, Response &r, const QString &path, const QString &csrf,
                const QUrlQuery &form, const QHash<QString, QString> &cookies, const QString &cookieAttrs);
    QString clientAddress(const QHttpServerRequest &request) const;

    std::shared_ptr<core::RedemptionService> m_service;
    std::shared_ptr<core::SignUpService> m_signup;
    PortalOptions m_options;
    Pages m_pages;
    QString m_basePath;
    QString m_baseOrigin;
    QString m_csrfCookie;
    QString m_sessionCookie;
    QString m_signupCookie;
    QString m_cookieAttrs;        // "; Path=...; HttpOnly; SameSite=Strict[; Secure]"
    QByteArray m_defaultCsp;      // Content-Security-Policy of pages with no foreign form target
    std::shared_ptr<RateLimiter> m_getLimiter;
    std::shared_ptr<RateLimiter> m_postLimiter;
    std::function<void()> m_onPasscodeQueued;
    QByteArray m_css;
    std::atomic<quint64> m_requests{0};
};

} // namespace atrium::portal
