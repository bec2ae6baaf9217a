#include "core/storage/connectioninfo.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>
#include <QUrl>

namespace atrium::core {
namespace {
QString tr(const char *s) { return QCoreApplication::translate("atrium::core::ConnectionInfo", s); }
} // namespace

Result<ConnectionInfo> ConnectionInfo::parse(const QString &url) {
    ConnectionInfo info;
    const QString u = url.trimmed();
    if (u.startsWith(QLatin1String("sqlite:"))) {
        info.engine = Engine::Sqlite;
        info.path = u.mid(7);
        if (info.path.startsWith(QLatin1String("//"))) { // sqlite:///abs/path
            info.path = info.path.mid(2);
        }
        if (info.path.isEmpty()) {
            return Error::invalid(tr("The SQLite URL has no file path; use sqlite:PATH."));
        }
        info.path = QFileInfo(info.path).absoluteFilePath();
        return info;
    }
    if (u.startsWith(QLatin1String("postgresql://")) || u.startsWith(QLatin1String("postgres://"))) {
        const QUrl q(u, QUrl::StrictMode);
        if (!q.isValid() || q.host().isEmpty()) {
            return Error::invalid(tr("\"%1\" is not a valid PostgreSQL URL; use postgresql://user@host:port/dbname.")
                                      .arg(u));
        }
        if (!q.password().isEmpty()) {
            return Error::invalid(
                tr("Do not put the password in the URL; Atrium keeps it in the keychain (or use PGPASSWORD)."));
        }
        info.engine = Engine::Postgres;
        info.host = q.host();
        info.port = q.port(5432);
        info.user = q.userName();
        info.database = q.path().mid(1);
        if (info.database.isEmpty()) {
            return Error::invalid(tr("The PostgreSQL URL names no database; use postgresql://user@host:port/dbname."));
        }
        if (info.user.isEmpty()) {
            info.user = qEnvironmentVariable("PGUSER", qEnvironmentVariable("USER"));
        }
        return info;
    }
    return Error::invalid(
        tr("\"%1\" is not a directory URL; use sqlite:PATH or postgresql://user@host:port/dbname.").arg(u));
}

QString ConnectionInfo::toUrl() const {
    if (engine == Engine::Sqlite) {
        return QStringLiteral("sqlite:") + path;
    }
    return QStringLiteral("postgresql://%1@%2:%3/%4").arg(user, host, QString::number(port), database);
}

QString ConnectionInfo::displayName() const {
    if (engine == Engine::Sqlite) {
        return QDir::toNativeSeparators(path);
    }
    return QStringLiteral("%1@%2:%3/%4").arg(user, host, QString::number(port), database);
}

QString ConnectionInfo::engineName() const {
    return engine == Engine::Sqlite ? QStringLiteral("SQLite") : QStringLiteral("PostgreSQL");
}

QString defaultDirectoryPath() {
    const QString base = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    return base + QStringLiteral("/atrium/directory.sqlite");
}

} // namespace atrium::core
