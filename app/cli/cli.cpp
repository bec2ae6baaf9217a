#include "cli.h"

#include "clicommon.h"
#include "userflowcommands.h"

#include "core/base/clock.h"
#include "core/invitations/demodirectory.h"
#include "core/services/directoryservice.h"
#include "core/services/overviewservice.h"
#include "core/services/roleservice.h"
#include "core/services/settingsservice.h"
#include "core/services/userservice.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTextStream>

#include <functional>
#include <map>

namespace atrium::cli {
namespace {
using namespace atrium::core;

int cmdInit(QCommandLineParser &p, const QString &dbUrl) {
    const QString name = p.value(QStringLiteral("name"));
    const QString domain = p.value(QStringLiteral("domain"));
    if (name.isEmpty() || domain.isEmpty()) {
        return usage(tr("init needs --name NAME and --domain DOMAIN, e.g. atriumctl init --name Fabrikam --domain "
                        "fabrikam.example"));
    }
    auto info = connectionFor(dbUrl);
    if (!info.ok()) {
        return fail(info.error());
    }
    auto db = Database::open(*info, Database::OpenMode::CreateIfMissing);
    if (!db.ok()) {
        return fail(db.error());
    }
    SystemClock clock;
    auto op = DirectoryService::create(**db, clock, {name, domain});
    if (!op.ok()) {
        return fail(op.error());
    }
    auto dir = DirectoryService::read(**db);
    if (p.isSet(QStringLiteral("json"))) {
        printJson(dir->toJson());
    } else {
        out() << tr("Created directory \"%1\" (%2) at %3; %4 is its Global Administrator.")
                     .arg(dir->displayName, dir->initialDomain, info->displayName(), op->userPrincipalName)
              << Qt::endl;
    }
    return 0;
}

int cmdDemo(QCommandLineParser &p, const QString &dbUrl) {
    auto info = connectionFor(dbUrl);
    if (!info.ok()) {
        return fail(info.error());
    }
    SystemClock clock;
    Result<DemoSummary> summary = Error{};
    if (info->engine == Engine::Sqlite && !QFileInfo::exists(info->path)) {
        // A new file gets the sample whole or not at all, even when this command is killed midway.
        summary = createDemoSqliteFile(*info, clock, *keychain());
    } else {
        auto db = Database::open(*info, Database::OpenMode::CreateIfMissing);
        if (!db.ok()) {
            return fail(db.error());
        }
        summary = seedDemoDirectory(**db, clock, *keychain());
    }
    if (!summary.ok()) {
        return fail(summary.error());
    }
    if (p.isSet(QStringLiteral("json"))) {
        printJson(summary->toJson());
    } else {
        out() << tr("Loaded the sample directory \"%1\" into %2: %3 members, %4 guests, %5 groups, %6 applications.")
                     .arg(summary->displayName, info->displayName())
                     .arg(summary->members)
                     .arg(summary->guests)
                     .arg(summary->groups)
                     .arg(summary->applications)
              << Qt::endl;
    }
    return 0;
}

int cmdInfo(QCommandLineParser &p, const QString &dbUrl) {
    auto env = openEnv(dbUrl);
    if (!env.ok()) {
        return fail(env.error());
    }
    auto info = DirectoryService(*env->ctx).info();
    if (!info.ok()) {
        return fail(info.error());
    }
    auto counts = OverviewService(*env->ctx).counts();
    if (!counts.ok()) {
        return fail(counts.error());
    }
    const Operator &op = env->ctx->op();
    if (p.isSet(QStringLiteral("json"))) {
        QJsonObject o = info->toJson();
        o.insert(QStringLiteral("counts"), counts->toJson());
        o.insert(QStringLiteral("operator"), QJsonObject{{QStringLiteral("userPrincipalName"), op.userPrincipalName},
                                                         {QStringLiteral("account"), op.boundAccount},
                                                         {QStringLiteral("roles"), op.rolesText()}});
        printJson(o);
    } else {
        out() << info->displayName << " (" << info->initialDomain << ")\n"
              << tr("Tenant id: ") << info->tenantId << '\n'
              << tr("Database: ") << info->engine << ' ' << info->location << tr(", schema ") << info->schemaVersion
              << '\n'
              << tr("Operator: ") << op.userPrincipalName << " — " << op.rolesText() << '\n'
              << tr("Members: ") << counts->members << tr(", guests: ") << counts->guests << tr(" (pending ")
              << counts->guestsPending << tr(", accepted ") << counts->guestsAccepted << ")\n";
        out().flush();
    }
    return 0;
}

int cmdUsers(QCommandLineParser &p, const QString &dbUrl) {
    const QStringList args = p.positionalArguments();
    auto env = openEnv(dbUrl);
    if (!env.ok()) {
        return fail(env.error());
    }
    UserService users(*env->ctx);
    if (!args.isEmpty() && args.first() == QLatin1String("add")) {
        const QString name = p.value(QStringLiteral("name"));
        const QString upn = p.value(QStringLiteral("upn"));
        if (name.isEmpty() || upn.isEmpty()) {
            return usage(tr("users add needs --name NAME and --upn NAME@DOMAIN"));
        }
        auto u = users.addMember({name, upn, p.value(QStringLiteral("mail"))});
        if (!u.ok()) {
            return fail(u.error());
        }
        if (p.isSet(QStringLiteral("json"))) {
            printJson(u->toJson());
        } else {
            out() << tr("Added %1 (%2).").arg(u->userPrincipalName, u->id) << Qt::endl;
        }
        return 0;
    }
    if (!args.isEmpty()) {
        return usage(tr("unknown users subcommand \"%1\"; use \"users\" or \"users add\"").arg(args.first()));
    }
    UserQuery q;
    q.limit = 100000;
    if (p.isSet(QStringLiteral("type"))) {
        q.userType = userTypeFromString(p.value(QStringLiteral("type")));
        if (!q.userType) {
            return usage(tr("--type is Member or Guest"));
        }
    }
    auto list = users.list(q);
    if (!list.ok()) {
        return fail(list.error());
    }
    if (p.isSet(QStringLiteral("json"))) {
        QJsonArray a;
        for (const User &u : *list) {
            a << u.toJson();
        }
        printJson(QJsonObject{{QStringLiteral("value"), a}});
    } else {
        for (const User &u : *list) {
            out() << u.userPrincipalName << '\t' << toString(u.userType) << '\t' << u.displayName << '\n';
        }
        out().flush();
    }
    return 0;
}

int cmdAudit(QCommandLineParser &p, const QString &dbUrl) {
    auto env = openEnv(dbUrl);
    if (!env.ok()) {
        return fail(env.error());
    }
    if (Status s = env->ctx->require(Permission::ReadAudit, {QStringLiteral("Read audit log"), category::DirectoryManagement});
        !s.ok()) {
        return fail(s.error());
    }
    qint64 since = 0;
    if (p.isSet(QStringLiteral("since"))) {
        const QDateTime t = QDateTime::fromString(p.value(QStringLiteral("since")), Qt::ISODate);
        if (!t.isValid()) {
            return usage(tr("--since takes an ISO 8601 time, e.g. 2026-11-01 or 2026-11-01T09:00:00Z"));
        }
        since = t.toMSecsSinceEpoch();
    }
    bool ok = true;
    const int limit = p.isSet(QStringLiteral("limit")) ? p.value(QStringLiteral("limit")).toInt(&ok) : 1000;
    if (!ok || limit <= 0) {
        return usage(tr("--limit takes a positive number"));
    }
    auto c = env->db->connection();
    if (!c.ok()) {
        return fail(c.error());
    }
    auto rows = AuditLog::query(*c, since, p.value(QStringLiteral("activity")), limit);
    if (!rows.ok()) {
        return fail(rows.error());
    }
    if (p.isSet(QStringLiteral("json"))) {
        QJsonArray a;
        for (const AuditRecord &r : *rows) {
            a << r.toJson();
        }
        printJson(QJsonObject{{QStringLiteral("value"), a}});
    } else {
        for (const AuditRecord &r : *rows) {
            out() << isoUtc(r.atMs) << '\t' << r.actorName << '\t' << r.entry.activity << '\t' << r.entry.result
                  << '\t' << r.entry.targetName << '\n';
        }
        out().flush();
    }
    return 0;
}

int cmdSettings(QCommandLineParser &p, const QString &dbUrl) {
    const QStringList args = p.positionalArguments();
    auto env = openEnv(dbUrl);
    if (!env.ok()) {
        return fail(env.error());
    }
    SettingsService settings(*env->ctx);
    if (args.isEmpty() || args.first() == QLatin1String("show")) {
        auto all = settings.all();
        if (!all.ok()) {
            return fail(all.error());
        }
        if (p.isSet(QStringLiteral("json"))) {
            QJsonObject o;
            for (const Setting &s : *all) {
                o.insert(s.key, s.value);
            }
            printJson(o);
        } else {
            for (const Setting &s : *all) {
                out() << s.key << " = " << s.value << (s.isDefault ? tr(" (default)") : QString()) << '\n';
            }
            out().flush();
        }
        return 0;
    }
    if (args.first() == QLatin1String("set")) {
        if (args.size() != 3) {
            return usage(tr("settings set needs KEY VALUE"));
        }
        auto cur = settings.get(args.at(1));
        if (!cur.ok()) {
            return fail(cur.error());
        }
        auto s = settings.set(args.at(1), args.at(2), cur->isDefault ? -1 : cur->rowVersion);
        if (!s.ok()) {
            return fail(s.error());
        }
        out() << s->key << " = " << s->value << Qt::endl;
        return 0;
    }
    return usage(tr("unknown settings subcommand \"%1\"; use show or set").arg(args.first()));
}

int cmdRoles(QCommandLineParser &p, const QString &dbUrl) {
    const QStringList args = p.positionalArguments();
    auto env = openEnv(dbUrl);
    if (!env.ok()) {
        return fail(env.error());
    }
    RoleService roles(*env->ctx);
    if (args.isEmpty() || args.first() == QLatin1String("list")) {
        auto list = roles.list();
        if (!list.ok()) {
            return fail(list.error());
        }
        if (p.isSet(QStringLiteral("json"))) {
            QJsonArray a;
            for (const RoleAssignment &r : *list) {
                a << r.toJson();
            }
            printJson(QJsonObject{{QStringLiteral("value"), a}});
        } else {
            for (const RoleAssignment &r : *list) {
                out() << toString(r.role) << '\t' << r.userPrincipalName << '\n';
            }
            out().flush();
        }
        return 0;
    }
    if (args.first() == QLatin1String("assign") || args.first() == QLatin1String("remove")) {
        if (args.size() != 3) {
            return usage(tr("roles %1 needs ROLE USER (ROLE like GuestInviter or \"Guest Inviter\"; USER an id or "
                            "user principal name)")
                             .arg(args.first()));
        }
        const auto role = roleFromString(args.at(1));
        if (!role) {
            QStringList keys;
            for (Role r : allRoles()) {
                keys << roleKey(r);
            }
            return usage(tr("unknown role \"%1\"; roles are %2").arg(args.at(1), keys.join(QStringLiteral(", "))));
        }
        const Status s = args.first() == QLatin1String("assign") ? roles.assign(*role, args.at(2))
                                                                 : roles.remove(*role, args.at(2));
        if (!s.ok()) {
            return fail(s.error());
        }
        out() << (args.first() == QLatin1String("assign") ? tr("Assigned %1 to %2.") : tr("Removed %1 from %2."))
                     .arg(roleLabel(*role), args.at(2))
              << Qt::endl;
        return 0;
    }
    return usage(tr("unknown roles subcommand \"%1\"; use list, assign or remove").arg(args.first()));
}

int cmdBackup(QCommandLineParser &p, const QString &dbUrl) {
    const QStringList args = p.positionalArguments();
    if (args.size() != 1) {
        return usage(tr("backup needs a FILE"));
    }
    auto env = openEnv(dbUrl);
    if (!env.ok()) {
        return fail(env.error());
    }
    if (Status s = DirectoryService(*env->ctx).backup(args.first()); !s.ok()) {
        return fail(s.error());
    }
    out() << tr("Backed up the directory to %1.").arg(args.first()) << Qt::endl;
    return 0;
}

CommandMap commands() {
    auto withJson = [](QCommandLineParser &p) { p.addOption(jsonOption()); };
    CommandMap c;
    c[QStringLiteral("init")] = {tr("Create a directory."), QStringLiteral("init --name NAME --domain DOMAIN [--json]"),
                                 [](QCommandLineParser &p) {
                                     p.addOption({QStringLiteral("name"), tr("Display name."), tr("NAME")});
                                     p.addOption({QStringLiteral("domain"), tr("Initial domain."), tr("DOMAIN")});
                                     p.addOption(jsonOption());
                                 },
                                 cmdInit};
    c[QStringLiteral("demo")] = {tr("Create the realistic sample directory (Fabrikam)."), QStringLiteral("demo [--json]"),
                                 withJson, cmdDemo};
    c[QStringLiteral("info")] = {tr("Show the directory, its counts and who you are."), QStringLiteral("info [--json]"),
                                 withJson, cmdInfo};
    c[QStringLiteral("users")] = {tr("List users, or add a member."),
                                  QStringLiteral("users [--type Member|Guest] [--json] | users add --name NAME --upn "
                                                 "UPN [--mail EMAIL] [--json]"),
                                  [](QCommandLineParser &p) {
                                      p.addOption({QStringLiteral("name"), tr("Display name."), tr("NAME")});
                                      p.addOption({QStringLiteral("upn"), tr("User principal name."), tr("UPN")});
                                      p.addOption({QStringLiteral("mail"), tr("Email address."), tr("EMAIL")});
                                      p.addOption({QStringLiteral("type"), tr("Member or Guest."), tr("TYPE")});
                                      p.addOption(jsonOption());
                                      p.addPositionalArgument(QStringLiteral("add"), tr("Add a member."), QStringLiteral("[add]"));
                                  },
                                  cmdUsers};
    c[QStringLiteral("audit")] = {tr("Show the audit log, newest first."),
                                  QStringLiteral("audit [--since TIME] [--activity NAME] [--limit N] [--json]"),
                                  [](QCommandLineParser &p) {
                                      p.addOption({QStringLiteral("since"), tr("ISO 8601 time."), tr("TIME")});
                                      p.addOption({QStringLiteral("activity"), tr("Activity name."), tr("NAME")});
                                      p.addOption({QStringLiteral("limit"), tr("At most N rows (1000)."), tr("N")});
                                      p.addOption(jsonOption());
                                  },
                                  cmdAudit};
    c[QStringLiteral("settings")] = {tr("Show or change directory settings."),
                                     QStringLiteral("settings show [--json] | settings set KEY VALUE"),
                                     [](QCommandLineParser &p) {
                                         p.addOption(jsonOption());
                                         p.addPositionalArgument(QStringLiteral("action"), tr("show or set"));
                                     },
                                     cmdSettings};
    c[QStringLiteral("roles")] = {tr("List, assign and remove directory roles."),
                                  QStringLiteral("roles list [--json] | roles assign ROLE USER | roles remove ROLE USER"),
                                  [](QCommandLineParser &p) {
                                      p.addOption(jsonOption());
                                      p.addPositionalArgument(QStringLiteral("action"), tr("list, assign or remove"));
                                  },
                                  cmdRoles};
    c[QStringLiteral("backup")] = {tr("Write a consistent copy of the directory to FILE."), QStringLiteral("backup FILE"),
                                   [](QCommandLineParser &p) { p.addPositionalArgument(QStringLiteral("file"), tr("Target file.")); },
                                   cmdBackup};
    registerInvitationCommands(c);
    registerOperatorCommands(c);
    registerGuestCommands(c);
    registerCrossTenantCommands(c);
    registerIdpCommands(c);
    registerUserFlowCommands(c);
    return c;
}

QString globalHelp(const CommandMap &cmds) {
    QString text = tr("Usage: atriumctl [--db URL] COMMAND [options]\n\n"
                      "Atrium's command line: every bulk or scriptable action on a directory.\n\n"
                      "Options:\n"
                      "  --db URL       sqlite:PATH or postgresql://user@host:port/dbname\n"
                      "                 (default: sqlite:%1)\n"
                      "  -h, --help     this help; COMMAND --help for a command's options\n"
                      "  -v, --version  the version\n\nCommands:\n")
                       .arg(defaultDirectoryPath());
    qsizetype width = 0;
    for (const auto &[name, cmd] : cmds) {
        width = qMax(width, name.size());
    }
    for (const auto &[name, cmd] : cmds) {
        text += QStringLiteral("  %1  %2\n").arg(name.leftJustified(width), cmd.summary);
    }
    text += tr("\nExit codes: 0 success, 1 failure, 2 usage or invalid input, 3 permission denied, 4 conflict "
               "(changed by someone else), 5 not found, 6 refused by policy.\n");
    return text;
}

} // namespace

int run(const QStringList &arguments) {
    const auto cmds = commands();
    QCommandLineParser global;
    global.setApplicationDescription(tr("Atrium command line"));
    const QCommandLineOption dbOption(QStringLiteral("db"), tr("Directory database URL."), QStringLiteral("URL"));
    const QCommandLineOption helpOption({QStringLiteral("h"), QStringLiteral("help")}, tr("Show help."));
    const QCommandLineOption versionOption({QStringLiteral("v"), QStringLiteral("version")}, tr("Show the version."));
    global.addOption(dbOption);
    global.addOption(helpOption);
    global.addOption(versionOption);
    global.addPositionalArgument(QStringLiteral("command"), tr("The command to run."));
    global.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
    if (!global.parse(arguments)) {
        return usage(global.errorText());
    }
    if (global.isSet(versionOption)) {
        out() << "atriumctl " << QCoreApplication::applicationVersion() << Qt::endl;
        return 0;
    }
    const QStringList rest = global.positionalArguments();
    if (rest.isEmpty() || global.isSet(helpOption)) {
        out() << globalHelp(cmds);
        out().flush();
        return rest.isEmpty() && !global.isSet(helpOption) ? 2 : 0;
    }
    const QString name = rest.first();
    const auto it = cmds.find(name);
    if (it == cmds.end()) {
        return usage(tr("unknown command \"%1\"; see atriumctl --help").arg(name));
    }
    QCommandLineParser sub;
    sub.addOption(helpOption);
    it->second.options(sub);
    QStringList subArgs{QStringLiteral("atriumctl ") + name};
    subArgs += rest.mid(1);
    if (!sub.parse(subArgs)) {
        return usage(sub.errorText() + tr(" (usage: atriumctl %1)").arg(it->second.usage));
    }
    if (sub.isSet(helpOption)) {
        out() << tr("Usage: atriumctl [--db URL] %1\n%2\n").arg(it->second.usage, it->second.summary);
        out().flush();
        return 0;
    }
    return it->second.run(sub, global.value(dbOption));
}

} // namespace atrium::cli
