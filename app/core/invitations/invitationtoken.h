#pragma once

#include "core/base/result.h"

#include <QByteArray>
#include <QString>

namespace atrium::core {

class SecretStore;

// Redemption links are secret, single-use capabilities. The database never holds a token: it keeps
// a random nonce (128 bits from the system CSPRNG) and SHA-256(token). The token itself is
//     token = base64url(HMAC-SHA256(tokenKey, "invite:" ‖ invitationId ‖ ":" ‖ nonce))
// where tokenKey (256 random bits) lives in the operating system's keychain. So the outbox can put
// the link into a mail long after the invitation was created, and a stolen database file (or backup)
// still redeems nothing. The portal only needs the hash to look a presented token up.
class TokenKey final {
public:
    // The directory's token key from the keychain; created on first use.
    static Result<QByteArray> load(SecretStore &secrets, const QString &tenantId);
    static QString secretName(const QString &tenantId);
};

QString newTokenNonce();                                                      // 128-bit, hex
QString deriveToken(const QByteArray &key, const QString &purpose, const QString &id, const QString &nonce);
QString hashToken(const QString &token);                                      // hex SHA-256
bool isWellFormedToken(const QString &token);                                 // 43 base64url chars

} // namespace atrium::core
