#include "core/invitations/invitationtoken.h"

#include "core/secrets/secretstore.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>

namespace atrium::core {

QString TokenKey::secretName(const QString &tenantId) { return QStringLiteral("%1/redemption-token-key").arg(tenantId); }

Result<QByteArray> TokenKey::load(SecretStore &secrets, const QString &tenantId) {
    const QString name = secretName(tenantId);
    auto existing = secrets.read(name);
    if (existing.ok()) {
        const QByteArray key = QByteArray::fromBase64(existing->toLatin1());
        if (key.size() == 32) {
            return key;
        }
        return Error{ErrorCode::Secret,
                     QCoreApplication::translate("atrium::core::TokenKey",
                                                 "The redemption token key in the keychain is damaged; existing "
                                                 "redemption links cannot be rebuilt. Reset redemption to issue new ones."),
                     {},
                     {},
                     false};
    }
    if (existing.error().code != ErrorCode::NotFound) {
        return existing.error();
    }
    QByteArray key(32, Qt::Uninitialized);
    QRandomGenerator::system()->generate(reinterpret_cast<quint32 *>(key.data()),
                                         reinterpret_cast<quint32 *>(key.data() + key.size()));
    if (Status s = secrets.write(name, QString::fromLatin1(key.toBase64())); !s.ok()) {
        return s.error();
    }
    return key;
}

QString newTokenNonce() {
    quint32 words[4];
    QRandomGenerator::system()->generate(std::begin(words), std::end(words));
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char *>(words), sizeof(words)).toHex());
}

QString deriveToken(const QByteArray &key, const QString &purpose, const QString &id, const QString &nonce) {
    const QByteArray msg = (purpose + QLatin1Char(':') + id + QLatin1Char(':') + nonce).toUtf8();
    return QString::fromLatin1(QMessageAuthenticationCode::hash(msg, key, QCryptographicHash::Sha256)
                                   .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QString hashToken(const QString &token) {
    return QString::fromLatin1(QCryptographicHash::hash(token.toLatin1(), QCryptographicHash::Sha256).toHex());
}

bool isWellFormedToken(const QString &token) {
    if (token.size() != 43) {
        return false;
    }
    for (QChar c : token) {
        const char16_t u = c.unicode();
        if (!((u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || u == '-' || u == '_')) {
            return false;
        }
    }
    return true;
}

} // namespace atrium::core
