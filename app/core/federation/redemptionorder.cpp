#include "core/federation/redemptionorder.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace atrium::core {

namespace {

QString ftr(const char *text) {
    return QCoreApplication::translate("atrium::core::Federation", text);
}

const QString kPrimaryKey = QStringLiteral("primaryIdentityProviderPrecedenceOrder");
const QString kFallbackKey = QStringLiteral("fallbackIdentityProvider");

} // namespace

QString toString(PrimaryIdp v) {
    switch (v) {
    case PrimaryIdp::azureActiveDirectory:
        return QStringLiteral("azureActiveDirectory");
    case PrimaryIdp::externalFederation:
        return QStringLiteral("externalFederation");
    case PrimaryIdp::socialIdentityProviders:
        return QStringLiteral("socialIdentityProviders");
    }
    return {};
}

QString toString(FallbackIdp v) {
    switch (v) {
    case FallbackIdp::defaultConfiguredIdp:
        return QStringLiteral("defaultConfiguredIdp");
    case FallbackIdp::emailOneTimePasscode:
        return QStringLiteral("emailOneTimePasscode");
    case FallbackIdp::microsoftAccount:
        return QStringLiteral("microsoftAccount");
    }
    return {};
}

QString primaryIdpLabel(PrimaryIdp v) {
    switch (v) {
    case PrimaryIdp::azureActiveDirectory:
        return ftr("Partner directory");
    case PrimaryIdp::externalFederation:
        return ftr("SAML/WS-Fed federation");
    case PrimaryIdp::socialIdentityProviders:
        return ftr("Social identity providers (Google)");
    }
    return {};
}

QString fallbackIdpLabel(FallbackIdp v) {
    switch (v) {
    case FallbackIdp::defaultConfiguredIdp:
        return ftr("Default (existing Microsoft account, else one-time passcode, else Microsoft account)");
    case FallbackIdp::emailOneTimePasscode:
        return ftr("Email one-time passcode");
    case FallbackIdp::microsoftAccount:
        return ftr("Microsoft account");
    }
    return {};
}

std::optional<PrimaryIdp> primaryIdpFromString(const QString &s) {
    for (PrimaryIdp v :
         {PrimaryIdp::azureActiveDirectory, PrimaryIdp::externalFederation, PrimaryIdp::socialIdentityProviders}) {
        if (toString(v) == s) {
            return v;
        }
    }
    return std::nullopt;
}

std::optional<FallbackIdp> fallbackIdpFromString(const QString &s) {
    for (FallbackIdp v :
         {FallbackIdp::defaultConfiguredIdp, FallbackIdp::emailOneTimePasscode, FallbackIdp::microsoftAccount}) {
        if (toString(v) == s) {
            return v;
        }
    }
    return std::nullopt;
}

Status RedemptionOrder::validate(bool emailOtpEnabled) const {
    for (qsizetype i = 0; i < primary.size(); ++i) {
        if (primary.indexOf(primary.at(i)) != i) {
            return Error::invalid(ftr("%1 appears twice in the redemption order; list each identity provider once.")
                                      .arg(primaryIdpLabel(primary.at(i))),
                                  kPrimaryKey);
        }
    }
    if (fallback == FallbackIdp::emailOneTimePasscode && !emailOtpEnabled) {
        return Error::invalid(ftr("Email one-time passcode cannot be the fallback while one-time passcodes are "
                                  "turned off. Turn them on or choose another fallback."),
                              kFallbackKey);
    }
    return {};
}

QJsonObject RedemptionOrder::toJson() const {
    QJsonArray list;
    for (PrimaryIdp p : primary) {
        list.append(toString(p));
    }
    return QJsonObject{{kPrimaryKey, list}, {kFallbackKey, toString(fallback)}};
}

Result<RedemptionOrder> RedemptionOrder::fromJson(const QJsonObject &json) {
    RedemptionOrder order;
    const QJsonValue list = json.value(kPrimaryKey);
    if (!list.isArray()) {
        return Error::invalid(ftr("The redemption order has no list %1.").arg(kPrimaryKey), kPrimaryKey);
    }
    order.primary.clear();
    const QJsonArray array = list.toArray();
    for (const QJsonValue &v : array) {
        const auto p = primaryIdpFromString(v.toString());
        if (!v.isString() || !p) {
            return Error::invalid(ftr("Unknown identity provider \"%1\" in the redemption order (allowed: "
                                      "azureActiveDirectory, externalFederation, socialIdentityProviders).")
                                      .arg(v.toVariant().toString()),
                                  kPrimaryKey);
        }
        order.primary.append(*p);
    }
    const QJsonValue fb = json.value(kFallbackKey);
    const auto f = fallbackIdpFromString(fb.toString());
    if (!fb.isString() || !f) {
        return Error::invalid(ftr("The redemption order needs a fallback identity provider (defaultConfiguredIdp, "
                                  "emailOneTimePasscode or microsoftAccount); \"%1\" is not one.")
                                  .arg(fb.toVariant().toString()),
                              kFallbackKey);
    }
    order.fallback = *f;
    if (auto s = order.validate(); !s) {
        return s.error();
    }
    return order;
}

} // namespace atrium::core
