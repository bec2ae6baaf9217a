#include "portalserver.h"

#include "core/base/logging.h"
#include "core/redemption/redemptionservice.h"

#include <QFile>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QHttpServerResponse>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QUrl>
#include <QUrlQuery>
#include <algorithm>

namespace atrium::portal {

using core::RedeemProblem;
using core::RedeemStep;
using Status = QHttpServerResponder::StatusCode;

struct PortalServer::Response {
    Status status = Status::Ok;
    QByteArray contentType = QByteArrayLiteral("text/html; charset=utf-8");
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    QString formActionOrigin; // the redirect URL's origin, for pages whose form may end there
    bool cacheable = false;
};

namespace {

QString randomToken(int bytes) {
    QByteArray b(bytes, Qt::Uninitialized);
    QRandomGenerator::system()->generate(reinterpret_cast<quint32 *>(b.data()),
                                         reinterpret_cast<quint32 *>(b.data() + b.size()));
    return QString::fromLatin1(b.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

bool constantTimeEquals(const QByteArray &a, const QByteArray &b) {
    if (a.size() != b.size()) {
        return false;
    }
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i) {
        diff |= static_cast<unsigned char>(a.at(i) ^ b.at(i));
    }
    return diff == 0;
}

QString originOf(const QString &url) {
    const QUrl u(url);
    if (!u.isValid() || u.host().isEmpty()) {
        return {};
    }
    return u.adjusted(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::RemoveUserInfo)
        .toString(QUrl::FullyEncoded);
}

QHash<QString, QString> parseCookies(const QHttpServerRequest &request) {
    QHash<QString, QString> out;
    const auto headers = request.headers();
    for (const auto &h : headers) {
        if (h.first.compare("cookie", Qt::CaseInsensitive) != 0) {
            continue;
        }
        const QList<QByteArray> parts = h.second.split(';');
        for (const QByteArray &p : parts) {
            const qsizetype eq = p.indexOf('=');
            if (eq > 0) {
                out.insert(QString::fromLatin1(p.left(eq).trimmed()), QString::fromLatin1(p.mid(eq + 1).trimmed()));
            }
        }
    }
    return out;
}

QUrlQuery parseForm(const QByteArray &body) {
    QByteArray b = body;
    b.replace('+', "%20"); // application/x-www-form-urlencoded writes spaces as '+'
    return QUrlQuery(QString::fromLatin1(b));
}

// Tokens are 43 base64url characters; anything else in that place is not one.
const QRegularExpression &tokenPath() {
    static const QRegularExpression re(
        QStringLiteral("^/(redeem|unsubscribe)/([A-Za-z0-9_-]{1,100})(/passcode|/code)?$"));
    return re;
}

QString redactedPath(const QString &path) {
    QString p = path;
    static const QRegularExpression re(QStringLiteral("/(redeem|unsubscribe)/[^/]+"));
    return p.replace(re, QStringLiteral("/\\1/<token>"));
}

} // namespace

PortalServer::PortalServer(std::shared_ptr<core::RedemptionService> service, PortalOptions options, QObject *parent)
    : QAbstractHttpServer(parent), m_service(std::move(service)), m_options(std::move(options)),
      m_pages(m_options.baseUrl), m_getLimiter(m_options.getPerMinute, std::max(10, m_options.getPerMinute / 2)),
      m_postLimiter(m_options.postPerMinute, std::max(5, m_options.postPerMinute / 2)) {
    const QUrl base(m_options.baseUrl);
    m_basePath = base.path();
    while (m_basePath.endsWith(QLatin1Char('/'))) {
        m_basePath.chop(1);
    }
    m_baseOrigin = originOf(m_options.baseUrl);
    // "__Host-" cookies are only accepted over https, host-only, with Path=/.
    const bool hostPrefix = m_options.secureCookies && m_basePath.isEmpty();
    m_csrfCookie = hostPrefix ? QStringLiteral("__Host-atrium-csrf") : QStringLiteral("atrium-csrf");
    m_sessionCookie = hostPrefix ? QStringLiteral("__Host-atrium-session") : QStringLiteral("atrium-session");
    QFile css(QStringLiteral(":/portal/portal.css"));
    if (css.open(QIODevice::ReadOnly)) {
        m_css = css.readAll();
    }
    m_uptime.start();
}

PortalServer::~PortalServer() = default;

QString PortalServer::clientAddress(const QHttpServerRequest &request) const {
    const QHostAddress peer = request.remoteAddress();
    if (!m_options.trustedProxy.isNull() && peer.isEqual(m_options.trustedProxy)) {
        const QByteArray fwd = request.value(QByteArrayLiteral("X-Forwarded-For"));
        if (!fwd.isEmpty()) {
            // The proxy appends the address it saw: the last entry is the one we can believe.
            const QHostAddress client(QString::fromLatin1(fwd.split(',').last().trimmed()));
            if (!client.isNull()) {
                return client.toString();
            }
        }
    }
    return peer.toString();
}

bool PortalServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) {
    Response r = route(request);
    QHttpServerResponse resp(r.contentType, r.body, r.status);
    QString formAction = QStringLiteral("'self'");
    if (!m_baseOrigin.isEmpty()) {
        formAction += QLatin1Char(' ') + m_baseOrigin;
    }
    if (!r.formActionOrigin.isEmpty()) {
        formAction += QLatin1Char(' ') + r.formActionOrigin;
    }
    const QString csp = QStringLiteral("default-src 'none'; style-src 'self'; img-src 'self'; form-action ") +
                        formAction + QStringLiteral("; frame-ancestors 'none'; base-uri 'none'");
    resp.setHeader(QByteArrayLiteral("Content-Security-Policy"), csp.toUtf8());
    resp.setHeader(QByteArrayLiteral("Referrer-Policy"), QByteArrayLiteral("no-referrer"));
    resp.setHeader(QByteArrayLiteral("X-Frame-Options"), QByteArrayLiteral("DENY"));
    resp.setHeader(QByteArrayLiteral("X-Content-Type-Options"), QByteArrayLiteral("nosniff"));
    resp.setHeader(QByteArrayLiteral("Cross-Origin-Opener-Policy"), QByteArrayLiteral("same-origin"));
    if (m_options.tls) {
        resp.setHeader(QByteArrayLiteral("Strict-Transport-Security"), QByteArrayLiteral("max-age=31536000"));
    }
    resp.setHeader(QByteArrayLiteral("Cache-Control"),
                   r.cacheable ? QByteArrayLiteral("public, max-age=3600") : QByteArrayLiteral("no-store"));
    for (const auto &h : std::as_const(r.headers)) {
        resp.addHeader(h.first, h.second);
    }
    resp.write(makeResponder(request, socket));
    return true;
}

void PortalServer::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) {
    // handleRequest answers everything; this is only reached if Qt calls it anyway.
    QHttpServerResponse(QByteArrayLiteral("text/plain"), QByteArrayLiteral("not found"), Status::NotFound)
        .write(makeResponder(request, socket));
}

PortalServer::Response PortalServer::route(const QHttpServerRequest &request) {
    Response r;
    const qint64 now = m_uptime.elapsed();
    const bool isGet =
        request.method() == QHttpServerRequest::Method::Get || request.method() == QHttpServerRequest::Method::Head;
    const bool isPost = request.method() == QHttpServerRequest::Method::Post;
    QString path = request.url().path();
    qCDebug(lcPortal) << request.method() << redactedPath(path);

    auto page = [&](Status status, const QString &title, const QString &text) {
        r.status = status;
        r.body = m_pages.message(title, text);
        return r;
    };
    if (!isGet && !isPost) {
        r.headers.append({QByteArrayLiteral("Allow"), QByteArrayLiteral("GET, HEAD, POST")});
        return page(Status::MethodNotAllowed, Pages::tr("Not allowed"),
                    Pages::tr("This address only takes GET and POST."));
    }
    if (!m_basePath.isEmpty()) {
        if (!path.startsWith(m_basePath + QLatin1Char('/'))) {
            return page(Status::NotFound, Pages::tr("Page not found"), Pages::tr("There is no page at this address."));
        }
        path = path.mid(m_basePath.size());
    }
    const QString client = clientAddress(request);
    if (!(isPost ? m_postLimiter : m_getLimiter).allow(client, now)) {
        r.headers.append({QByteArrayLiteral("Retry-After"), QByteArrayLiteral("60")});
        return page(Status::TooManyRequests, Pages::tr("Too many requests"),
                    Pages::tr("Please wait a minute and try again."));
    }
    if (isGet && path == QLatin1String("/static/portal.css")) {
        r.contentType = QByteArrayLiteral("text/css; charset=utf-8");
        r.body = m_css;
        r.cacheable = true;
        return r;
    }
    if (isGet && path == QLatin1String("/healthz")) {
        r.contentType = QByteArrayLiteral("text/plain; charset=utf-8");
        r.body = QByteArrayLiteral("ok\n");
        return r;
    }

    const QHash<QString, QString> cookies = parseCookies(request);
    const QString cookieAttrs = QStringLiteral("; Path=") + (m_basePath.isEmpty() ? QStringLiteral("/") : m_basePath) +
                                QStringLiteral("; HttpOnly; SameSite=Strict") +
                                (m_options.secureCookies ? QStringLiteral("; Secure") : QString());
    QString csrf = cookies.value(m_csrfCookie);
    const bool csrfWellFormed =
        csrf.size() == 22 && !csrf.contains(QRegularExpression(QStringLiteral("[^A-Za-z0-9_-]")));
    QUrlQuery form;
    if (isPost) {
        form = parseForm(request.body());
        const QByteArray origin = request.value(QByteArrayLiteral("Origin"));
        // Browsers send "Origin: null" under Referrer-Policy no-referrer; a real foreign origin is refused.
        const bool originOk = origin.isEmpty() || origin == "null" || QString::fromLatin1(origin) == m_baseOrigin;
        const QString sent = form.queryItemValue(QStringLiteral("csrf"), QUrl::FullyDecoded);
        if (!csrfWellFormed || !originOk || !constantTimeEquals(sent.toLatin1(), csrf.toLatin1())) {
            qCInfo(lcPortal) << "refused a POST without a valid CSRF token from" << client;
            return page(Status::Forbidden, Pages::tr("This form has expired"),
                        Pages::tr("Go back, reload the page and try again. (The form's security check failed.)"));
        }
    } else if (!csrfWellFormed) {
        csrf = randomToken(16);
        const QString cookie = m_csrfCookie + QLatin1Char('=') + csrf + cookieAttrs;
        r.headers.append({QByteArrayLiteral("Set-Cookie"), cookie.toLatin1()});
    }

    auto failed = [&](const core::Error &e) {
        qCWarning(lcPortal) << "request failed:" << e.message << e.detail;
        return page(e.transient || e.code == core::ErrorCode::Conflict ? Status::ServiceUnavailable
                                                                       : Status::InternalServerError,
                    Pages::tr("Something went wrong"),
                    Pages::tr("The portal could not complete this step. Nothing was changed; please try again in a "
                              "moment."));
    };
    auto redirect = [&](const QString &location) {
        r.status = Status::SeeOther;
        r.headers.append({QByteArrayLiteral("Location"), QUrl(location).toEncoded()});
        r.body.clear();
        return r;
    };
    auto problem = [&](const RedeemStep &s, const QString &token) {
        switch (s.problem) {
        case RedeemProblem::UnknownLink:
            r.status = Status::NotFound;
            break;
        case RedeemProblem::TooManyResends:
            r.status = Status::TooManyRequests;
            break;
        case RedeemProblem::SessionInvalid:
            r.status = Status::Unauthorized;
            break;
        case RedeemProblem::ExternalProvider:
            r.status = Status::Ok;
            break;
        default:
            r.status = Status::Forbidden;
        }
        r.body = m_pages.problem(s, token, csrf);
        return r;
    };

    if (path == QLatin1String("/consent")) {
        const QString session = cookies.value(m_sessionCookie);
        if (isGet) {
            auto s = m_service->consentView(session);
            if (!s.ok()) {
                return failed(s.error());
            }
            if (s->problem != RedeemProblem::None) {
                return problem(*s, {});
            }
            r.formActionOrigin = originOf(s->invitation.redirectUrl);
            r.body = m_pages.consent(*s, csrf);
            return r;
        }
        auto s = m_service->accept(session);
        if (!s.ok()) {
            return failed(s.error());
        }
        if (s->problem != RedeemProblem::None) {
            return problem(*s, {});
        }
        return redirect(s->redirectUrl);
    }

    const QRegularExpressionMatch m = tokenPath().match(path);
    if (!m.hasMatch()) {
        return page(Status::NotFound, Pages::tr("Page not found"), Pages::tr("There is no page at this address."));
    }
    const QString token = m.captured(2);
    const QString action = m.captured(3);
    const QString redeemPath = QStringLiteral("/redeem/") + token;

    if (m.captured(1) == QLatin1String("unsubscribe")) {
        if (!action.isEmpty()) {
            return page(Status::NotFound, Pages::tr("Page not found"), Pages::tr("There is no page at this address."));
        }
        auto s = isGet ? m_service->unsubscribeView(token) : m_service->unsubscribe(token);
        if (!s.ok()) {
            return failed(s.error());
        }
        if (s->problem != RedeemProblem::None) {
            return problem(*s, {});
        }
        r.body = isGet ? m_pages.unsubscribeConfirm(*s, token, csrf) : m_pages.unsubscribeDone(*s);
        return r;
    }

    if (action.isEmpty()) {
        if (!isGet) {
            return page(Status::MethodNotAllowed, Pages::tr("Not allowed"), Pages::tr("Use the button on the page."));
        }
        auto s = m_service->landing(token);
        if (!s.ok()) {
            return failed(s.error());
        }
        if (s->problem != RedeemProblem::None) {
            return problem(*s, {});
        }
        r.body = m_pages.landing(*s, token, csrf);
        return r;
    }
    if (action == QLatin1String("/passcode")) {
        if (!isPost) {
            return redirect(m_pages.url(redeemPath));
        }
        auto s = m_service->requestPasscode(token);
        if (!s.ok()) {
            return failed(s.error());
        }
        if (s->problem != RedeemProblem::None) {
            return problem(*s, token);
        }
        if (m_onPasscodeQueued) {
            m_onPasscodeQueued();
        }
        return redirect(m_pages.url(redeemPath + QStringLiteral("/code")));
    }
    // action == "/code"
    if (isGet) {
        auto s = m_service->landing(token);
        if (!s.ok()) {
            return failed(s.error());
        }
        if (s->problem != RedeemProblem::None) {
            return problem(*s, {});
        }
        r.formActionOrigin = originOf(s->invitation.redirectUrl);
        r.body = m_pages.codeEntry(*s, token, csrf, {}, false);
        return r;
    }
    auto s = m_service->verifyPasscode(token, form.queryItemValue(QStringLiteral("code"), QUrl::FullyDecoded));
    if (!s.ok()) {
        return failed(s.error());
    }
    if (s->problem == RedeemProblem::WrongCode) {
        r.status = Status::BadRequest;
        r.formActionOrigin = originOf(s->invitation.redirectUrl);
        r.body = m_pages.codeEntry(*s, token, csrf,
                                   Pages::tr("That code is not right. You have %n more tries.", s->attemptsLeft), true);
        return r;
    }
    if (s->problem != RedeemProblem::None) {
        return problem(*s, token);
    }
    const qint64 maxAge = m_service->options().sessionLifetimeMs / 1000;
    const QString cookie = m_sessionCookie + QLatin1Char('=') + s->sessionSecret + cookieAttrs +
                           QStringLiteral("; Max-Age=") + QString::number(maxAge);
    r.headers.append({QByteArrayLiteral("Set-Cookie"), cookie.toLatin1()});
    if (!s->needsConsent) {
        // Consent is asked once: a guest who consented before (reset redemption) goes straight on.
        auto a = m_service->accept(s->sessionSecret);
        if (!a.ok()) {
            return failed(a.error());
        }
        if (a->problem != RedeemProblem::None) {
            return problem(*a, {});
        }
        return redirect(a->redirectUrl);
    }
    return redirect(m_pages.url(QStringLiteral("/consent")));
}

} // namespace atrium::portal
