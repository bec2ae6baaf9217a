#pragma once

#include "core/base/result.h"

#include <QJsonObject>
#include <QString>

namespace atrium::core {

// SMTP server settings as the console stores them. The password is not here: it lives in the
// keychain and is handed to SmtpTransport separately.
struct SmtpSettings {
    enum class Security { None, StartTls, Tls };

    QString host;
    int port = 587;
    Security security = Security::StartTls;
    QString username; // empty = no AUTH
    QString fromAddress;
    QString fromName;
    int timeoutSeconds = 30;
    bool verifyPeer = true;
    QString caFile; // CA certificates (PEM) to trust instead of the system store, e.g. a private CA

    QJsonObject toJson() const;
    // Validates every field; the error's `field` is the JSON key.
    static Result<SmtpSettings> fromJson(const QJsonObject &json);
    Status validate() const;
};

QString smtpSecurityName(SmtpSettings::Security s); // "none", "starttls", "tls"

} // namespace atrium::core
