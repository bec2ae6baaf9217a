#pragma once

#include "core/federation/redemptionorder.h"

#include <QHash>
#include <QList>
#include <QPair>
#include <QSet>
#include <QString>

namespace atrium::core {

// A snapshot the caller builds from the directory; the resolver itself is pure (no DB, no network).
struct ResolverContext {
    QSet<QString> partnerDirectoryDomains;      // domains of known partner organizations (normalized)
    QHash<QString, QString> federationByDomain; // normalized domain -> federation id (SAML/WS-Fed)
    bool googleConfigured = false;
    bool emailOtpEnabled = true;
    RedemptionOrder defaultOrder;
    QHash<QString, RedemptionOrder> partnerOrders; // normalized partner domain -> its own order
};

struct ResolvedIdp {
    // "partnerDirectory", "externalFederation:<id>", "google", "microsoftAccount", "emailOneTimePasscode",
    // or "none" (the address has no usable domain). "defaultConfiguredIdp" is never returned: it is
    // resolved into what it stands for (SPEC §2 steps 4–6).
    QString provider;
    QString displayName; // translated
    // In the order the steps ran: stable step key -> translated finding. Steps after the one that
    // decided were not checked and are not listed. Keys: "email", "order", "partnerDirectory",
    // "externalFederation", "google", "existingMicrosoftAccount", "emailOneTimePasscode", "fallback".
    QList<QPair<QString, QString>> trace;
};

QString redemptionStepLabel(const QString &stepKey); // translated name of a trace step

// Which identity provider a guest with this email is sent to at redemption (SPEC §2).
// Domains match exactly (after normalization: case, IDNA, trailing dot); a partner's own order
// applies when the email's domain has one in partnerOrders. existingIdentityIssuer is the guest's
// recorded identity issuer ("MicrosoftAccount" when one is already recorded), else empty.
ResolvedIdp resolveRedemptionIdp(const ResolverContext &ctx, const QString &email,
                                 const QString &existingIdentityIssuer);

} // namespace atrium::core
