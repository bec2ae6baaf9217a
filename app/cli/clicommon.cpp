#include "clicommon.h"

#include "core/secrets/keychainsecretstore.h"
#include "core/secrets/secretstore.h"
#include "core/services/directoryservice.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace atrium::cli {
using namespace atrium::core;

QString tr(const char *s) { return QCoreApplication::translate("atriumctl", s); }

QTextStream &out() {
    static QTextStream s(stdout);
    return s;
}
QTextStream &err() {
    static QTextStream s(stderr);
    return s;
}

int exitCodeFor(const Error &e) {
    switch (e.code) {
    case ErrorCode::PermissionDenied: return 3;
    case ErrorCode::Conflict: return 4;
    case ErrorCode::NotFound: return 5;
    case ErrorCode::PolicyDenied: return 6;
    case ErrorCode::Invalid: return 2;
    default: return 1;
    }
}

int fail(const Error &e) {
    QString line = e.message;
    line.replace(QLatin1Char('\n'), QLatin1Char(' '));
    err() << "atriumctl: " << line << Qt::endl;
    for (const QString &why : e.why) {
        err() << "  why: " << why << Qt::endl;
    }
    if (qEnvironmentVariableIsSet("ATRIUM_DEBUG")) {
        err() << "  detail: " << e.detail << Qt::endl;
    }
    return exitCodeFor(e);
}

int usage(const QString &message) {
    err() << "atriumctl: " << message << Qt::endl;
    return 2;
}

void printJson(const QJsonValue &v) {
    const QJsonDocument doc = v.isArray() ? QJsonDocument(v.toArray()) : QJsonDocument(v.toObject());
    out() << QString::fromUtf8(doc.toJson(QJsonDocument::Indented));
    out().flush();
}


std::shared_ptr<SecretStore> keychain() {
    static std::shared_ptr<SecretStore> store = std::make_shared<KeychainSecretStore>(QStringLiteral("directory"));
    return store;
}

Result<ConnectionInfo> connectionFor(const QString &dbUrl) {
    auto info = ConnectionInfo::parse(dbUrl.isEmpty() ? QStringLiteral("sqlite:") + defaultDirectoryPath() : dbUrl);
    if (info.ok() && info->engine == Engine::Postgres && qEnvironmentVariableIsEmpty("PGPASSWORD")) {
        // The password lives in the keychain; without one, libpq's own ~/.pgpass or trust applies.
        auto pw = keychain()->read(secretKeyForPostgres(info->user, info->host, info->port, info->database));
        if (pw.ok()) {
            info->password = *pw;
        }
    }
    return info;
}

Result<Env> openEnv(const QString &dbUrl) {
    auto info = connectionFor(dbUrl);
    if (!info.ok()) {
        return info.error();
    }
    auto db = Database::open(*info, Database::OpenMode::OpenExisting);
    if (!db.ok()) {
        return db.error();
    }
    Env env;
    env.db = *db;
    auto exists = DirectoryService::exists(*env.db);
    if (!exists.ok()) {
        return exists.error();
    }
    if (!*exists) {
        return Error{ErrorCode::NotFound,
                     tr("%1 holds no directory yet; create one with: atriumctl init --name NAME --domain DOMAIN")
                         .arg(info->displayName()),
                     {},
                     {},
                     false};
    }
    auto op = Operator::resolve(*env.db);
    if (!op.ok()) {
        return op.error();
    }
    env.secrets = keychain();
    env.ctx.emplace(env.db, env.clock, *op);
    return env;
}

QCommandLineOption jsonOption() { return {QStringLiteral("json"), tr("Print one JSON document on stdout.")}; }


} // namespace atrium::cli
