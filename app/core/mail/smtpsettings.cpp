#include "core/mail/smtpsettings.h"

#include "core/mail/mimecomposer.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QJsonValue>
#include <QUrl>

#include <utility>

namespace atrium::core {

namespace {

QString tr(const char *text) { return QCoreApplication::translate("atrium::core::SmtpSettings", text); }

std::optional<SmtpSettings::Security> securityFromName(const QString &name) {
    if (name == QLatin1String("none")) {
        return SmtpSettings::Security::None;
    }
    if (name == QLatin1String("starttls")) {
        return SmtpSettings::Security::StartTls;
    }
    if (name == QLatin1String("tls")) {
        return SmtpSettings::Security::Tls;
    }
    return std::nullopt;
}

// A host name or an IP address, nothing that could change the meaning of the smtp:// URL.
bool isValidHost(const QString &host) {
    if (host.isEmpty() || host.size() > 253) {
        return false;
    }
    if (QHostAddress address; address.setAddress(host)) {
        return true;
    }
    const QString ace = QString::fromLatin1(QUrl::toAce(host));
    if (ace.isEmpty()) {
        return false;
    }
    for (const QChar c : ace) {
        if (!(c.isLetterOrNumber() || c == QLatin1Char('.') || c == QLatin1Char('-'))) {
            return false;
        }
    }
    return true;
}

} // namespace

QString smtpSecurityName(SmtpSettings::Security s) {
    switch (s) {
    case SmtpSettings::Security::None:
        return QStringLiteral("none");
    case SmtpSettings::Security::StartTls:
        return QStringLiteral("starttls");
    case SmtpSettings::Security::Tls:
        return QStringLiteral("tls");
    }
    return QStringLiteral("starttls");
}

QJsonObject SmtpSettings::toJson() const {
    return QJsonObject{
        {QStringLiteral("host"), host},
        {QStringLiteral("port"), port},
        {QStringLiteral("security"), smtpSecurityName(security)},
        {QStringLiteral("username"), username},
        {QStringLiteral("fromAddress"), fromAddress},
        {QStringLiteral("fromName"), fromName},
        {QStringLiteral("timeoutSeconds"), timeoutSeconds},
        {QStringLiteral("verifyPeer"), verifyPeer},
        {QStringLiteral("caFile"), caFile},
    };
}

Result<SmtpSettings> SmtpSettings::fromJson(const QJsonObject &json) {
    SmtpSettings s;
    const auto typeError = [](const QString &key) {
        return Error::invalid(tr("The SMTP setting \"%1\" has the wrong type.").arg(key), key);
    };
    const auto readString = [&](const QString &key, QString *out) -> bool {
        const QJsonValue v = json.value(key);
        if (v.isUndefined() || v.isNull()) {
            return true;
        }
        if (!v.isString()) {
            return false;
        }
        *out = v.toString();
        return true;
    };
    const auto readInt = [&](const QString &key, int *out) -> bool {
        const QJsonValue v = json.value(key);
        if (v.isUndefined() || v.isNull()) {
            return true;
        }
        if (!v.isDouble() || v.toDouble() != double(v.toInt())) {
            return false;
        }
        *out = v.toInt();
        return true;
    };
    const std::pair<const char *, QString *> strings[] = {
        {"host", &s.host}, {"username", &s.username}, {"fromAddress", &s.fromAddress},
        {"fromName", &s.fromName}, {"caFile", &s.caFile}};
    for (const auto &[key, target] : strings) {
        if (!readString(QString::fromLatin1(key), target)) {
            return typeError(QString::fromLatin1(key));
        }
    }
    if (!readInt(QStringLiteral("port"), &s.port)) {
        return typeError(QStringLiteral("port"));
    }
    if (!readInt(QStringLiteral("timeoutSeconds"), &s.timeoutSeconds)) {
        return typeError(QStringLiteral("timeoutSeconds"));
    }
    const QJsonValue security = json.value(QStringLiteral("security"));
    if (!security.isUndefined() && !security.isNull()) {
        const auto parsed = securityFromName(security.toString());
        if (!security.isString() || !parsed) {
            return Error::invalid(tr("The SMTP security must be \"none\", \"starttls\" or \"tls\"."),
                                  QStringLiteral("security"));
        }
        s.security = *parsed;
    }
    const QJsonValue verify = json.value(QStringLiteral("verifyPeer"));
    if (!verify.isUndefined() && !verify.isNull()) {
        if (!verify.isBool()) {
            return typeError(QStringLiteral("verifyPeer"));
        }
        s.verifyPeer = verify.toBool();
    }
    if (auto st = s.validate(); !st) {
        return st.error();
    }
    return s;
}

Status SmtpSettings::validate() const {
    if (!isValidHost(host.trimmed())) {
        return Error::invalid(tr("Enter the SMTP server's host name or IP address."), QStringLiteral("host"));
    }
    if (port < 1 || port > 65535) {
        return Error::invalid(tr("The SMTP port must be between 1 and 65535."), QStringLiteral("port"));
    }
    if (timeoutSeconds < 1 || timeoutSeconds > 3600) {
        return Error::invalid(tr("The SMTP timeout must be between 1 and 3600 seconds."),
                              QStringLiteral("timeoutSeconds"));
    }
    for (const QString *value : {&username, &fromName, &caFile}) {
        if (value->contains(QLatin1Char('\r')) || value->contains(QLatin1Char('\n')) || value->contains(QChar(0))) {
            const QString field = value == &username ? QStringLiteral("username")
                                  : value == &fromName ? QStringLiteral("fromName")
                                                       : QStringLiteral("caFile");
            return Error::invalid(tr("The SMTP setting \"%1\" must not contain line breaks.").arg(field), field);
        }
    }
    if (auto a = wireMailAddress(fromAddress, QStringLiteral("fromAddress")); !a) {
        Error e = a.error();
        e.message = tr("Enter a valid sender address (for example invitations@contoso.com).");
        e.field = QStringLiteral("fromAddress");
        return e;
    }
    return {};
}

} // namespace atrium::core
