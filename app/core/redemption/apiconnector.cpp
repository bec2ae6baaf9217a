#include "core/redemption/apiconnector.h"

#include "core/base/logging.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslConfiguration>
#include <QTimer>
#include <algorithm>

namespace atrium::core {

namespace {
QString tr(const char *s) {
    return QCoreApplication::translate("atrium::core::ApiConnectorClient", s);
}

bool isLoopbackHost(const QString &host) {
    return host == QLatin1String("localhost") || host == QLatin1String("127.0.0.1") || host == QLatin1String("::1");
}

ConnectorAnswer failure(int status, const QString &why) {
    ConnectorAnswer a;
    a.action = ConnectorAnswer::Action::Failure;
    a.httpStatus = status;
    a.failure = why;
    return a;
}
} // namespace

QString toString(ConnectorStep step) {
    return step == ConnectorStep::PostFederationSignup ? QStringLiteral("PostFederationSignup")
                                                       : QStringLiteral("PostAttributeCollection");
}

QJsonObject ConnectorClaims::toJson(ConnectorStep step) const {
    QJsonObject o;
    const auto put = [&o](const QString &key, const QString &value) {
        if (!value.trimmed().isEmpty()) {
            o.insert(key, value);
        }
    };
    put(QStringLiteral("email"), email);
    if (!identities.isEmpty()) {
        o.insert(QStringLiteral("identities"), identities);
    }
    put(QStringLiteral("displayName"), displayName);
    put(QStringLiteral("givenName"), givenName);
    put(QStringLiteral("surname"), surname);
    for (auto it = attributes.begin(); it != attributes.end(); ++it) {
        if (!(it->isNull() || it->isUndefined() || (it->isString() && it->toString().trimmed().isEmpty()))) {
            o.insert(it.key(), *it);
        }
    }
    put(QStringLiteral("ui_locales"), uiLocales);
    o.insert(QStringLiteral("step"), toString(step));
    return o;
}

ApiConnectorClient::ApiConnectorClient(ApiConnectorConfig config) : m_config(std::move(config)) {}

Status ApiConnectorClient::validate(const ApiConnectorConfig &c) {
    const QString scheme = c.endpoint.scheme().toLower();
    if (!c.endpoint.isValid() || c.endpoint.host().isEmpty() ||
        !(scheme == QLatin1String("https") || (scheme == QLatin1String("http") && isLoopbackHost(c.endpoint.host())))) {
        return Error::invalid(tr("The API connector endpoint must be an https:// URL (http:// only for localhost)."),
                              QStringLiteral("endpoint"));
    }
    const bool basic = !c.username.isEmpty();
    const bool certificate = !c.clientCertificate.isNull();
    if (basic == certificate) {
        return Error::invalid(tr("Choose one authentication for the API connector: HTTP Basic (user name and "
                                 "password) or a client certificate."),
                              QStringLiteral("authentication"));
    }
    if (certificate && c.clientKey.isNull()) {
        return Error::invalid(tr("The client certificate needs its private key."), QStringLiteral("authentication"));
    }
    return {};
}

ConnectorAnswer ApiConnectorClient::interpret(ConnectorStep step, int status, const QByteArray &body) {
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &pe);
    if (status != 200 && status != 400) {
        return failure(status, QStringLiteral("HTTP status %1 is not an API connector answer").arg(status));
    }
    if (pe.error != QJsonParseError::NoError || !doc.isObject()) {
        return failure(status, QStringLiteral("the answer is not a JSON object: %1").arg(pe.errorString()));
    }
    const QJsonObject o = doc.object();
    if (!o.value(QStringLiteral("version")).isString() || o.value(QStringLiteral("version")).toString().isEmpty()) {
        return failure(status, QStringLiteral("the answer has no \"version\""));
    }
    const QString action = o.value(QStringLiteral("action")).toString();
    const QString message = o.value(QStringLiteral("userMessage")).toString().trimmed();
    ConnectorAnswer a;
    a.httpStatus = status;
    if (action == QLatin1String("Continue") && status == 200) {
        a.action = ConnectorAnswer::Action::Continue;
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (it.key() != QLatin1String("version") && it.key() != QLatin1String("action") &&
                it.key() != QLatin1String("userMessage") && it.key() != QLatin1String("status")) {
                a.claims.insert(it.key(), *it);
            }
        }
        return a;
    }
    if (action == QLatin1String("ShowBlockPage") && status == 200) {
        if (message.isEmpty()) {
            return failure(status, QStringLiteral("ShowBlockPage without a userMessage"));
        }
        a.action = ConnectorAnswer::Action::ShowBlockPage;
        a.userMessage = message;
        return a;
    }
    if (action == QLatin1String("ValidationError")) {
        const QJsonValue s = o.value(QStringLiteral("status"));
        const bool statusOk = s.toInt() == 400 || s.toString() == QLatin1String("400");
        if (step != ConnectorStep::PostAttributeCollection) {
            return failure(status, QStringLiteral("ValidationError is only allowed before creating the user"));
        }
        if (status != 400 || !statusOk) {
            return failure(status, QStringLiteral("ValidationError needs HTTP 400 and \"status\": 400"));
        }
        if (message.isEmpty()) {
            return failure(status, QStringLiteral("ValidationError without a userMessage"));
        }
        a.action = ConnectorAnswer::Action::ValidationError;
        a.userMessage = message;
        return a;
    }
    return failure(status, QStringLiteral("unexpected action \"%1\" with HTTP %2").arg(action).arg(status));
}

ConnectorAnswer ApiConnectorClient::call(ConnectorStep step, const ConnectorClaims &claims) const {
    if (Status s = validate(m_config); !s.ok()) {
        return failure(0, s.error().message);
    }
    const QByteArray body = QJsonDocument(claims.toJson(step)).toJson(QJsonDocument::Compact);
    QNetworkAccessManager nam;
    nam.setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy); // a redirect is not an answer
    ConnectorAnswer last;
    for (int attempt = 1; attempt <= 1 + std::max(0, m_config.retries); ++attempt) {
        QNetworkRequest req(m_config.endpoint);
        req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        req.setRawHeader(QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json"));
        if (!m_config.username.isEmpty()) {
            req.setRawHeader(QByteArrayLiteral("Authorization"),
                             "Basic " + (m_config.username + QLatin1Char(':') + m_config.password).toUtf8().toBase64());
        } else if (m_config.endpoint.scheme() == QLatin1String("https")) {
            QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
            ssl.setLocalCertificate(m_config.clientCertificate);
            ssl.setPrivateKey(m_config.clientKey);
            req.setSslConfiguration(ssl);
        }
        QNetworkReply *reply = nam.post(req, body);
        QEventLoop loop;
        QTimer deadline;
        deadline.setSingleShot(true);
        bool timedOut = false;
        QObject::connect(&deadline, &QTimer::timeout, &loop, [&] {
            timedOut = true;
            reply->abort();
        });
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        deadline.start(m_config.timeoutMs);
        if (!reply->isFinished()) {
            loop.exec();
        }
        deadline.stop();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray answer = timedOut ? QByteArray() : reply->readAll();
        const QString networkError = reply->errorString();
        reply->deleteLater();
        if (timedOut) {
            last = failure(0, QStringLiteral("no answer within %1 ms").arg(m_config.timeoutMs));
        } else if (status == 0) {
            last = failure(0, QStringLiteral("connection failed: ") + networkError);
        } else if (status >= 500) {
            last = failure(status, QStringLiteral("HTTP %1").arg(status));
        } else {
            last = interpret(step, status, answer);
            last.attempts = attempt;
            break;
        }
        last.attempts = attempt;
        qCWarning(lcPortal) << "API connector" << m_config.endpoint.host() << "attempt" << attempt
                            << "failed:" << last.failure;
    }
    if (last.action == ConnectorAnswer::Action::Failure) {
        qCWarning(lcPortal) << "API connector" << m_config.endpoint.host() << "failed:" << last.failure;
    }
    return last;
}

} // namespace atrium::core
