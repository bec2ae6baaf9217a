#include "core/federation/metadatafetcher.h"

#include "core/base/logging.h"
#include "core/federation/federationmetadata.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

namespace atrium::core {

namespace {

QString ftr(const char *text) {
    return QCoreApplication::translate("atrium::core::Federation", text);
}

bool isLoopbackHost(const QString &host) {
    return host == QLatin1String("127.0.0.1") || host == QLatin1String("::1") ||
           host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0;
}

// Built field by field so that members added to Error later keep their defaults.
Error makeError(ErrorCode code, const QString &message, const QString &detail, bool transient) {
    Error e;
    e.code = code;
    e.message = message;
    e.detail = detail;
    e.field = QStringLiteral("metadataUrl");
    e.transient = transient;
    return e;
}

Error networkError(const QString &message, const QString &detail, bool transient) {
    return makeError(ErrorCode::Network, message, detail, transient);
}

} // namespace

MetadataFetcher::MetadataFetcher(QNetworkAccessManager *nam, QObject *parent)
    : QObject(parent), m_nam(nam), m_timer(new QTimer(this)), m_maxBytes(kMaxMetadataBytes) {
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, [this] {
        fail(networkError(
            ftr("The server did not send the metadata within %1 seconds; try again later.").arg(m_timeoutMs / 1000.0),
            QStringLiteral("timeout"), true));
    });
}

MetadataFetcher::~MetadataFetcher() {
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

QString MetadataFetcher::refusalReason(const QUrl &url) {
    if (!url.isValid() || url.host().isEmpty()) {
        return ftr("The metadata URL is not a valid web address.");
    }
    const QString scheme = url.scheme().toLower();
    if (scheme == QLatin1String("https")) {
        return {};
    }
    if (scheme == QLatin1String("http") && isLoopbackHost(url.host())) {
        return {};
    }
    return ftr("The metadata URL must start with https:// so that the certificates in it cannot be replaced on the "
               "way.");
}

void MetadataFetcher::fetch(const QUrl &url) {
    if (m_reply) {
        abort();
    }
    m_body.clear();
    m_failed = false;
    m_url = url;
    if (const QString why = refusalReason(url); !why.isEmpty()) {
        Error e = Error::invalid(why, QStringLiteral("metadataUrl"));
        QMetaObject::invokeMethod(
            this, [this, e] { emit finished(Result<QByteArray>(e)); }, Qt::QueuedConnection);
        return;
    }
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::UserVerifiedRedirectPolicy);
    request.setMaximumRedirectsAllowed(5);
    request.setTransferTimeout(m_timeoutMs);
    request.setHeader(QNetworkRequest::UserAgentHeader, QStringLiteral("Atrium/" ATRIUM_VERSION));
    request.setRawHeader("Accept", "application/samlmetadata+xml, application/xml, text/xml, application/json, */*");
    m_reply = m_nam->get(request);
    QNetworkReply *reply = m_reply;
    m_timer->start(m_timeoutMs);

    connect(reply, &QNetworkReply::redirected, this, [this, reply](const QUrl &target) {
        if (target.scheme().compare(QLatin1String("https"), Qt::CaseInsensitive) != 0) {
            fail(networkError(ftr("The metadata URL redirects to %1, which is not https; the redirect was not "
                                  "followed.")
                                  .arg(target.toDisplayString()),
                              target.toString(), false));
            return;
        }
        emit reply->redirectAllowed();
    });
    connect(reply, &QNetworkReply::metaDataChanged, this, [this, reply] {
        const QVariant length = reply->header(QNetworkRequest::ContentLengthHeader);
        if (length.isValid() && length.toLongLong() > m_maxBytes) {
            fail(Error::invalid(ftr("The metadata is too large (%1 bytes announced); at most %2 bytes are accepted.")
                                    .arg(length.toLongLong())
                                    .arg(m_maxBytes),
                                QStringLiteral("metadataUrl")));
        }
    });
    connect(reply, &QNetworkReply::readyRead, this, [this, reply] {
        if (m_failed) {
            return;
        }
        m_body += reply->readAll();
        if (m_body.size() > m_maxBytes) {
            fail(Error::invalid(ftr("The metadata is larger than %1 bytes; the download was stopped.").arg(m_maxBytes),
                                QStringLiteral("metadataUrl")));
        }
    });
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
        if (reply != m_reply || m_failed) {
            return;
        }
        m_body += reply->readAll();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (reply->error() == QNetworkReply::OperationCanceledError) {
            fail(networkError(ftr("The server did not send the metadata in time; try again later."),
                              reply->errorString(), true));
            return;
        }
        // After a followed redirect the status attribute still holds the 3xx, so a failure on the
        // way to the new location (TLS, connection) must be reported as such, not as "302".
        const bool redirectStatus = status >= 300 && status < 400;
        if (reply->error() != QNetworkReply::NoError && (status == 0 || redirectStatus)) {
            const bool transient = reply->error() < QNetworkReply::ContentAccessDenied; // connection-level
            fail(networkError(ftr("The metadata could not be downloaded: %1").arg(reply->errorString()),
                              reply->errorString(), transient));
            return;
        }
        if (status != 0 && (status < 200 || status >= 300)) {
            const QString reason = reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString();
            fail(networkError(
                ftr("The metadata server answered %1 %2 for %3.").arg(status).arg(reason, m_url.toDisplayString()),
                reply->errorString(), status >= 500 || status == 429));
            return;
        }
        if (reply->error() != QNetworkReply::NoError) {
            const bool transient = reply->error() < QNetworkReply::ContentAccessDenied; // connection-level
            fail(networkError(ftr("The metadata could not be downloaded: %1").arg(reply->errorString()),
                              reply->errorString(), transient));
            return;
        }
        if (m_body.size() > m_maxBytes) {
            fail(Error::invalid(ftr("The metadata is larger than %1 bytes.").arg(m_maxBytes),
                                QStringLiteral("metadataUrl")));
            return;
        }
        complete(m_body);
    });
}

void MetadataFetcher::abort() {
    if (m_reply) {
        fail(makeError(ErrorCode::Cancelled, ftr("The download was cancelled."), {}, false));
    }
}

void MetadataFetcher::fail(Error error) {
    if (m_failed || !m_reply) {
        return;
    }
    m_failed = true;
    qCInfo(lcFederation) << "metadata fetch failed:" << m_url << error.message << error.detail;
    complete(std::move(error));
}

void MetadataFetcher::complete(Result<QByteArray> result) {
    m_timer->stop();
    if (QNetworkReply *reply = m_reply) {
        m_reply = nullptr;
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
    m_body.clear();
    emit finished(std::move(result));
}

} // namespace atrium::core
