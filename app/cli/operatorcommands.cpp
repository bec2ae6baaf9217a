#include "operatorcommands.h"

#include "core/services/pgaccess.h"
#include "core/services/audit.h"
#include "core/services/roleservice.h"

#include <QJsonObject>

#include <cstdio>
#include <iostream>
#include <string>

namespace atrium::cli {
namespace {
using namespace atrium::core;

// The password is read from stdin so it never appears in the process list or shell history; Atrium
// hands it to PostgreSQL and keeps no copy.
QString readPassword() {
    std::string line;
    if (!std::getline(std::cin, line)) {
        return {};
    }
    if (!line.empty() && line.back() == '\r') {
        line.pop_back();
    }
    return QString::fromStdString(line);
}

int cmdOperator(QCommandLineParser &p, const QString &dbUrl) {
    const QStringList args = p.positionalArguments();
    if (args.isEmpty()) {
        return usage(tr("operator needs a subcommand: create LOGIN --user UPN [--role ROLE], sync LOGIN or grants"));
    }
    auto env = openEnv(dbUrl);
    if (!env.ok()) {
        return fail(env.error());
    }
    if (env->db->engine() != Engine::Postgres) {
        return usage(tr("operator works on a PostgreSQL directory only: on SQLite the operator is the OS account."));
    }
    const AuditEntry attempt{QStringLiteral("Manage database logins"), category::RoleManagement};
    if (Status s = env->ctx->require(Permission::ManageRoles, attempt); !s.ok()) {
        return fail(s.error());
    }
    const QString sub = args.first();
    if (sub == QLatin1String("grants")) {
        const Status s = env->db->transaction([](QSqlDatabase &db) { return PgAccess::applyGrants(db); });
        if (!s.ok()) {
            return fail(s.error());
        }
        out() << tr("Applied the Atrium group roles and grants.") << '\n';
        out().flush();
        return 0;
    }
    if (sub == QLatin1String("sync")) {
        if (args.size() != 2) {
            return usage(tr("operator sync needs LOGIN"));
        }
        const Status s = env->db->transaction([&](QSqlDatabase &db) { return PgAccess::syncMemberships(db, args.at(1)); });
        return s.ok() ? 0 : fail(s.error());
    }
    if (sub != QLatin1String("create") || args.size() != 2) {
        return usage(tr("usage: operator create LOGIN --user UPN [--role ROLE]"));
    }
    const QString login = args.at(1);
    const QString user = p.value(QStringLiteral("user"));
    if (user.isEmpty()) {
        return usage(tr("operator create needs --user UPN (the directory user this login acts as)"));
    }
    if (!PgAccess::isValidLogin(login)) {
        return usage(tr("%1 is not a valid login name: lower-case letters, digits and _, not starting with atrium_ "
                        "or pg_.")
                         .arg(login));
    }
    std::optional<Role> role;
    if (p.isSet(QStringLiteral("role"))) {
        role = roleFromString(p.value(QStringLiteral("role")));
        if (!role) {
            return usage(tr("unknown role \"%1\"").arg(p.value(QStringLiteral("role"))));
        }
    }
    const QString password = readPassword();
    if (password.isEmpty()) {
        return usage(tr("operator create reads the new login's password from stdin (one line)"));
    }
    auto conn = env->db->connection();
    if (!conn.ok()) {
        return fail(conn.error());
    }
    auto userId = RoleService::resolveUser(*conn, user);
    if (!userId.ok()) {
        return fail(userId.error());
    }
    if (role) {
        RoleService roles(*env->ctx);
        const Status assigned = roles.assign(*role, *userId);
        if (!assigned.ok() && assigned.error().code != ErrorCode::AlreadyExists) {
            return fail(assigned.error());
        }
    }
    const Operator op = env->ctx->op();
    const auto clock = env->clock;
    const Status s = env->db->transaction([&](QSqlDatabase &db) -> Status {
        if (Status g = PgAccess::applyGrants(db); !g.ok()) {
            return g;
        }
        if (Status c = PgAccess::createOperatorLogin(db, login, password, *userId); !c.ok()) {
            return c;
        }
        AuditEntry e{QStringLiteral("Bind database login"), category::RoleManagement};
        e.targetType = QStringLiteral("user");
        e.targetId = *userId;
        e.targetName = user;
        e.after = QJsonObject{{QStringLiteral("dbLogin"), login}};
        return AuditLog::append(db, *clock, op, e);
    });
    if (!s.ok()) {
        return fail(s.error());
    }
    if (p.isSet(QStringLiteral("json"))) {
        printJson(QJsonObject{{QStringLiteral("login"), login}, {QStringLiteral("userId"), *userId}});
    } else {
        out() << tr("Created the login %1 for %2. Connect with postgresql://%1@HOST/DATABASE.").arg(login, user)
              << '\n';
        out().flush();
    }
    return 0;
}
} // namespace

void registerOperatorCommands(CommandMap &commands) {
    commands[QStringLiteral("operator")] = {
        tr("PostgreSQL: create an operator's database login bound to a directory user, with its grants."),
        QStringLiteral("operator create LOGIN --user UPN [--role ROLE] [--json] (password on stdin) | operator sync "
                       "LOGIN | operator grants"),
        [](QCommandLineParser &p) {
            p.addOption({QStringLiteral("user"), tr("The directory user the login acts as."), tr("UPN")});
            p.addOption({QStringLiteral("role"), tr("A directory role to assign to that user."), tr("ROLE")});
            p.addOption(jsonOption());
            p.addPositionalArgument(QStringLiteral("subcommand"), tr("create, sync or grants"),
                                    QStringLiteral("create|sync|grants"));
        },
        cmdOperator};
}

} // namespace atrium::cli
