#include "core/federation/redemptionresolver.h"

#include "core/base/domainname.h"

#include <QCoreApplication>

namespace atrium::core {

namespace {

QString ftr(const char *text) {
    return QCoreApplication::translate("atrium::core::Federation", text);
}

const QString kPartnerDirectory = QStringLiteral("partnerDirectory");
const QString kFederation = QStringLiteral("externalFederation");
const QString kGoogle = QStringLiteral("google");
const QString kExistingMsa = QStringLiteral("existingMicrosoftAccount");
const QString kOtp = QStringLiteral("emailOneTimePasscode");
const QString kFallback = QStringLiteral("fallback");
const QString kMsa = QStringLiteral("microsoftAccount");

ResolvedIdp &decide(ResolvedIdp &r, const QString &provider, const QString &displayName) {
    r.provider = provider;
    r.displayName = displayName;
    return r;
}

} // namespace

QString redemptionStepLabel(const QString &key) {
    if (key == QLatin1String("email")) {
        return ftr("Email address");
    }
    if (key == QLatin1String("order")) {
        return ftr("Redemption order");
    }
    if (key == kPartnerDirectory) {
        return ftr("1. Partner directory");
    }
    if (key == kFederation) {
        return ftr("2. SAML/WS-Fed federation");
    }
    if (key == kGoogle) {
        return ftr("3. Google");
    }
    if (key == kExistingMsa) {
        return ftr("4. Existing Microsoft account");
    }
    if (key == kOtp) {
        return ftr("5. Email one-time passcode");
    }
    if (key == kFallback) {
        return ftr("6. Fallback identity provider");
    }
    return key;
}

ResolvedIdp resolveRedemptionIdp(const ResolverContext &ctx, const QString &email,
                                 const QString &existingIdentityIssuer) {
    ResolvedIdp r;
    const QString trimmed = email.trimmed();
    const qsizetype at = trimmed.lastIndexOf(QLatin1Char('@'));
    const auto domainResult = at > 0 ? normalizeDomain(trimmed.mid(at + 1)) : Result<QString>(Error::invalid({}));
    if (!domainResult) {
        r.trace.append(
            {QStringLiteral("email"),
             ftr("\"%1\" has no valid domain after the @, so no identity provider can be chosen.").arg(trimmed)});
        return decide(r, QStringLiteral("none"), ftr("None"));
    }
    const QString domain = *domainResult;
    r.trace.append({QStringLiteral("email"), ftr("Domain %1.").arg(domain)});

    const auto partnerOrder = ctx.partnerOrders.constFind(domain);
    const bool usesPartnerOrder = partnerOrder != ctx.partnerOrders.cend();
    const RedemptionOrder &order = usesPartnerOrder ? *partnerOrder : ctx.defaultOrder;
    {
        QStringList enabled;
        QStringList leftOut;
        for (PrimaryIdp p : order.primary) {
            enabled << primaryIdpLabel(p);
        }
        for (PrimaryIdp p :
             {PrimaryIdp::azureActiveDirectory, PrimaryIdp::externalFederation, PrimaryIdp::socialIdentityProviders}) {
            if (!order.primary.contains(p)) {
                leftOut << primaryIdpLabel(p);
            }
        }
        QString text = usesPartnerOrder ? ftr("The partner order for %1 applies: %2.")
                                              .arg(domain, enabled.isEmpty() ? ftr("no primary identity provider")
                                                                             : enabled.join(QStringLiteral(", ")))
                                        : ftr("The default order applies: %1.")
                                              .arg(enabled.isEmpty() ? ftr("no primary identity provider")
                                                                     : enabled.join(QStringLiteral(", ")));
        if (!leftOut.isEmpty()) {
            text += QLatin1Char(' ') + ftr("Turned off: %1.").arg(leftOut.join(QStringLiteral(", ")));
        }
        text += QLatin1Char(' ') + ftr("Fallback: %1.").arg(fallbackIdpLabel(order.fallback));
        r.trace.append({QStringLiteral("order"), text});
    }

    for (PrimaryIdp p : order.primary) {
        switch (p) {
        case PrimaryIdp::azureActiveDirectory:
            if (ctx.partnerDirectoryDomains.contains(domain)) {
                r.trace.append({kPartnerDirectory, ftr("%1 belongs to a known partner organization.").arg(domain)});
                return decide(r, kPartnerDirectory, ftr("Partner directory (%1)").arg(domainForDisplay(domain)));
            }
            r.trace.append({kPartnerDirectory, ftr("%1 is not a known partner organization's domain.").arg(domain)});
            break;
        case PrimaryIdp::externalFederation: {
            const auto fed = ctx.federationByDomain.constFind(domain);
            if (fed != ctx.federationByDomain.cend()) {
                r.trace.append(
                    {kFederation, ftr("%1 is federated with the SAML/WS-Fed provider %2.").arg(domain, fed.value())});
                return decide(r, kFederation + QLatin1Char(':') + fed.value(),
                              ftr("SAML/WS-Fed federation %1").arg(fed.value()));
            }
            r.trace.append({kFederation, ftr("No SAML/WS-Fed provider is configured for %1.").arg(domain)});
            break;
        }
        case PrimaryIdp::socialIdentityProviders: {
            const bool gmail = domain == QLatin1String("gmail.com") || domain == QLatin1String("googlemail.com");
            if (gmail && ctx.googleConfigured) {
                r.trace.append({kGoogle, ftr("%1 is a Google address and Google is configured.").arg(domain)});
                return decide(r, kGoogle, ftr("Google"));
            }
            r.trace.append({kGoogle, gmail ? ftr("%1 is a Google address, but Google is not configured.").arg(domain)
                                           : ftr("Google is used only for gmail.com and googlemail.com addresses.")});
            break;
        }
        }
    }

    switch (order.fallback) {
    case FallbackIdp::defaultConfiguredIdp:
        if (existingIdentityIssuer.compare(QLatin1String("MicrosoftAccount"), Qt::CaseInsensitive) == 0) {
            r.trace.append({kExistingMsa, ftr("The guest's recorded identity is a Microsoft account.")});
            return decide(r, kMsa, ftr("Microsoft account"));
        }
        r.trace.append(
            {kExistingMsa,
             existingIdentityIssuer.isEmpty()
                 ? ftr("No Microsoft account is recorded for this guest (Atrium cannot ask Microsoft "
                       "whether one exists), so this step does not apply.")
                 : ftr("The guest's recorded identity is %1, not a Microsoft account.").arg(existingIdentityIssuer)});
        if (ctx.emailOtpEnabled) {
            r.trace.append({kOtp, ftr("Email one-time passcodes are turned on.")});
            return decide(r, kOtp, ftr("Email one-time passcode"));
        }
        r.trace.append({kOtp, ftr("Email one-time passcodes are turned off.")});
        r.trace.append({kFallback, ftr("Nothing earlier applied, so the guest signs in with (or creates) a Microsoft "
                                       "account.")});
        return decide(r, kMsa, ftr("Microsoft account"));
    case FallbackIdp::emailOneTimePasscode:
        if (ctx.emailOtpEnabled) {
            r.trace.append({kFallback, ftr("The fallback is email one-time passcode, and passcodes are turned on.")});
            return decide(r, kOtp, ftr("Email one-time passcode"));
        }
        // validate() refuses this combination when it is saved; if passcodes were turned off
        // afterwards, the guest still needs somewhere to go.
        r.trace.append({kFallback, ftr("The fallback is email one-time passcode, but passcodes are turned off; the "
                                       "guest is sent to a Microsoft account instead.")});
        return decide(r, kMsa, ftr("Microsoft account"));
    case FallbackIdp::microsoftAccount:
        r.trace.append({kFallback, ftr("The fallback is Microsoft account.")});
        return decide(r, kMsa, ftr("Microsoft account"));
    }
    return r;
}

} // namespace atrium::core
