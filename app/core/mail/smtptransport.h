#pragma once

#include "core/mail/mailtransport.h"
#include "core/mail/smtpsettings.h"

namespace atrium::core {

// Sends over SMTP with libcurl (STARTTLS or implicit TLS, AUTH when a username is set). One
// connection per send(); blocking, meant for a worker thread; instances are independent, so
// several threads may each use their own.
//
// Errors are ErrorCode::Network with a readable message (connection refused, authentication
// failed, TLS failure, recipient refused, ...). Error::detail starts with "transient" (connection
// problems, timeouts, SMTP 4xx) or "permanent" (SMTP 5xx, authentication, TLS/certificate
// problems) followed by libcurl's text; Error::transient is set to match.
class SmtpTransport final : public MailTransport {
public:
    SmtpTransport(SmtpSettings settings, QString password);

    Status send(const MailMessage &m) override;

private:
    SmtpSettings m_settings;
    QString m_password;
};

} // namespace atrium::core
