// atriumctl invite / invite --csv / resend / reset-redemption / block / unblock / delete /
// mail send / whatif invite / domains.
#include "clicommon.h"

#include "core/invitations/bulkinvite.h"
#include "core/invitations/invitationservice.h"
#include "core/invitations/outboxsender.h"
#include "core/mail/mailtransport.h"
#include "core/policy/collaborationsettings.h"
#include "core/policy/domainlist.h"
#include "core/secrets/secretstore.h"
#include "core/services/directoryservice.h"
#include "core/services/roleservice.h"
#include "core/services/settingsservice.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <csignal>

namespace atrium::cli {
using namespace atrium::core;
namespace {

// Sends what the outbox holds now; a failure leaves the mail queued (it is never lost).
QJsonObject trySendOutbox(Env &env, int max) {
    MailAddress from;
    auto transport = OutboxSender::transportFromSettings(*env.db, *env.secrets, &from);
    if (!transport.ok()) {
        return QJsonObject{{QStringLiteral("sent"), 0}, {QStringLiteral("lastError"), transport.error().message}};
    }
    OutboxSender sender(env.db, env.clock, env.secrets, *transport, from);
    auto report = sender.drainOnce(max);
    if (!report.ok()) {
        return QJsonObject{{QStringLiteral("sent"), 0}, {QStringLiteral("lastError"), report.error().message}};
    }
    return report->toJson();
}

int cmdInviteCsv(QCommandLineParser &p, Env &env) {
    QFile file(p.value(QStringLiteral("csv")));
    if (!file.open(QIODevice::ReadOnly)) {
        return fail(Error::invalid(tr("Cannot read %1: %2").arg(file.fileName(), file.errorString())));
    }
    InvitationService service(*env.ctx, env.secrets);
    BulkInviteRunner runner(service);
    BulkOptions options;
    options.dryRun = p.isSet(QStringLiteral("dry-run"));
    const bool json = p.isSet(QStringLiteral("json"));
    if (!json && isatty(fileno(stderr))) {
        options.progress = [](int rows, int bytes, qint64 total) {
            err() << "\r" << tr("%1 rows, %2%").arg(rows).arg(total ? bytes * 100 / total : 100) << Qt::flush;
            return true;
        };
    }
    auto summary = runner.run(&file, file.fileName(), options);
    if (options.progress) {
        err() << Qt::endl;
    }
    if (!summary.ok()) {
        return fail(summary.error());
    }
    if (p.isSet(QStringLiteral("results"))) {
        QSaveFile out(p.value(QStringLiteral("results")));
        if (!out.open(QIODevice::WriteOnly)) {
            return fail(Error::invalid(tr("Cannot write %1: %2").arg(out.fileName(), out.errorString())));
        }
        if (Status s = writeBulkResults(&out, *summary); !s.ok()) {
            return fail(s.error());
        }
        if (!out.commit()) {
            return fail(Error::invalid(tr("Cannot write %1: %2").arg(out.fileName(), out.errorString())));
        }
    }
    QJsonObject o = summary->toJson(json && !p.isSet(QStringLiteral("results")));
    if (!options.dryRun && summary->succeeded > 0) {
        o.insert(QStringLiteral("mail"), trySendOutbox(env, 100000));
    }
    if (json) {
        printJson(o);
    } else {
        out() << (options.dryRun ? tr("Dry run: %1 rows, %2 would be invited, %3 already in the directory, %4 failed.")
                                 : tr("%1 rows: %2 invited, %3 already in the directory, %4 failed."))
                     .arg(summary->total)
                     .arg(summary->succeeded)
                     .arg(summary->alreadyInvited)
                     .arg(summary->failed)
              << Qt::endl;
        for (const BulkRowResult &r : summary->rows) {
            if (r.status == QLatin1String("Failed")) {
                out() << tr("row %1: %2: %3").arg(r.row).arg(r.email, r.message) << '\n';
            }
        }
        out().flush();
    }
    return summary->failed > 0 ? 1 : 0;
}

int cmdInvite(QCommandLineParser &p, const QString &dbUrl) {
    auto env = openEnv(dbUrl);
    if (!env.ok()) {
        return fail(env.error());
    }
    if (p.isSet(QStringLiteral("csv"))) {
        return cmdInviteCsv(p, *env);
    }
    const QStringList args = p.positionalArguments();
    if (args.size() != 1 || !p.isSet(QStringLiteral("redirect"))) {
        return usage(tr("invite needs EMAIL and --redirect URL (or --csv FILE); see atriumctl invite --help"));
    }
    GuestInvite inv;
    inv.email = args.first();
    inv.redirectUrl = p.value(QStringLiteral("redirect"));
    inv.displayName = p.value(QStringLiteral("name"));
    inv.message = p.value(QStringLiteral("message"));
    inv.cc = p.value(QStringLiteral("cc"));
    inv.sendEmail = p.isSet(QStringLiteral("send"));
    inv.groupIds = p.values(QStringLiteral("group"));
    inv.appIds = p.values(QStringLiteral("app"));
    inv.sponsorIds = p.values(QStringLiteral("sponsor"));
    if (p.isSet(QStringLiteral("language"))) {
        inv.language = p.value(QStringLiteral("language"));
    }
    if (p.isSet(QStringLiteral("member"))) {
        inv.userType = UserType::Member;
    }
    InvitationService service(*env->ctx, env->secrets);
    auto r = service.invite(inv);
    if (!r.ok()) {
        return fail(r.error());
    }
    QJsonObject o = r->toJson();
    if (r->emailQueued) {
        o.insert(QStringLiteral("mail"), trySendOutbox(*env, 20));
    }
    if (p.isSet(QStringLiteral("json"))) {
        printJson(o);
    } else {
        out() << tr("Invited %1 as %2.").arg(r->invitedUser.mail, r->invitedUser.userPrincipalName) << '\n'
              << tr("Redemption URL: %1").arg(r->redeemUrl) << '\n';
        if (r->emailSuppressedUnsubscribed) {
            out() << tr("Email not sent: the address unsubscribed from invitations.") << '\n';
        } else if (r->emailQueued) {
            const QJsonObject mail = o.value(QStringLiteral("mail")).toObject();
            out() << (mail.value(QStringLiteral("sent")).toInt() > 0
                          ? tr("Invitation email sent.")
                          : tr("Invitation email queued; it goes out when the mail server is reachable (%1).")
                                .arg(mail.value(QStringLiteral("lastError")).toString()))
                  << '\n';
        }
        out().flush();
    }
    return 0;
}

// resend / reset-redemption / block / unblock / delete on one guest.
int cmdGuestAction(const QString &action, QCommandLineParser &p, const QString &dbUrl) {
    const QStringList args = p.positionalArguments();
    if (args.size() != 1) {
        return usage(tr("%1 needs the guest's ID (or user principal name)").arg(action));
    }
    auto env = openEnv(dbUrl);
    if (!env.ok()) {
        return fail(env.error());
    }
    auto conn = env->db->connection();
    if (!conn.ok()) {
        return fail(conn.error());
    }
    auto id = RoleService::resolveUser(*conn, args.first());
    if (!id.ok()) {
        return fail(id.error());
    }
    InvitationService service(*env->ctx, env->secrets);
    if (action == QLatin1String("reset-redemption")) {
        auto r = service.resetRedemption(*id, p.value(QStringLiteral("email")), p.isSet(QStringLiteral("send")));
        if (!r.ok()) {
            return fail(r.error());
        }
        QJsonObject o = r->toJson();
        if (r->emailQueued) {
            o.insert(QStringLiteral("mail"), trySendOutbox(*env, 20));
        }
        if (p.isSet(QStringLiteral("json"))) {
            printJson(o);
        } else {
            out() << tr("Reset the redemption status of %1; new redemption URL: %2")
                         .arg(r->invitedUser.userPrincipalName, r->redeemUrl)
                  << Qt::endl;
        }
        return 0;
    }
    Status s;
    QString done;
    if (action == QLatin1String("resend")) {
        s = service.resend(*id);
        if (s.ok()) {
            const QJsonObject mail = trySendOutbox(*env, 20);
            done = mail.value(QStringLiteral("sent")).toInt() > 0
                       ? tr("Invitation email sent again.")
                       : tr("Invitation email queued (%1).").arg(mail.value(QStringLiteral("lastError")).toString());
        }
    } else if (action == QLatin1String("block") || action == QLatin1String("unblock")) {
        s = service.setSignInBlocked(*id, action == QLatin1String("block"));
        done = action == QLatin1String("block") ? tr("Sign-in blocked.") : tr("Sign-in unblocked.");
    } else if (action == QLatin1String("delete")) {
        s = service.deleteGuest(*id);
        done = tr("Guest deleted; pending redemption links no longer work.");
    }
    if (!s.ok()) {
        return fail(s.error());
    }
    out() << done << Qt::endl;
    return 0;
}

int cmdMail(QCommandLineParser &p, const QString &dbUrl) {
    const QStringList args = p.positionalArguments();
    auto env = openEnv(dbUrl);
    if (!env.ok()) {
        return fail(env.error());
    }
    if (args.value(0) == QLatin1String("send")) {
        if (Status s = env->ctx->require(Permission::ResendInvitation, {QStringLiteral("Send queued mail"),
                                                                        category::Invitations});
            !s.ok()) {
            return fail(s.error());
        }
        const QJsonObject r = trySendOutbox(*env, 100000);
        if (p.isSet(QStringLiteral("json"))) {
            printJson(r);
        } else {
            out() << tr("Sent %1, retrying later %2, failed %3, still queued %4.")
                         .arg(r.value(QStringLiteral("sent")).toInt())
                         .arg(r.value(QStringLiteral("retrying")).toInt())
                         .arg(r.value(QStringLiteral("failed")).toInt())
                         .arg(r.value(QStringLiteral("pending")).toInt())
                  << Qt::endl;
            if (!r.value(QStringLiteral("lastError")).toString().isEmpty()) {
                out() << r.value(QStringLiteral("lastError")).toString() << Qt::endl;
            }
        }
        return r.value(QStringLiteral("lastError")).toString().isEmpty() ? 0 : 1;
    }
    if (args.value(0) == QLatin1String("set-password")) {
        if (Status s = env->ctx->require(Permission::EditPortalAndMailSettings,
                                         {QStringLiteral("Set SMTP password"), category::Policy});
            !s.ok()) {
            return fail(s.error());
        }
        QTextStream in(stdin);
        const QString password = in.readLine();
        auto info = DirectoryService::read(*env->db);
        if (!info.ok()) {
            return fail(info.error());
        }
        if (Status s = env->secrets->write(OutboxSender::smtpPasswordSecretName(info->tenantId), password); !s.ok()) {
            return fail(s.error());
        }
        out() << tr("The SMTP password is stored in the keychain.") << Qt::endl;
        return 0;
    }
    return usage(tr("mail needs send or set-password (the password is read from standard input)"));
}

int cmdWhatIf(QCommandLineParser &p, const QString &dbUrl) {
    const QStringList args = p.positionalArguments();
    if (args.size() != 2 || args.first() != QLatin1String("invite")) {
        return usage(tr("whatif invite [--as OPERATOR] EMAIL"));
    }
    auto env = openEnv(dbUrl);
    if (!env.ok()) {
        return fail(env.error());
    }
    Operator as = env->ctx->op();
    if (p.isSet(QStringLiteral("as"))) {
        auto conn = env->db->connection();
        auto id = RoleService::resolveUser(*conn, p.value(QStringLiteral("as")));
        if (!id.ok()) {
            return fail(id.error());
        }
        auto loaded = Operator::load(*conn, *id);
        if (!loaded.ok()) {
            return fail(loaded.error());
        }
        as = *loaded;
    }
    InvitationService service(*env->ctx, env->secrets);
    auto d = service.whatIfInvite(args.at(1), as);
    if (!d.ok()) {
        return fail(d.error());
    }
    if (p.isSet(QStringLiteral("json"))) {
        printJson(d->toJson());
    } else {
        out() << (d->allowed ? tr("Allowed") : tr("Refused")) << ": " << d->reason << '\n';
        for (const TraceStep &s : d->trace) {
            out() << (s.decisive ? "  ▶ " : "    ") << s.rule << ": " << s.input << " → " << s.verdict << '\n';
        }
        out().flush();
    }
    return d->allowed ? 0 : 6;
}

int cmdDomains(QCommandLineParser &p, const QString &dbUrl) {
    const QStringList args = p.positionalArguments();
    const QString mode = args.value(0);
    if (mode != QLatin1String("allow") && mode != QLatin1String("deny") && mode != QLatin1String("clear") &&
        mode != QLatin1String("show")) {
        return usage(tr("domains allow|deny DOMAIN... | domains clear | domains show"));
    }
    auto env = openEnv(dbUrl);
    if (!env.ok()) {
        return fail(env.error());
    }
    SettingsService settings(*env->ctx);
    auto cur = settings.get(settingkey::Collaboration);
    if (!cur.ok()) {
        return fail(cur.error());
    }
    auto parsed = CollaborationSettings::fromJson(QJsonDocument::fromJson(cur->value.toUtf8()).object());
    if (!parsed.ok()) {
        return fail(parsed.error());
    }
    CollaborationSettings next = *parsed;
    if (mode == QLatin1String("show")) {
        printJson(next.toJson());
        return 0;
    }
    if (mode == QLatin1String("clear")) {
        next.restriction = CollaborationRestriction::allowAny;
        next.domains.clear();
    } else {
        const auto wanted = mode == QLatin1String("allow") ? CollaborationRestriction::allowOnlyListed
                                                           : CollaborationRestriction::denyListed;
        if (next.restriction != wanted && !next.domains.isEmpty() && !p.isSet(QStringLiteral("replace"))) {
            return usage(tr("the directory has a %1 list of %2 domains; switching to a %3 list discards it — repeat "
                            "with --replace to confirm")
                             .arg(next.restriction == CollaborationRestriction::allowOnlyListed ? tr("allow") : tr("deny"))
                             .arg(next.domains.size())
                             .arg(mode));
        }
        if (next.restriction != wanted) {
            next.domains.clear();
        }
        next.restriction = wanted;
        auto list = parseDomainList(args.mid(1).join(QLatin1Char('\n')));
        if (!list.ok()) {
            QStringList problems;
            for (const auto &[line, message] : list.problems) {
                problems << message;
            }
            return fail(Error::invalid(problems.join(QStringLiteral(" "))));
        }
        for (const QString &d : list.domains) {
            if (!next.domains.contains(d)) {
                next.domains << d;
            }
        }
    }
    if (Status v = next.validate(); !v.ok()) {
        return fail(v.error());
    }
    auto s = settings.set(settingkey::Collaboration,
                          QString::fromUtf8(QJsonDocument(next.toJson()).toJson(QJsonDocument::Compact)),
                          cur->isDefault ? -1 : cur->rowVersion);
    if (!s.ok()) {
        return fail(s.error());
    }
    out() << tr("Collaboration restrictions: %1, %2 domains.").arg(toString(next.restriction)).arg(next.domains.size())
          << Qt::endl;
    return 0;
}

} // namespace

void registerInvitationCommands(CommandMap &c) {
    c[QStringLiteral("invite")] = {
        tr("Invite a guest, or many from the bulk CSV template."),
        QStringLiteral("invite EMAIL --redirect URL [--name N] [--message M] [--cc EMAIL] [--send] [--group ID]... "
                       "[--app ID]... [--sponsor ID]... [--member] [--json] | invite --csv FILE [--dry-run] "
                       "[--results OUT.csv] [--json]"),
        [](QCommandLineParser &p) {
            p.addOption({QStringLiteral("redirect"), tr("Where the guest lands after redeeming."), tr("URL")});
            p.addOption({QStringLiteral("name"), tr("Display name."), tr("NAME")});
            p.addOption({QStringLiteral("message"), tr("Personal message (plain text)."), tr("TEXT")});
            p.addOption({QStringLiteral("cc"), tr("One cc recipient."), tr("EMAIL")});
            p.addOption({QStringLiteral("language"), tr("Message language (en, de)."), tr("LANG")});
            p.addOption({QStringLiteral("send"), tr("Send the invitation email (default: only print the link).")});
            p.addOption({QStringLiteral("member"), tr("Invite as userType Member (administrators only).")});
            p.addOption({QStringLiteral("group"), tr("Add the guest to this group."), tr("ID")});
            p.addOption({QStringLiteral("app"), tr("Assign the guest to this application."), tr("ID")});
            p.addOption({QStringLiteral("sponsor"), tr("Sponsor (up to 5; default: you)."), tr("ID")});
            p.addOption({QStringLiteral("csv"), tr("Bulk invite from the CSV template."), tr("FILE")});
            p.addOption({QStringLiteral("dry-run"), tr("Validate and check policy; invite nobody.")});
            p.addOption({QStringLiteral("results"), tr("Write per-row results as CSV."), tr("OUT.csv")});
            p.addOption(jsonOption());
            p.addPositionalArgument(QStringLiteral("email"), tr("The invitee's address."), QStringLiteral("[EMAIL]"));
        },
        cmdInvite};
    for (const QString &action : {QStringLiteral("resend"), QStringLiteral("reset-redemption"), QStringLiteral("block"),
                                  QStringLiteral("unblock"), QStringLiteral("delete")}) {
        Command cmd;
        cmd.summary = action == QLatin1String("resend")             ? tr("Send a guest's invitation email again.")
                      : action == QLatin1String("reset-redemption") ? tr("Re-invite a guest (optionally at a new email), keeping id, UPN and memberships.")
                      : action == QLatin1String("block")            ? tr("Block a guest's sign-in.")
                      : action == QLatin1String("unblock")          ? tr("Unblock a guest's sign-in.")
                                                                    : tr("Delete a guest (revokes pending links).");
        cmd.usage = action == QLatin1String("reset-redemption") ? QStringLiteral("reset-redemption ID [--email NEW] [--send] [--json]")
                                                                 : action + QStringLiteral(" ID");
        cmd.options = [](QCommandLineParser &p) {
            p.addOption({QStringLiteral("email"), tr("New email address."), tr("EMAIL")});
            p.addOption({QStringLiteral("send"), tr("Send the new invitation email.")});
            p.addOption(jsonOption());
            p.addPositionalArgument(QStringLiteral("id"), tr("Guest id or user principal name."));
        };
        cmd.run = [action](QCommandLineParser &p, const QString &db) { return cmdGuestAction(action, p, db); };
        c[action] = cmd;
    }
    c[QStringLiteral("mail")] = {tr("Send queued mail now, or store the SMTP password in the keychain."),
                                 QStringLiteral("mail send [--json] | mail set-password < password"),
                                 [](QCommandLineParser &p) {
                                     p.addOption(jsonOption());
                                     p.addPositionalArgument(QStringLiteral("action"), tr("send or set-password"));
                                 },
                                 cmdMail};
    c[QStringLiteral("whatif")] = {tr("Explain a policy decision without acting."),
                                   QStringLiteral("whatif invite [--as OPERATOR] EMAIL [--json]"),
                                   [](QCommandLineParser &p) {
                                       p.addOption({QStringLiteral("as"), tr("Preview as this operator (Global Administrators only)."), tr("USER")});
                                       p.addOption(jsonOption());
                                       p.addPositionalArgument(QStringLiteral("kind"), tr("invite"));
                                   },
                                   cmdWhatIf};
    c[QStringLiteral("domains")] = {tr("Collaboration restrictions: allow or deny listed domains."),
                                    QStringLiteral("domains allow|deny DOMAIN... [--replace] | domains clear | domains show"),
                                    [](QCommandLineParser &p) {
                                        p.addOption({QStringLiteral("replace"), tr("Confirm discarding the other list when switching between allow and deny.")});
                                        p.addPositionalArgument(QStringLiteral("mode"), tr("allow, deny, clear or show"));
                                    },
                                    cmdDomains};
}

} // namespace atrium::cli
