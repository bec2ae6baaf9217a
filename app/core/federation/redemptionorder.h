#pragma once

#include "core/base/result.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <algorithm>
#include <optional>

namespace atrium::core {

// SPEC §2 redemption order, shaped like Microsoft Graph's
// invitationRedemptionIdentityProviderConfiguration. Enumerator names are the Graph values.
enum class PrimaryIdp { azureActiveDirectory, externalFederation, socialIdentityProviders };
enum class FallbackIdp { defaultConfiguredIdp, emailOneTimePasscode, microsoftAccount };

QString toString(PrimaryIdp v);
QString toString(FallbackIdp v);
QString primaryIdpLabel(PrimaryIdp v);                              // translated
QString fallbackIdpLabel(FallbackIdp v);                            // translated
std::optional<PrimaryIdp> primaryIdpFromString(const QString &s);   // exact Graph spelling
std::optional<FallbackIdp> fallbackIdpFromString(const QString &s); // exact Graph spelling

// An ordered primary list (a primary left out is disabled; no duplicates; it may be empty) and
// exactly one fallback, so a guest always has somewhere to go. defaultConfiguredIdp behaves as
// SPEC §2 steps 4–6: an existing Microsoft account, else email one-time passcode if enabled, else a
// Microsoft account.
struct RedemptionOrder {
    QList<PrimaryIdp> primary{PrimaryIdp::azureActiveDirectory, PrimaryIdp::externalFederation,
                              PrimaryIdp::socialIdentityProviders};
    FallbackIdp fallback = FallbackIdp::defaultConfiguredIdp;

    // Refuses duplicates in the primary list, and the emailOneTimePasscode fallback while email
    // one-time passcodes are switched off (that fallback would leave guests nowhere to go). Callers
    // that know the setting pass it; the resolver still copes if the setting changes afterwards.
    Status validate(bool emailOtpEnabled = true) const;

    // {"primaryIdentityProviderPrecedenceOrder":[...], "fallbackIdentityProvider":"..."}
    QJsonObject toJson() const;
    // Both members required, values spelled exactly as in Graph; validated (emailOtpEnabled assumed on).
    static Result<RedemptionOrder> fromJson(const QJsonObject &json);

    // Not QList::operator== (what "= default" would call): for two empty lists Qt 6.4 hands memcmp a
    // null pointer, undefined behaviour that `make asan` (UBSan) stops on.
    friend bool operator==(const RedemptionOrder &a, const RedemptionOrder &b) {
        return a.fallback == b.fallback && std::ranges::equal(a.primary, b.primary);
    }
};

} // namespace atrium::core
