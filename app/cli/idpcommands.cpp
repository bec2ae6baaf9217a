// atriumctl idp: identity providers and the redemption order (SPEC §2, §6).
#include "idpcommands.h"

#include "core/identityproviders/identityproviderservice.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>

namespace atrium::cli {
using namespace atrium::core;
namespace {

const QString kUsage = QStringLiteral(
    "idp list [--json] | idp add-saml --metadata FILE|URL --domain D [--domain D]... [--name N] [--json] | "
    "idp show ID [--json] | idp refresh ID [--apply] [--json] | idp refresh --due [--json] | idp remove ID | idp resolve EMAIL [--json] | "
    "idp order show [--partner TENANT] [--json] | idp order set [--partner TENANT] --primary P[,P...] --fallback F");

bool json(const QCommandLineParser &p) { return p.isSet(QStringLiteral("json")); }

void printProvider(const IdentityProvider &idp) {
    out() << idp.id << "  " << idpKindLabel(idp.kind) << "  " << idp.displayName << "  [" << idp.status() << "]\n";
    if (!idp.domains.isEmpty()) {
        out() << "  " << tr("domains: %1").arg(idp.domains.join(QStringLiteral(", "))) << '\n';
    }
    if (!idp.issuer.isEmpty()) {
        out() << "  " << tr("issuer: %1").arg(idp.issuer) << '\n';
    }
    for (const IdpWarning &w : idp.warnings) {
        out() << "  " << tr("warning: %1").arg(w.message) << '\n';
    }
}

int cmdList(QCommandLineParser &p, IdentityProviderService &svc) {
    auto all = svc.list();
    if (!all.ok()) {
        return fail(all.error());
    }
    if (json(p)) {
        QJsonArray a;
        for (const IdentityProvider &idp : std::as_const(*all)) {
            a.append(idp.toJson());
        }
        printJson(a);
        return 0;
    }
    for (const IdentityProvider &idp : std::as_const(*all)) {
        printProvider(idp);
    }
    out().flush();
    return 0;
}

int cmdAddSaml(QCommandLineParser &p, IdentityProviderService &svc) {
    const QString source = p.value(QStringLiteral("metadata"));
    const QStringList domains = p.values(QStringLiteral("domain"));
    if (source.isEmpty() || domains.isEmpty()) {
        return usage(QStringLiteral("idp add-saml --metadata FILE|URL --domain D [--domain D]... [--name N]"));
    }
    const QString name = p.value(QStringLiteral("name"));
    Result<IdentityProvider> r = Error::invalid({});
    if (source.startsWith(QLatin1String("https://"), Qt::CaseInsensitive) ||
        source.startsWith(QLatin1String("http://"), Qt::CaseInsensitive)) {
        r = svc.addSamlFromUrl(QUrl(source, QUrl::StrictMode), domains, name);
    } else {
        QFile f(source);
        if (!f.open(QIODevice::ReadOnly)) {
            return fail(Error::invalid(tr("Cannot read %1: %2").arg(source, f.errorString())));
        }
        r = svc.addSamlFromMetadata(f.read(kMaxMetadataBytes + 1), domains, name);
    }
    if (!r.ok()) {
        return fail(r.error());
    }
    if (json(p)) {
        printJson(r->toJson());
    } else {
        out() << tr("Added %1 (%2).").arg(r->displayName, r->id) << '\n';
        printProvider(*r);
        out().flush();
    }
    return 0;
}

int cmdShow(QCommandLineParser &p, IdentityProviderService &svc, const QString &id) {
    auto idp = svc.show(id);
    if (!idp.ok()) {
        return fail(idp.error());
    }
    if (json(p)) {
        printJson(idp->toJson());
        return 0;
    }
    printProvider(*idp);
    if (idp->metadata) {
        for (const SsoEndpoint &e : idp->metadata->ssoEndpoints) {
            out() << "  " << tr("endpoint: %1 (%2)").arg(e.location.toString(), e.binding) << '\n';
        }
        for (const SigningCertificate &c : idp->metadata->signingCertificates) {
            out() << "  " << tr("certificate: %1").arg(describeCertificate(c)) << '\n';
        }
    }
    if (hasClientSecret(idp->kind)) {
        out() << "  " << (idp->secretStored ? tr("secret stored") : tr("secret missing")) << '\n';
    }
    out().flush();
    return 0;
}

int cmdRefresh(QCommandLineParser &p, IdentityProviderService &svc, const QString &id) {
    auto r = svc.refresh(id, p.isSet(QStringLiteral("apply")));
    if (!r.ok()) {
        return fail(r.error());
    }
    if (json(p)) {
        printJson(r->toJson());
        return 0;
    }
    if (r->changes.isEmpty()) {
        out() << tr("The metadata has not changed.") << Qt::endl;
        return 0;
    }
    for (const FieldChange &c : r->changes) {
        out() << fieldLabel(c.field) << ":\n";
        if (!c.before.isEmpty()) {
            out() << "  - " << c.before << '\n';
        }
        if (!c.after.isEmpty()) {
            out() << "  + " << c.after << '\n';
        }
    }
    out() << (r->applied ? tr("Applied.") : tr("Nothing was changed; run again with --apply to apply.")) << Qt::endl;
    return 0;
}

// For cron: every federation whose signing certificate expires within 30 days (or has expired) gets
// the certificates its metadata URL serves now (SPEC §6). Exit 1 when any of them failed.
int cmdRefreshDue(QCommandLineParser &p, IdentityProviderService &svc) {
    auto r = svc.refreshDueCertificates(QDateTime::currentDateTimeUtc());
    if (!r.ok()) {
        return fail(r.error());
    }
    if (json(p)) {
        printJson(r->toJson());
        return r->anyFailed() ? 1 : 0;
    }
    out() << tr("%1 federation(s) with a metadata URL, %2 with a certificate expiring within 30 days.")
                 .arg(r->checked)
                 .arg(r->due.size())
          << '\n';
    for (const CertificateRefreshOutcome &o : std::as_const(r->due)) {
        const QString kind = o.kind == CertificateRefreshOutcome::Kind::Refreshed  ? tr("refreshed")
                             : o.kind == CertificateRefreshOutcome::Kind::Unchanged ? tr("unchanged")
                                                                                    : tr("FAILED");
        out() << o.id << "  " << o.displayName << "  [" << kind << "]  " << o.message << '\n';
        for (const FieldChange &c : o.applied) {
            out() << "  " << (c.before.isEmpty() ? QStringLiteral("+ ") : QStringLiteral("- "))
                  << (c.before.isEmpty() ? c.after : c.before) << '\n';
        }
    }
    out().flush();
    return r->anyFailed() ? 1 : 0;
}

int cmdRemove(IdentityProviderService &svc, const QString &id) {
    auto r = svc.remove(id);
    if (!r.ok()) {
        return fail(r.error());
    }
    out() << tr("Removed %1.").arg(r->displayName) << '\n';
    if (r->redeemedGuests > 0) {
        out() << QCoreApplication::translate("atriumctl", "%n guest(s) redeemed through it and need a redemption reset.", nullptr,
                                            static_cast<int>(r->redeemedGuests))
              << '\n';
    }
    out().flush();
    return 0;
}

int cmdResolve(QCommandLineParser &p, IdentityProviderService &svc, const QString &email) {
    auto r = svc.resolve(email);
    if (!r.ok()) {
        return fail(r.error());
    }
    if (json(p)) {
        printJson(resolvedIdpToJson(*r));
        return 0;
    }
    out() << tr("%1 signs in with: %2 (%3)").arg(email, r->displayName, r->provider) << '\n';
    for (const auto &step : r->trace) {
        out() << "  " << redemptionStepLabel(step.first) << ": " << step.second << '\n';
    }
    out().flush();
    return 0;
}

int cmdOrder(QCommandLineParser &p, IdentityProviderService &svc, const QString &action) {
    const QString partner = p.value(QStringLiteral("partner"));
    auto cur = svc.redemptionOrder(partner);
    if (!cur.ok()) {
        return fail(cur.error());
    }
    if (action == QLatin1String("show")) {
        if (json(p)) {
            printJson(cur->toJson());
            return 0;
        }
        QStringList primary;
        for (PrimaryIdp v : cur->order.primary) {
            primary << primaryIdpLabel(v);
        }
        out() << tr("primary: %1").arg(primary.join(QStringLiteral(", "))) << '\n'
              << tr("fallback: %1").arg(fallbackIdpLabel(cur->order.fallback)) << Qt::endl;
        return 0;
    }
    if (action != QLatin1String("set") || !p.isSet(QStringLiteral("fallback"))) {
        return usage(QStringLiteral("idp order set [--partner TENANT] --primary P[,P...] --fallback F"));
    }
    RedemptionOrder order;
    order.primary.clear();
    for (const QString &s : p.value(QStringLiteral("primary")).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        auto v = primaryIdpFromString(s.trimmed());
        if (!v) {
            return fail(Error::invalid(tr("Unknown primary identity provider %1 (azureActiveDirectory, externalFederation, "
                                          "socialIdentityProviders).")
                                           .arg(s),
                                       QStringLiteral("primary")));
        }
        order.primary << *v;
    }
    auto f = fallbackIdpFromString(p.value(QStringLiteral("fallback")).trimmed());
    if (!f) {
        return fail(Error::invalid(tr("Unknown fallback %1 (defaultConfiguredIdp, emailOneTimePasscode, microsoftAccount).")
                                       .arg(p.value(QStringLiteral("fallback"))),
                                   QStringLiteral("fallback")));
    }
    order.fallback = *f;
    auto r = svc.setRedemptionOrder(partner, order, cur->rowVersion);
    if (!r.ok()) {
        return fail(r.error());
    }
    if (json(p)) {
        printJson(r->toJson());
    } else {
        out() << tr("Redemption order saved.") << Qt::endl;
    }
    return 0;
}

int cmdIdp(QCommandLineParser &p, const QString &dbUrl) {
    const QStringList args = p.positionalArguments();
    const QString action = args.value(0);
    static const QStringList withArg{QStringLiteral("show"), QStringLiteral("refresh"), QStringLiteral("remove"),
                                     QStringLiteral("resolve"), QStringLiteral("order")};
    const bool due = p.isSet(QStringLiteral("due"));
    if (due && (action != QLatin1String("refresh") || args.size() != 1 || p.isSet(QStringLiteral("apply")))) {
        return usage(QStringLiteral("idp refresh --due [--json]"));
    }
    if (action.isEmpty() || (withArg.contains(action) && args.size() != 2 && !due) ||
        (!withArg.contains(action) && action != QLatin1String("list") && action != QLatin1String("add-saml"))) {
        return usage(kUsage);
    }
    auto env = openEnv(dbUrl);
    if (!env.ok()) {
        return fail(env.error());
    }
    IdentityProviderService svc(*env->ctx, env->secrets);
    const QString arg = args.value(1);
    if (action == QLatin1String("list")) {
        return cmdList(p, svc);
    }
    if (action == QLatin1String("add-saml")) {
        return cmdAddSaml(p, svc);
    }
    if (action == QLatin1String("show")) {
        return cmdShow(p, svc, arg);
    }
    if (action == QLatin1String("refresh")) {
        return due ? cmdRefreshDue(p, svc) : cmdRefresh(p, svc, arg);
    }
    if (action == QLatin1String("remove")) {
        return cmdRemove(svc, arg);
    }
    if (action == QLatin1String("resolve")) {
        return cmdResolve(p, svc, arg);
    }
    return cmdOrder(p, svc, arg);
}

} // namespace

void registerIdpCommands(CommandMap &c) {
    c[QStringLiteral("idp")] = {
        tr("Identity providers: list, add SAML/WS-Fed from metadata, refresh, remove, redemption order, resolve."),
        kUsage,
        [](QCommandLineParser &p) {
            p.addOption(jsonOption());
            p.addOption({QStringLiteral("metadata"), tr("Metadata file or https URL."), tr("FILE|URL")});
            p.addOption({QStringLiteral("domain"), tr("A domain of the federation (repeatable)."), tr("DOMAIN")});
            p.addOption({QStringLiteral("name"), tr("Display name."), tr("NAME")});
            p.addOption({QStringLiteral("apply"), tr("Apply the refreshed metadata.")});
            p.addOption({QStringLiteral("due"),
                         tr("Refresh the signing certificates of every federation whose certificate expires within 30 "
                            "days, from its metadata URL (for cron).")});
            p.addOption({QStringLiteral("partner"), tr("Partner tenant id (per-partner redemption order)."), tr("TENANT")});
            p.addOption({QStringLiteral("primary"),
                         tr("Primary providers in order: azureActiveDirectory, externalFederation, socialIdentityProviders."),
                         tr("LIST")});
            p.addOption({QStringLiteral("fallback"),
                         tr("Fallback: defaultConfiguredIdp, emailOneTimePasscode or microsoftAccount."), tr("IDP")});
            p.addPositionalArgument(QStringLiteral("action"),
                                    tr("list, add-saml, show, refresh, remove, resolve or order"));
        },
        cmdIdp};
}

} // namespace atrium::cli
