// atriumctl crosstenant export / import / partners, and whatif access.
#include "crosstenantcommands.h"

#include "core/crosstenant/crosstenantservice.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

namespace atrium::cli {
using namespace atrium::core;
namespace {

int cmdExport(CrossTenantService &svc) {
    auto doc = svc.exportJson();
    if (!doc.ok()) {
        return fail(doc.error());
    }
    printJson(*doc);
    return 0;
}

int cmdImport(QCommandLineParser &p, CrossTenantService &svc) {
    const QStringList args = p.positionalArguments();
    if (args.size() != 2) {
        return usage(tr("crosstenant import FILE [--dry-run]"));
    }
    QFile file(args.at(1));
    if (!file.open(QIODevice::ReadOnly)) {
        return fail(Error::invalid(tr("Cannot read %1: %2").arg(file.fileName(), file.errorString())));
    }
    auto report = svc.importJson(file.readAll(), p.isSet(QStringLiteral("dry-run")));
    if (!report.ok()) {
        return fail(report.error());
    }
    if (p.isSet(QStringLiteral("json"))) {
        printJson(report->toJson());
    } else {
        for (const ConfigProblem &w : report->warnings) {
            err() << tr("warning: %1: %2").arg(w.path, w.message) << '\n';
        }
        for (const ConfigProblem &e : report->problems) {
            err() << tr("error: %1: %2").arg(e.path, e.message) << '\n';
        }
        err().flush();
        if (report->problems.isEmpty()) {
            out() << (report->dryRun ? tr("Dry run: %1 partners would be added, %2 updated, %3 unchanged; default %4.")
                                     : tr("Imported: %1 partners added, %2 updated, %3 unchanged; default %4."))
                         .arg(report->added.size())
                         .arg(report->updated.size())
                         .arg(report->unchanged.size())
                         .arg(report->defaultChanged ? tr("changed") : tr("unchanged"))
                  << Qt::endl;
        } else {
            err() << tr("Nothing was imported.") << Qt::endl;
        }
    }
    return report->problems.isEmpty() ? 0 : 2;
}

int cmdPartners(QCommandLineParser &p, CrossTenantService &svc) {
    PartnerQuery q;
    q.search = p.value(QStringLiteral("search"));
    q.limit = 1000;
    QJsonArray all;
    for (;;) {
        auto page = svc.partners(q);
        if (!page.ok()) {
            return fail(page.error());
        }
        for (const PartnerRecord &r : page->partners) {
            if (p.isSet(QStringLiteral("json"))) {
                QJsonObject o = GraphJson::toJson(r.config);
                o.insert(QStringLiteral("rowVersion"), r.rowVersion);
                all.append(o);
            } else {
                out() << r.config.tenantId << "  " << r.config.name.leftJustified(30) << "  " << toString(r.config.cloud).leftJustified(6)
                      << "  " << r.config.domains.join(QStringLiteral(", ")) << '\n';
            }
        }
        if (!page->hasMore) {
            break;
        }
        q.afterName = page->partners.last().config.name.toLower();
        q.afterTenantId = page->partners.last().config.tenantId;
    }
    if (p.isSet(QStringLiteral("json"))) {
        printJson(all);
    }
    out().flush();
    return 0;
}

int cmdCrossTenant(QCommandLineParser &p, const QString &dbUrl) {
    const QString action = p.positionalArguments().value(0);
    if (action != QLatin1String("export") && action != QLatin1String("import") && action != QLatin1String("partners")) {
        return usage(tr("crosstenant export --json | crosstenant import FILE [--dry-run] | crosstenant partners [--search TEXT] [--json]"));
    }
    auto env = openEnv(dbUrl);
    if (!env.ok()) {
        return fail(env.error());
    }
    CrossTenantService svc(*env->ctx);
    if (action == QLatin1String("export")) {
        return cmdExport(svc);
    }
    if (action == QLatin1String("import")) {
        return cmdImport(p, svc);
    }
    return cmdPartners(p, svc);
}

int cmdWhatIfAccess(QCommandLineParser &p, const QString &dbUrl) {
    if (!p.isSet(QStringLiteral("app")) || (!p.isSet(QStringLiteral("user")) && !p.isSet(QStringLiteral("user-type")))) {
        return usage(tr("whatif access [--partner TENANT] --user ID|--user-type TYPE --app ID [--outbound] [--mfa-claim] "
                        "[--not-from-directory] [--partner-auto-redeem] [--group ID]... [--json]"));
    }
    auto env = openEnv(dbUrl);
    if (!env.ok()) {
        return fail(env.error());
    }
    CrossTenantService svc(*env->ctx);
    AccessRequest r;
    r.direction = p.isSet(QStringLiteral("outbound")) ? AccessDirection::outbound : AccessDirection::inbound;
    r.applicationId = p.value(QStringLiteral("app"));
    r.mfaClaim = p.isSet(QStringLiteral("mfa-claim"));
    r.fromPartnerDirectory = !p.isSet(QStringLiteral("not-from-directory"));
    r.otherSideAllowsAutomaticRedemption = p.isSet(QStringLiteral("partner-auto-redeem"));
    if (p.isSet(QStringLiteral("partner"))) {
        const QString partner = p.value(QStringLiteral("partner"));
        auto found = svc.findPartner(partner);
        if (found.ok()) {
            r.homeTenantId = found->config.tenantId;
        } else if (!normalizeTenantId(partner).isEmpty()) {
            r.homeTenantId = normalizeTenantId(partner); // a tenant that is no partner: the default applies
        } else {
            return fail(found.error());
        }
    }
    if (p.isSet(QStringLiteral("user"))) {
        auto filled = svc.requestForUser(p.value(QStringLiteral("user")), r);
        if (filled.ok()) {
            r = *filled;
        } else if (filled.error().code == ErrorCode::NotFound || filled.error().code == ErrorCode::Invalid) {
            r.userId = p.value(QStringLiteral("user")); // an external object id we do not hold
        } else {
            return fail(filled.error());
        }
    }
    if (p.isSet(QStringLiteral("user-type"))) {
        auto type = externalUserTypeFromString(p.value(QStringLiteral("user-type")));
        if (!type) {
            return usage(tr("--user-type must be one of internalGuest, b2bCollaborationGuest, b2bCollaborationMember, "
                            "b2bDirectConnectUser, otherExternalUser, serviceProvider"));
        }
        r.userType = *type;
    }
    r.groupIds << p.values(QStringLiteral("group"));
    auto x = svc.whatIf(r);
    if (!x.ok()) {
        return fail(x.error());
    }
    if (p.isSet(QStringLiteral("json"))) {
        printJson(*x);
    } else {
        out() << x->value(QStringLiteral("reason")).toString() << '\n';
        for (const QJsonValue &v : x->value(QStringLiteral("settings")).toArray()) {
            const QJsonObject s = v.toObject();
            out() << "  " << s.value(QStringLiteral("property")).toString() << " ["
                  << s.value(QStringLiteral("provenanceLabel")).toString() << "] "
                  << s.value(QStringLiteral("explanation")).toString() << '\n';
        }
        for (const QJsonValue &v : x->value(QStringLiteral("conditionalAccess")).toArray()) {
            const QJsonObject c = v.toObject();
            out() << "  " << tr("conditional access: %1 (%2)").arg(c.value(QStringLiteral("displayName")).toString(),
                                                                   c.value(QStringLiteral("state")).toString())
                  << '\n';
        }
        out().flush();
    }
    return x->value(QStringLiteral("allowed")).toBool() ? 0 : 6;
}
} // namespace

void registerCrossTenantCommands(CommandMap &c) {
    c[QStringLiteral("crosstenant")] = {
        tr("Cross-tenant access settings: export, import (Microsoft Graph JSON), list partners."),
        QStringLiteral("crosstenant export --json | crosstenant import FILE [--dry-run] [--json] | crosstenant partners "
                       "[--search TEXT] [--json]"),
        [](QCommandLineParser &p) {
            p.addOption(jsonOption());
            p.addOption({QStringLiteral("dry-run"), tr("Validate and report without changing anything.")});
            p.addOption({QStringLiteral("search"), tr("Part of a name, tenant id or domain."), tr("TEXT")});
            p.addPositionalArgument(QStringLiteral("action"), tr("export, import or partners"));
        },
        cmdCrossTenant};

    // `whatif` exists already (whatif invite): keep it and add `whatif access` in front of it.
    Command previous;
    if (auto it = c.find(QStringLiteral("whatif")); it != c.end()) {
        previous = it->second;
    }
    Command whatif;
    whatif.summary = previous.summary.isEmpty() ? tr("Explain a decision without acting.") : previous.summary;
    whatif.usage = (previous.usage.isEmpty() ? QString() : previous.usage + QStringLiteral(" | ")) +
                   QStringLiteral("whatif access [--partner TENANT] --user ID|--user-type TYPE --app ID [--outbound] "
                                  "[--mfa-claim] [--not-from-directory] [--partner-auto-redeem] [--group ID]... [--json]");
    whatif.options = [previous](QCommandLineParser &p) {
        if (previous.options) {
            previous.options(p); // adds --json and the "kind" positional
        } else {
            p.addOption(jsonOption());
            p.addPositionalArgument(QStringLiteral("kind"), tr("access"));
        }
        p.addOption({QStringLiteral("partner"), tr("Partner tenant id, domain or name (the user's home tenant)."), tr("TENANT")});
        p.addOption({QStringLiteral("user"), tr("User id or UPN."), tr("ID")});
        p.addOption({QStringLiteral("user-type"), tr("Guest or external user type (b2bCollaborationGuest, ...)."), tr("TYPE")});
        p.addOption({QStringLiteral("app"), tr("Application id."), tr("ID")});
        p.addOption({QStringLiteral("group"), tr("A group of the user (repeatable)."), tr("ID")});
        p.addOption({QStringLiteral("outbound"), tr("One of our users going to the partner's application.")});
        p.addOption({QStringLiteral("mfa-claim"), tr("The sign-in carries the home directory's MFA claim.")});
        p.addOption({QStringLiteral("not-from-directory"), tr("The user did not sign in at a partner directory.")});
        p.addOption({QStringLiteral("partner-auto-redeem"), tr("The other tenant allows automatic redemption.")});
    };
    whatif.run = [previous](QCommandLineParser &p, const QString &dbUrl) {
        if (p.positionalArguments().value(0) == QLatin1String("access")) {
            return cmdWhatIfAccess(p, dbUrl);
        }
        if (previous.run) {
            return previous.run(p, dbUrl);
        }
        return usage(tr("whatif access ..."));
    };
    c[QStringLiteral("whatif")] = whatif;
}

} // namespace atrium::cli
