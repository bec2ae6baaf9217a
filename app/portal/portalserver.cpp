#include "portalserver.h"

#include "core/base/constanttime.h"
#include "core/base/logging.h"
#include "core/redemption/redemptionservice.h"
#include "core/userflows/signupservice.h"

#include <QFile>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QHttpServerResponse>
#include <QPointer>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QUrl>
#include <QUrlQuery>
#include <algorithm>
#include <chrono>

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

QByteArray contentSecurityPolicy(const QString &baseOrigin, const QString &formActionOrigin) {
    QString formAction = QStringLiteral("'self'");
    if (!baseOrigin.isEmpty()) {
        formAction += QLatin1Char(' ') + baseOrigin;
    }
    if (!formActionOrigin.isEmpty()) {
        formAction += QLatin1Char(' ') + formActionOrigin;
    }
    return (QStringLiteral("default-src 'none'; style-src 'self'; img-src 'self'; form-action ") + formAction +
            QStringLiteral("; frame-ancestors 'none'; base-uri 'none'"))
        .toUtf8();
}

// 22 base64url characters: the shape of the CSRF tokens randomToken(16) makes.
bool isWellFormedCsrf(const QString &csrf) {
    if (csrf.size() != 22) {
        return false;
    }
    return std::all_of(csrf.cbegin(), csrf.cend(), [](QChar c) {
        const char16_t u = c.unicode();
        return (u >= u'A' && u <= u'Z') || (u >= u'a' && u <= u'z') || (u >= u'0' && u <= u'9') || u == u'_' ||
               u == u'-';
    });
}

// Milliseconds of the steady clock: one clock for every thread that shares a rate limiter.
qint64 steadyNowMs() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

QString redactedPath(const QString &path) {
    QString p = path;
    static const QRegularExpression re(QStringLiteral("/(redeem|unsubscribe)/[^/]+"));
    return p.replace(re, QStringLiteral("/\\1/<token>"));
}

} // namespace

PortalServer::PortalServer(std::shared_ptr<core::RedemptionService> service, PortalOptions options, QObject *parent)
    : QAbstractHttpServer(parent), m_service(std::move(service)), m_options(std::move(options)),
      m_pages(m_options.baseUrl),
      m_getLimiter(std::make_shared<RateLimiter>(m_options.getPerMinute, std::max(10, m_options.getPerMinute / 2))),
      m_postLimiter(std::make_shared<RateLimiter>(m_options.postPerMinute, std::max(5, m_options.postPerMinute / 2))) {
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
    m_signupCookie = hostPrefix ? QStringLiteral("__Host-atrium-signup") : QStringLiteral("atrium-signup");
    QFile css(QStringLiteral(":/portal/portal.css"));
    if (css.open(QIODevice::ReadOnly)) {
        m_css = css.readAll();
    }
    // What every request would otherwise build again: cookie attributes and the usual CSP.
    m_cookieAttrs = QStringLiteral("; Path=") + (m_basePath.isEmpty() ? QStringLiteral("/") : m_basePath) +
                    QStringLiteral("; HttpOnly; SameSite=Strict") +
                    (m_options.secureCookies ? QStringLiteral("; Secure") : QString());
    m_defaultCsp = contentSecurityPolicy(m_baseOrigin, {});
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
    // A sign-up step may wait for an API connector (a local event loop, up to 2 x 20 s); if the
    // guest's connection went away meanwhile there is nobody to answer.
    const QPointer<QTcpSocket> alive(socket);
    m_requests.fetch_add(1, std::memory_order_relaxed);
    Response r = route(request);
    if (!alive) {
        return true;
    }
    QHttpServerResponse resp(r.contentType, r.body, r.status);
    resp.setHeader(QByteArrayLiteral("Content-Security-Policy"),
                   r.formActionOrigin.isEmpty() ? m_defaultCsp
                                                : contentSecurityPolicy(m_baseOrigin, r.formActionOrigin));
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
    const qint64 now = steadyNowMs();
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
    if (!(isPost ? *m_postLimiter : *m_getLimiter).allow(client, now)) {
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
    const QString &cookieAttrs = m_cookieAttrs;
    QString csrf = cookies.value(m_csrfCookie);
    const bool csrfWellFormed = isWellFormedCsrf(csrf);
    QUrlQuery form;
    if (isPost) {
        form = parseForm(request.body());
        const QByteArray origin = request.value(QByteArrayLiteral("Origin"));
        // Browsers send "Origin: null" under Referrer-Policy no-referrer; a real foreign origin is refused.
        const bool originOk = origin.isEmpty() || origin == "null" || QString::fromLatin1(origin) == m_baseOrigin;
        const QString sent = form.queryItemValue(QStringLiteral("csrf"), QUrl::FullyDecoded);
        if (!csrfWellFormed || !originOk || !core::constantTimeEquals(sent.toLatin1(), csrf.toLatin1())) {
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
        if (s->needsTerms) {
            return redirect(m_pages.url(QStringLiteral("/terms")));
        }
        return redirect(s->redirectUrl);
    }

    if (path == QLatin1String("/terms")) {
        const QString session = cookies.value(m_sessionCookie);
        if (isGet) {
            auto s = m_service->consentView(session);
            if (!s.ok()) {
                return failed(s.error());
            }
            if (s->problem != RedeemProblem::None) {
                return problem(*s, {});
            }
            if (!s->needsTerms) {
                return redirect(m_pages.url(QStringLiteral("/consent")));
            }
            r.formActionOrigin = originOf(s->invitation.redirectUrl);
            r.body = m_pages.terms(s->invitation.organizationName, s->termsOfUseUrl, s->termsOfUseText,
                                   QStringLiteral("/terms"), csrf);
            return r;
        }
        if (form.queryItemValue(QStringLiteral("acceptTerms")) != QLatin1String("1")) {
            RedeemStep s;
            s.problem = RedeemProblem::TermsNotAccepted;
            return problem(s, {});
        }
        auto s = m_service->accept(session, true);
        if (!s.ok()) {
            return failed(s.error());
        }
        if (s->problem != RedeemProblem::None) {
            return problem(*s, {});
        }
        if (s->needsConsent && s->redirectUrl.isEmpty()) {
            return redirect(m_pages.url(QStringLiteral("/consent")));
        }
        return redirect(s->redirectUrl);
    }

    if (path.startsWith(QLatin1String("/signup/")) && m_signup) {
        signUp(request, r, path, csrf, form, cookies, cookieAttrs);
        return r;
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
        if (a->needsTerms) {
            return redirect(m_pages.url(QStringLiteral("/terms")));
        }
        return redirect(a->redirectUrl);
    }
    return redirect(m_pages.url(QStringLiteral("/consent")));
}

void PortalServer::signUp(const QHttpServerRequest &request, Response &r, const QString &path, const QString &csrf,
                          const QUrlQuery &form, const QHash<QString, QString> &cookies, const QString &cookieAttrs) {
    using core::SignUpProblem;
    using core::SignUpStep;
    static const QRegularExpression re(
        QStringLiteral("^/signup/(B2X_1_[A-Za-z0-9_-]{1,64})(/email|/code|/attributes|/consent|/terms)?$"));
    const QRegularExpressionMatch m = re.match(path);
    const bool isPost = request.method() == QHttpServerRequest::Method::Post;
    auto page = [&](Status status, const QByteArray &body) {
        r.status = status;
        r.body = body;
    };
    auto redirect = [&](const QString &location) {
        r.status = Status::SeeOther;
        r.headers.append({QByteArrayLiteral("Location"), QUrl(location).toEncoded()});
        r.body.clear();
    };
    auto failed = [&](const core::Error &e) {
        qCWarning(lcPortal) << "sign-up request failed:" << e.message << e.detail;
        page(e.transient || e.code == core::ErrorCode::Conflict ? Status::ServiceUnavailable
                                                                : Status::InternalServerError,
             m_pages.message(Pages::tr("Something went wrong"),
                             Pages::tr("The portal could not complete this step. Nothing was changed; please try again "
                                       "in a moment.")));
    };
    auto problem = [&](const SignUpStep &s) {
        Status st = Status::Forbidden;
        switch (s.problem) {
        case SignUpProblem::UnknownFlow:
            st = Status::NotFound;
            break;
        case SignUpProblem::InvalidEmail:
            st = Status::BadRequest;
            break;
        case SignUpProblem::TooManyResends:
            st = Status::TooManyRequests;
            break;
        case SignUpProblem::SessionInvalid:
            st = Status::Unauthorized;
            break;
        case SignUpProblem::ConnectorFailed:
            st = Status::BadGateway;
            break;
        default:
            break;
        }
        page(st, m_pages.signUpProblem(s, csrf));
    };
    if (!m.hasMatch()) {
        page(Status::NotFound,
             m_pages.message(Pages::tr("Page not found"), Pages::tr("There is no page at this address.")));
        return;
    }
    const QString flow = m.captured(1);
    const QString action = m.captured(2);
    const QString base = QStringLiteral("/signup/") + flow;
    const QString session = cookies.value(m_signupCookie);
    const QString locales = QString::fromLatin1(request.value(QByteArrayLiteral("Accept-Language")))
                                .section(QLatin1Char(','), 0, 0)
                                .section(QLatin1Char(';'), 0, 0)
                                .trimmed()
                                .left(35);

    if (action.isEmpty()) {
        if (isPost) {
            page(Status::MethodNotAllowed,
                 m_pages.message(Pages::tr("Not allowed"), Pages::tr("Use the button on the page.")));
            return;
        }
        auto s = m_signup->start(flow);
        if (!s.ok()) {
            return failed(s.error());
        }
        if (s->problem != SignUpProblem::None) {
            return problem(*s);
        }
        r.body = m_pages.signUpEmail(*s, csrf, {});
        return;
    }
    if (action == QLatin1String("/email")) {
        if (!isPost) {
            return redirect(m_pages.url(base));
        }
        auto s = m_signup->requestPasscode(flow, form.queryItemValue(QStringLiteral("email"), QUrl::FullyDecoded));
        if (!s.ok()) {
            return failed(s.error());
        }
        if (s->problem == SignUpProblem::InvalidEmail) {
            r.status = Status::BadRequest;
            r.body = m_pages.signUpEmail(*s, csrf, s->message);
            return;
        }
        if (s->problem != SignUpProblem::None) {
            return problem(*s);
        }
        const QString cookie = m_signupCookie + QLatin1Char('=') + s->sessionSecret + cookieAttrs +
                               QStringLiteral("; Max-Age=") +
                               QString::number(m_signup->options().sessionLifetimeMs / 1000);
        r.headers.append({QByteArrayLiteral("Set-Cookie"), cookie.toLatin1()});
        if (m_onPasscodeQueued) {
            m_onPasscodeQueued();
        }
        return redirect(m_pages.url(base + QStringLiteral("/code")));
    }
    if (action == QLatin1String("/code")) {
        if (!isPost) {
            auto s = m_signup->codeView(flow, session);
            if (!s.ok()) {
                return failed(s.error());
            }
            if (s->problem != SignUpProblem::None) {
                return problem(*s);
            }
            r.body = m_pages.signUpCode(*s, csrf, {});
            return;
        }
        auto s = m_signup->verifyPasscode(flow, session,
                                          form.queryItemValue(QStringLiteral("code"), QUrl::FullyDecoded), locales);
        if (!s.ok()) {
            return failed(s.error());
        }
        if (s->problem == SignUpProblem::WrongCode) {
            r.status = Status::BadRequest;
            r.body = m_pages.signUpCode(*s, csrf,
                                        Pages::tr("That code is not right. You have %n more tries.", s->attemptsLeft));
            return;
        }
        if (s->problem != SignUpProblem::None) {
            return problem(*s);
        }
        return redirect(m_pages.url(base + QStringLiteral("/attributes")));
    }
    if (action == QLatin1String("/attributes")) {
        if (!isPost) {
            auto s = m_signup->attributesView(flow, session);
            if (!s.ok()) {
                return failed(s.error());
            }
            if (s->problem != SignUpProblem::None) {
                return problem(*s);
            }
            r.body = m_pages.signUpAttributes(*s, csrf);
            return;
        }
        QHash<QString, QString> values;
        const auto items = form.queryItems(QUrl::FullyDecoded);
        for (const auto &item : items) {
            if (item.first != QLatin1String("csrf") && !values.contains(item.first)) {
                values.insert(item.first, item.second);
            }
        }
        auto s = m_signup->submitAttributes(flow, session, values, locales);
        if (!s.ok()) {
            return failed(s.error());
        }
        if (s->problem == SignUpProblem::ValidationError || s->problem == SignUpProblem::InvalidAttribute) {
            // At the form, with the message; the guest corrects and submits again.
            r.status = Status::BadRequest;
            r.body = m_pages.signUpAttributes(*s, csrf);
            return;
        }
        if (s->problem != SignUpProblem::None) {
            return problem(*s);
        }
        return redirect(m_pages.url(base + QStringLiteral("/consent")));
    }
    // consent and terms
    auto view = m_signup->consentView(flow, session);
    if (!view.ok()) {
        return failed(view.error());
    }
    if (view->problem != SignUpProblem::None) {
        return problem(*view);
    }
    r.formActionOrigin = originOf(view->redirectUrl);
    const bool terms = action == QLatin1String("/terms");
    if (!isPost) {
        if (terms) {
            if (!view->needsTerms) {
                return redirect(m_pages.url(base + QStringLiteral("/consent")));
            }
            r.body = m_pages.terms(view->organizationName, view->termsOfUseUrl, view->termsOfUseText,
                                   base + QStringLiteral("/terms"), csrf);
        } else {
            r.body = m_pages.signUpConsent(*view, csrf);
        }
        return;
    }
    if (terms && form.queryItemValue(QStringLiteral("acceptTerms")) != QLatin1String("1")) {
        SignUpStep s = *view;
        s.problem = SignUpProblem::TermsNotAccepted;
        return problem(s);
    }
    auto s = m_signup->accept(flow, session, terms);
    if (!s.ok()) {
        return failed(s.error());
    }
    if (s->problem != SignUpProblem::None) {
        return problem(*s);
    }
    if (s->needsTerms) {
        return redirect(m_pages.url(base + QStringLiteral("/terms")));
    }
    // Done: the sign-up cookie is cleared, the guest goes on to the flow's redirect URL.
    r.headers.append({QByteArrayLiteral("Set-Cookie"),
                      (m_signupCookie + QStringLiteral("=") + cookieAttrs + QStringLiteral("; Max-Age=0")).toLatin1()});
    redirect(s->redirectUrl);
}

} // namespace atrium::portal
