#include "core/policy/collaborationsettings.h"

#include "core/policy/domainlist.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

namespace atrium::core {
namespace {
const QString kGuestUserAccess = QStringLiteral("guestUserAccess");
const QString kAllowInvitesFrom = QStringLiteral("allowInvitesFrom");
const QString kSelfServiceSignUpEnabled = QStringLiteral("selfServiceSignUpEnabled");
const QString kAllowExternalUsersToLeave = QStringLiteral("allowExternalUsersToLeave");
const QString kRestriction = QStringLiteral("restriction");
const QString kDomains = QStringLiteral("domains");
const QString kEmailOtpEnabled = QStringLiteral("emailOtpEnabled");

Error badType(const QString &key, const char *expected) {
    return Error::invalid(
        QCoreApplication::translate("atrium::core::CollaborationSettings", "The setting \"%1\" must be %2.")
            .arg(key, QCoreApplication::translate("atrium::core::CollaborationSettings", expected)),
        key);
}

Error badValue(const QString &key, const QString &value) {
    return Error::invalid(QCoreApplication::translate("atrium::core::CollaborationSettings",
                                                      "\"%1\" is not a valid value for the setting \"%2\".")
                              .arg(value, key),
                          key);
}

template <typename E, typename Parse>
Result<E> readEnum(const QJsonObject &json, const QString &key, E fallback, Parse parse) {
    const QJsonValue v = json.value(key);
    if (v.isUndefined()) {
        return fallback;
    }
    if (!v.isString()) {
        return badType(key, QT_TRANSLATE_NOOP("atrium::core::CollaborationSettings", "a string"));
    }
    const std::optional<E> parsed = parse(v.toString());
    if (!parsed) {
        return badValue(key, v.toString());
    }
    return *parsed;
}

Result<bool> readBool(const QJsonObject &json, const QString &key, bool fallback) {
    const QJsonValue v = json.value(key);
    if (v.isUndefined()) {
        return fallback;
    }
    if (!v.isBool()) {
        return badType(key, QT_TRANSLATE_NOOP("atrium::core::CollaborationSettings", "true or false"));
    }
    return v.toBool();
}
} // namespace

QJsonObject CollaborationSettings::toJson() const {
    QJsonObject o;
    o.insert(kGuestUserAccess, toString(guestUserAccess));
    o.insert(kAllowInvitesFrom, toString(allowInvitesFrom));
    o.insert(kSelfServiceSignUpEnabled, selfServiceSignUpEnabled);
    o.insert(kAllowExternalUsersToLeave, allowExternalUsersToLeave);
    o.insert(kRestriction, toString(restriction));
    o.insert(kDomains, QJsonArray::fromStringList(domains));
    o.insert(kEmailOtpEnabled, emailOtpEnabled);
    return o;
}

Result<CollaborationSettings> CollaborationSettings::fromJson(const QJsonObject &json) {
    CollaborationSettings s;
    const auto access = readEnum(json, kGuestUserAccess, s.guestUserAccess, guestUserAccessFromString);
    if (!access) {
        return access.error();
    }
    s.guestUserAccess = *access;
    const auto invites = readEnum(json, kAllowInvitesFrom, s.allowInvitesFrom, allowInvitesFromFromString);
    if (!invites) {
        return invites.error();
    }
    s.allowInvitesFrom = *invites;
    const auto restriction = readEnum(json, kRestriction, s.restriction, collaborationRestrictionFromString);
    if (!restriction) {
        return restriction.error();
    }
    s.restriction = *restriction;
    for (const auto &[key, field] :
         {std::pair{kSelfServiceSignUpEnabled, &CollaborationSettings::selfServiceSignUpEnabled},
          std::pair{kAllowExternalUsersToLeave, &CollaborationSettings::allowExternalUsersToLeave},
          std::pair{kEmailOtpEnabled, &CollaborationSettings::emailOtpEnabled}}) {
        const auto b = readBool(json, key, s.*field);
        if (!b) {
            return b.error();
        }
        s.*field = *b;
    }

    const QJsonValue list = json.value(kDomains);
    if (!list.isUndefined()) {
        if (!list.isArray()) {
            return badType(kDomains, QT_TRANSLATE_NOOP("atrium::core::CollaborationSettings", "a list of domains"));
        }
        QSet<QString> seen;
        const QJsonArray array = list.toArray();
        for (const QJsonValue &item : array) {
            if (!item.isString()) {
                return badType(kDomains, QT_TRANSLATE_NOOP("atrium::core::CollaborationSettings", "a list of domains"));
            }
            const auto entry = normalizeDomainListEntry(item.toString());
            if (!entry) {
                return Error::invalid(entry.error().message, kDomains);
            }
            if (!seen.contains(*entry)) {
                seen.insert(*entry);
                s.domains.append(*entry);
            }
        }
    }
    if (const Status valid = s.validate(); !valid) {
        return valid.error();
    }
    return s;
}

int CollaborationSettings::policySize() const {
    // Characters, not UTF-8 bytes: an unnormalized (non-ASCII) entry must not be over-counted.
    return int(QString::fromUtf8(QJsonDocument(toJson()).toJson(QJsonDocument::Compact)).size());
}

Status CollaborationSettings::validate() const {
    if (restriction == CollaborationRestriction::allowAny && !domains.isEmpty()) {
        return Error::invalid(
            QCoreApplication::translate("atrium::core::CollaborationSettings",
                                        "Invitations are allowed to any domain, so there can be no domain list; choose "
                                        "\"deny the listed domains\" or \"allow only the listed domains\" first."),
            kDomains);
    }
    QSet<QString> seen;
    for (const QString &d : domains) {
        const auto entry = normalizeDomainListEntry(d);
        if (!entry) {
            return Error::invalid(entry.error().message, kDomains);
        }
        if (*entry != d) {
            return Error::invalid(QCoreApplication::translate("atrium::core::CollaborationSettings",
                                                              "The domain list entry \"%1\" is not normalized.")
                                      .arg(d),
                                  kDomains);
        }
        if (seen.contains(d)) {
            return Error::invalid(QCoreApplication::translate("atrium::core::CollaborationSettings",
                                                              "%1 appears twice in the domain list.")
                                      .arg(d),
                                  kDomains);
        }
        seen.insert(d);
    }
    if (const int size = policySize(); size > kMaxPolicyChars) {
        return Error::invalid(QCoreApplication::translate("atrium::core::CollaborationSettings",
                                                          "The collaboration policy is %1 characters long; at most %2 "
                                                          "are allowed. Shorten the domain list.")
                                  .arg(size)
                                  .arg(kMaxPolicyChars),
                              kDomains);
    }
    return {};
}

} // namespace atrium::core
