#include "core/mail/smtptransport.h"

#include "core/base/logging.h"
#include "core/mail/mimecomposer.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QSet>
#include <QSysInfo>
#include <QUrl>

#include <curl/curl.h>

#include <cstring>
#include <memory>
#include <mutex>

namespace atrium::core {

namespace {

QString tr(const char *text) { return QCoreApplication::translate("atrium::core::SmtpTransport", text); }

void initCurlOnce() {
    // curl_global_init is not thread-safe; senders run on worker threads.
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

struct CurlDeleter {
    void operator()(CURL *c) const { curl_easy_cleanup(c); }
};
struct SlistDeleter {
    void operator()(curl_slist *l) const { curl_slist_free_all(l); }
};

struct Upload {
    QByteArray data;
    qsizetype pos = 0;
};

size_t readMessage(char *buffer, size_t size, size_t nitems, void *userdata) {
    auto *up = static_cast<Upload *>(userdata);
    const size_t room = size * nitems;
    const size_t left = size_t(up->data.size() - up->pos);
    const size_t n = left < room ? left : room;
    std::memcpy(buffer, up->data.constData() + up->pos, n);
    up->pos += qsizetype(n);
    return n;
}

// Keeps the server's last error reply ("550 5.1.1 <x@y>: Recipient address rejected") for the
// error message. Only lines *from* the server are looked at, never what we send (AUTH data).
int keepServerReply(CURL *, curl_infotype type, char *data, size_t size, void *userdata) {
    if (type == CURLINFO_HEADER_IN && size > 0 && (data[0] == '4' || data[0] == '5')) {
        auto *last = static_cast<QByteArray *>(userdata);
        *last = QByteArray(data, qsizetype(size)).trimmed().left(300);
    }
    return 0;
}

// The EHLO name: this machine's name when it is a usable domain, else curl's default.
QByteArray ehloName() {
    const QByteArray name = QUrl::toAce(QSysInfo::machineHostName());
    if (name.isEmpty()) {
        return {};
    }
    for (const char c : name) {
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.')) {
            return {};
        }
    }
    return name;
}

bool isLoopback(const QString &host) {
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0) {
        return true;
    }
    QHostAddress a;
    return a.setAddress(host) && a.isLoopback();
}

Error networkError(const QString &message, bool transient, const QString &detail) {
    Error e;
    e.code = ErrorCode::Network;
    e.message = message;
    e.transient = transient;
    e.detail = (transient ? QStringLiteral("transient: ") : QStringLiteral("permanent: ")) + detail;
    return e;
}

Error internalError(const QString &message) {
    Error e;
    e.code = ErrorCode::Internal;
    e.message = message;
    e.detail = QStringLiteral("permanent: ") + message;
    return e;
}

Error permanentInvalid(Error e) {
    e.transient = false;
    e.detail = QStringLiteral("permanent: ") + (e.detail.isEmpty() ? e.message : e.detail);
    return e;
}

Error classify(CURLcode rc, long smtpCode, const QString &curlText, const QByteArray &serverReply,
               const SmtpSettings &s) {
    const QString server = s.host + QLatin1Char(':') + QString::number(s.port);
    QString detail = QString::fromLatin1(curl_easy_strerror(rc));
    if (!curlText.isEmpty()) {
        detail += QStringLiteral(" (") + curlText + QLatin1Char(')');
    }
    if (!serverReply.isEmpty()) {
        detail += QStringLiteral("; server: ") + QString::fromUtf8(serverReply);
    }
    const bool code4xx = smtpCode >= 400 && smtpCode < 500;
    switch (rc) {
    case CURLE_COULDNT_CONNECT:
        return networkError(tr("Could not connect to the mail server %1: the connection was refused or the server "
                               "is unreachable. Sending is retried later.")
                                .arg(server),
                            true, detail);
    case CURLE_COULDNT_RESOLVE_HOST:
        return networkError(tr("The mail server name %1 could not be resolved. Check the SMTP settings.").arg(s.host),
                            true, detail);
    case CURLE_OPERATION_TIMEDOUT:
        return networkError(tr("The mail server %1 did not answer in time. Sending is retried later.").arg(server),
                            true, detail);
    case CURLE_LOGIN_DENIED:
        return networkError(tr("Authentication failed: the mail server %1 refused the user name or password. Check "
                               "the SMTP user name and password.")
                                .arg(server),
                            code4xx, detail);
    case CURLE_USE_SSL_FAILED:
        return networkError(tr("TLS failure: the mail server %1 does not offer STARTTLS. Choose another security "
                               "setting or server.")
                                .arg(server),
                            false, detail);
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_SSL_ISSUER_ERROR:
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
    case CURLE_SSL_INVALIDCERTSTATUS:
    case CURLE_SSL_ENGINE_INITFAILED:
    case CURLE_SSL_CRL_BADFILE:
        return networkError(tr("TLS failure with the mail server %1: %2. Check the security setting and the "
                               "server's certificate.")
                                .arg(server, curlText.isEmpty() ? detail : curlText),
                            false, detail);
    default:
        break;
    }
    if (smtpCode >= 400) {
        QString what;
        if (curlText.startsWith(QLatin1String("RCPT"))) {
            what = tr("The mail server %1 refused a recipient (%2).");
        } else if (curlText.startsWith(QLatin1String("MAIL"))) {
            what = tr("The mail server %1 refused the sender address (%2).");
        } else {
            what = tr("The mail server %1 refused the message (%2).");
        }
        const QString reply = serverReply.isEmpty() ? QString::number(smtpCode) : QString::fromUtf8(serverReply);
        return networkError(what.arg(server, reply), code4xx, detail);
    }
    // Connection lost, unexpected reply without a code, ...: worth another try.
    return networkError(tr("Sending through the mail server %1 failed: %2. Sending is retried later.")
                            .arg(server, curlText.isEmpty() ? detail : curlText),
                        true, detail);
}

} // namespace

SmtpTransport::SmtpTransport(SmtpSettings settings, QString password)
    : m_settings(std::move(settings)), m_password(std::move(password)) {}

Status SmtpTransport::send(const MailMessage &m) {
    if (auto st = m_settings.validate(); !st) {
        return permanentInvalid(st.error());
    }
    const QString host = QString::fromLatin1(QUrl::toAce(m_settings.host.trimmed()));
    if (m_settings.security == SmtpSettings::Security::None && !m_settings.username.isEmpty() &&
        !isLoopback(m_settings.host.trimmed())) {
        return permanentInvalid(Error::invalid(
            tr("Refusing to send the SMTP password without encryption. Choose STARTTLS or TLS."),
            QStringLiteral("security")));
    }

    auto mime = composeMime(m);
    if (!mime) {
        return permanentInvalid(mime.error());
    }
    auto from = wireMailAddress(m.from.address, QStringLiteral("From"));
    if (!from) {
        return permanentInvalid(from.error());
    }
    // Envelope recipients: To and Cc (each once). Bcc does not exist in MailMessage by design.
    QList<QByteArray> recipients;
    QSet<QString> seen;
    for (const auto &[list, field] : {std::pair{&m.to, QStringLiteral("To")}, std::pair{&m.cc, QStringLiteral("Cc")}}) {
        for (const MailAddress &a : *list) {
            auto wire = wireMailAddress(a.address, field);
            if (!wire) {
                return permanentInvalid(wire.error());
            }
            if (!seen.contains(wire->toLower())) {
                seen.insert(wire->toLower());
                recipients.append('<' + wire->toLatin1() + '>');
            }
        }
    }
    curl_slist *rcptList = nullptr;
    for (const QByteArray &r : recipients) {
        curl_slist *appended = curl_slist_append(rcptList, r.constData());
        if (!appended) {
            curl_slist_free_all(rcptList);
            return internalError(tr("Out of memory."));
        }
        rcptList = appended;
    }
    const std::unique_ptr<curl_slist, SlistDeleter> rcpts(rcptList);

    initCurlOnce();
    std::unique_ptr<CURL, CurlDeleter> curl(curl_easy_init());
    if (!curl) {
        return internalError(tr("Could not initialise libcurl."));
    }
    CURL *c = curl.get();

    const bool implicitTls = m_settings.security == SmtpSettings::Security::Tls;
    const QHostAddress literal(host);
    const QByteArray urlHost = literal.protocol() == QAbstractSocket::IPv6Protocol ? '[' + host.toLatin1() + ']'
                                                                                   : host.toLatin1();
    // The URL path is the EHLO name for libcurl.
    const QByteArray url = (implicitTls ? "smtps://" : "smtp://") + urlHost + ':' +
                           QByteArray::number(m_settings.port) + '/' + ehloName();
    const QByteArray mailFrom = '<' + from->toLatin1() + '>';
    const QByteArray user = m_settings.username.toUtf8();
    QByteArray password = m_password.toUtf8();
    const QByteArray caFile = m_settings.caFile.toUtf8();
    Upload upload{*mime, 0};
    QByteArray serverReply;
    char errorBuffer[CURL_ERROR_SIZE] = {};
    const long timeout = m_settings.timeoutSeconds;

    curl_easy_setopt(c, CURLOPT_URL, url.constData());
    curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c, CURLOPT_ERRORBUFFER, errorBuffer);
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, timeout);
    // An idle server for `timeout` seconds at any stage aborts; the total bound only guards
    // against a server that trickles.
    curl_easy_setopt(c, CURLOPT_LOW_SPEED_LIMIT, 1L);
    curl_easy_setopt(c, CURLOPT_LOW_SPEED_TIME, timeout);
    curl_easy_setopt(c, CURLOPT_TIMEOUT, timeout * 10);
    curl_easy_setopt(c, CURLOPT_USE_SSL,
                     long(m_settings.security == SmtpSettings::Security::None ? CURLUSESSL_NONE : CURLUSESSL_ALL));
    curl_easy_setopt(c, CURLOPT_SSLVERSION, long(CURL_SSLVERSION_TLSv1_2));
    curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, m_settings.verifyPeer ? 1L : 0L);
    curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, m_settings.verifyPeer ? 2L : 0L);
    if (!caFile.isEmpty()) {
        curl_easy_setopt(c, CURLOPT_CAINFO, caFile.constData());
    }
    if (!user.isEmpty()) {
        curl_easy_setopt(c, CURLOPT_USERNAME, user.constData());
        curl_easy_setopt(c, CURLOPT_PASSWORD, password.constData());
    }
    curl_easy_setopt(c, CURLOPT_MAIL_FROM, mailFrom.constData());
    curl_easy_setopt(c, CURLOPT_MAIL_RCPT, rcpts.get());
    curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(c, CURLOPT_READFUNCTION, &readMessage);
    curl_easy_setopt(c, CURLOPT_READDATA, &upload);
    curl_easy_setopt(c, CURLOPT_INFILESIZE_LARGE, curl_off_t(upload.data.size()));
    curl_easy_setopt(c, CURLOPT_DEBUGFUNCTION, &keepServerReply);
    curl_easy_setopt(c, CURLOPT_DEBUGDATA, &serverReply);
    curl_easy_setopt(c, CURLOPT_VERBOSE, 1L); // feeds keepServerReply; it prints nothing itself

    const CURLcode rc = curl_easy_perform(c);
    password.fill('\0');
    if (rc == CURLE_OK) {
        qCDebug(lcMail) << "sent to" << recipients.size() << "recipient(s) via" << m_settings.host << m_settings.port;
        return {};
    }
    long smtpCode = 0;
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &smtpCode);
    const Error e = classify(rc, smtpCode, QString::fromUtf8(errorBuffer).trimmed(), serverReply, m_settings);
    qCWarning(lcMail) << "sending failed:" << e.detail;
    return e;
}

} // namespace atrium::core
