#pragma once

#include "core/base/clock.h"
#include "core/base/result.h"
#include "core/mail/mailmessage.h"

#include <QJsonObject>

#include <memory>

namespace atrium::core {

class Database;
class MailTransport;
class SecretStore;

struct OutboxOptions {
    int maxAttempts = 12;
    int baseBackoffSecs = 30;   // 30 s, 1 min, 2 min, ... capped
    int maxBackoffSecs = 3600;
    int leaseSecs = 300;        // a claimed message is retried by anyone after this, if its sender died
};

struct DrainReport {
    int sent = 0;
    int retrying = 0;
    int failed = 0;
    int pending = 0; // still waiting after this run
    QString lastError;
    QJsonObject toJson() const;
};

// Drains the mail outbox: claims due messages, renders them (the redemption link or, for kind
// 'passcode', the one-time passcode is derived from the keychain's token key at this moment; the
// database never held either), sends them through the
// transport, and marks them sent. Failures are retried with exponential back-off; a permanent
// failure (5xx, bad address) or too many attempts marks the message failed. Several senders
// (console, portal, atriumctl) can drain the same directory: a message is claimed with a
// compare-and-swap and a lease, so each is sent once unless a sender dies between the SMTP "250"
// and marking it sent (then it goes again after the lease: at least once, never lost).
class OutboxSender final {
public:
    OutboxSender(std::shared_ptr<Database> db, std::shared_ptr<const Clock> clock,
                 std::shared_ptr<SecretStore> secrets, std::shared_ptr<MailTransport> transport, MailAddress from,
                 OutboxOptions options = {});

    // Sends at most maxMessages due messages.
    Result<DrainReport> drainOnce(int maxMessages);

    // The configured SMTP transport (settings key "smtp", password from the keychain).
    static Result<std::shared_ptr<MailTransport>> transportFromSettings(Database &db, SecretStore &secrets,
                                                                        MailAddress *from);
    static QString smtpPasswordSecretName(const QString &tenantId);

private:
    std::shared_ptr<Database> m_db;
    std::shared_ptr<const Clock> m_clock;
    std::shared_ptr<SecretStore> m_secrets;
    std::shared_ptr<MailTransport> m_transport;
    MailAddress m_from;
    OutboxOptions m_options;
};

} // namespace atrium::core
