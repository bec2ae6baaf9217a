#include "core/secrets/secretstore.h"

namespace atrium::core {

QString secretKeyForPostgres(const QString &user, const QString &host, int port, const QString &database) {
    QString h = host.toLower();
    if (h.contains(QLatin1Char(':')) && !h.startsWith(QLatin1Char('['))) {
        h = QLatin1Char('[') + h + QLatin1Char(']'); // keep "host:port" unambiguous for IPv6
    }
    return QStringLiteral("postgresql/%1@%2:%3/%4").arg(user, h, QString::number(port), database);
}

} // namespace atrium::core
