#include "core/text/guestupn.h"

#include <QCryptographicHash>

namespace atrium::core {
namespace {
const QLatin1String kExt("#EXT#");
constexpr qsizetype kHashHexDigits = 8;
} // namespace

QString guestUpnBase(const EmailAddress &email, const QString &initialDomain) {
    return guestUpnCandidate(email, initialDomain, 0);
}

QString guestUpnCandidate(const EmailAddress &email, const QString &initialDomain, int attempt) {
    QString prefix = email.local.toLower() + QLatin1Char('_') + email.domain.toLower();
    const QString suffix = attempt > 0 ? QLatin1Char('_') + QString::number(qint64(attempt) + 1) : QString();
    const qsizetype budget = kGuestUpnMaxPrefix - kExt.size() - suffix.size();
    if (prefix.size() > budget) {
        const QByteArray digest =
            QCryptographicHash::hash(email.normalized().toUtf8(), QCryptographicHash::Sha256).toHex();
        const QString hash = QString::fromLatin1(digest.left(kHashHexDigits));
        prefix = prefix.left(budget - 1 - kHashHexDigits);
        // A cut right after a '.' would leave "._" in the UPN; harmless but ugly and confusing.
        while (prefix.endsWith(QLatin1Char('.'))) {
            prefix.chop(1);
        }
        prefix += QLatin1Char('_') + hash;
    }
    return prefix + suffix + kExt + QLatin1Char('@') + initialDomain.trimmed().toLower();
}

} // namespace atrium::core
