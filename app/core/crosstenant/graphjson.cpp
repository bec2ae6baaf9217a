#include "core/crosstenant/graphjson.h"

#include "core/base/domainname.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>

namespace atrium::core {
namespace {
QString tr(const char *s) { return QCoreApplication::translate("atrium::core::GraphJson", s); }

const QString kDefaultType = QStringLiteral("#microsoft.graph.crossTenantAccessPolicyConfigurationDefault");
const QString kPartnerType = QStringLiteral("#microsoft.graph.crossTenantAccessPolicyConfigurationPartner");
const QString kPolicyType = QStringLiteral("#microsoft.graph.crossTenantAccessPolicy");
const QString kName = QStringLiteral("@atrium.name");
const QString kDomains = QStringLiteral("@atrium.domains");
const QString kCloud = QStringLiteral("@atrium.cloud");

QString typeName(const QJsonValue &v) {
    switch (v.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return QStringLiteral("a boolean");
    case QJsonValue::Double:
        return QStringLiteral("a number");
    case QJsonValue::String:
        return QStringLiteral("a string");
    case QJsonValue::Array:
        return QStringLiteral("an array");
    case QJsonValue::Object:
        return QStringLiteral("an object");
    default:
        return QStringLiteral("missing");
    }
}

QString join(const QString &path, const QString &key) { return path.isEmpty() ? key : path + QLatin1Char('.') + key; }

// Collects problems with their JSON paths while reading.
class Reader {
public:
    QList<ConfigProblem> problems;
    QList<ConfigProblem> warnings;

    void wrongType(const QString &path, const QString &expected, const QJsonValue &v) {
        problems.append({path, tr("Expected %1, found %2.").arg(expected, typeName(v))});
    }

    std::optional<QString> string(const QJsonValue &v, const QString &path) {
        if (!v.isString()) {
            wrongType(path, QStringLiteral("a string"), v);
            return std::nullopt;
        }
        return v.toString();
    }

    // null/absent -> nullopt without a problem when nullable.
    std::optional<bool> boolean(const QJsonObject &o, const QString &key, const QString &path, bool nullable) {
        const QJsonValue v = o.value(key);
        if ((v.isNull() || v.isUndefined()) && nullable) {
            return std::nullopt;
        }
        if (!v.isBool()) {
            wrongType(join(path, key), QStringLiteral("true or false"), v);
            return std::nullopt;
        }
        return v.toBool();
    }

    std::optional<CrossTenantTargets> targets(const QJsonValue &v, const QString &path) {
        if (!v.isObject()) {
            wrongType(path, QStringLiteral("an object with accessType and targets"), v);
            return std::nullopt;
        }
        const QJsonObject o = v.toObject();
        const qsizetype before = problems.size();
        CrossTenantTargets t;
        if (auto s = string(o.value(QStringLiteral("accessType")), join(path, QStringLiteral("accessType")))) {
            if (auto a = accessTypeFromString(*s)) {
                t.accessType = *a;
            } else {
                problems.append({join(path, QStringLiteral("accessType")),
                                 tr("Unknown access type \"%1\"; use allowed or blocked.").arg(*s)});
            }
        }
        const QJsonValue list = o.value(QStringLiteral("targets"));
        if (!list.isArray()) {
            wrongType(join(path, QStringLiteral("targets")), QStringLiteral("an array"), list);
        } else {
            const QJsonArray a = list.toArray();
            for (qsizetype i = 0; i < a.size(); ++i) {
                const QString p = join(path, QStringLiteral("targets[%1]").arg(i));
                if (!a.at(i).isObject()) {
                    wrongType(p, QStringLiteral("an object with target and targetType"), a.at(i));
                    continue;
                }
                const QJsonObject x = a.at(i).toObject();
                CrossTenantTarget target;
                if (auto s = string(x.value(QStringLiteral("target")), join(p, QStringLiteral("target")))) {
                    target.target = *s;
                }
                if (auto s = string(x.value(QStringLiteral("targetType")), join(p, QStringLiteral("targetType")))) {
                    if (auto tt = targetTypeFromString(*s)) {
                        target.targetType = *tt;
                    } else {
                        problems.append({join(p, QStringLiteral("targetType")),
                                         tr("Unknown target type \"%1\"; use user, group or application.").arg(*s)});
                    }
                }
                t.targets.append(target);
            }
        }
        if (problems.size() != before) {
            return std::nullopt;
        }
        return t;
    }

    // null/absent -> inherited (nullopt), no problem.
    std::optional<B2BSetting> setting(const QJsonObject &o, const QString &key, const QString &path, bool &bad) {
        const QJsonValue v = o.value(key);
        if (v.isNull() || v.isUndefined()) {
            return std::nullopt;
        }
        const QString p = join(path, key);
        if (!v.isObject()) {
            wrongType(p, QStringLiteral("an object with usersAndGroups and applications, or null"), v);
            bad = true;
            return std::nullopt;
        }
        const QJsonObject s = v.toObject();
        auto users = targets(s.value(QStringLiteral("usersAndGroups")), join(p, QStringLiteral("usersAndGroups")));
        auto apps = targets(s.value(QStringLiteral("applications")), join(p, QStringLiteral("applications")));
        if (!users || !apps) {
            bad = true;
            return std::nullopt;
        }
        return B2BSetting{*users, *apps};
    }

    CrossTenantConfiguration configuration(const QJsonObject &o, bool isDefault, const QString &path) {
        static const QStringList known{QStringLiteral("tenantId"), QStringLiteral("isServiceProvider"),
                                       QStringLiteral("isServiceDefault"), QStringLiteral("id"),
                                       QStringLiteral("b2bCollaborationInbound"), QStringLiteral("b2bCollaborationOutbound"),
                                       QStringLiteral("b2bDirectConnectInbound"), QStringLiteral("b2bDirectConnectOutbound"),
                                       QStringLiteral("inboundTrust"), QStringLiteral("automaticUserConsentSettings"),
                                       kName, kDomains, kCloud};
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (known.contains(it.key()) || it.key().startsWith(QLatin1String("@odata."))) {
                continue;
            }
            warnings.append({join(path, it.key()), tr("Atrium does not model this property; it was skipped.")});
        }
        CrossTenantConfiguration c;
        c.isDefault = isDefault;
        bool bad = false;
        if (!isDefault) {
            if (auto s = string(o.value(QStringLiteral("tenantId")), join(path, QStringLiteral("tenantId")))) {
                c.tenantId = normalizeTenantId(*s);
                if (c.tenantId.isEmpty()) {
                    problems.append({join(path, QStringLiteral("tenantId")), tr("\"%1\" is not a tenant id (UUID).").arg(*s)});
                }
            }
            const QJsonValue name = o.value(kName);
            if (name.isUndefined() || name.isNull()) {
                c.name = c.tenantId; // a file from Entra has no names
            } else if (auto s = string(name, join(path, kName))) {
                c.name = s->trimmed();
            }
            const QJsonValue domains = o.value(kDomains);
            if (domains.isArray()) {
                const QJsonArray a = domains.toArray();
                for (qsizetype i = 0; i < a.size(); ++i) {
                    if (auto s = string(a.at(i), join(path, kDomains + QStringLiteral("[%1]").arg(i)))) {
                        auto d = normalizeDomain(*s);
                        c.domains.append(d.ok() ? *d : *s); // validateConfiguration reports bad ones
                    }
                }
            } else if (!domains.isUndefined() && !domains.isNull()) {
                wrongType(join(path, kDomains), QStringLiteral("an array of domains"), domains);
            }
            const QJsonValue cloud = o.value(kCloud);
            if (!cloud.isUndefined() && !cloud.isNull()) {
                if (auto s = string(cloud, join(path, kCloud))) {
                    if (auto cl = cloudFromString(*s)) {
                        c.cloud = *cl;
                    } else {
                        problems.append({join(path, kCloud), tr("Unknown cloud \"%1\"; use global, usgov or china.").arg(*s)});
                    }
                }
            }
            if (auto b = boolean(o, QStringLiteral("isServiceProvider"), path, true)) {
                c.isServiceProvider = *b;
            }
        }
        c.b2bCollaborationInbound = setting(o, QStringLiteral("b2bCollaborationInbound"), path, bad);
        c.b2bCollaborationOutbound = setting(o, QStringLiteral("b2bCollaborationOutbound"), path, bad);
        c.b2bDirectConnectInbound = setting(o, QStringLiteral("b2bDirectConnectInbound"), path, bad);
        c.b2bDirectConnectOutbound = setting(o, QStringLiteral("b2bDirectConnectOutbound"), path, bad);
        const QJsonValue trust = o.value(QStringLiteral("inboundTrust"));
        if (trust.isObject()) {
            const QJsonObject t = trust.toObject();
            const QString p = join(path, QStringLiteral("inboundTrust"));
            // A null flag inside a trust object is "not accepted", as Graph returns it.
            c.inboundTrust = InboundTrust{boolean(t, QStringLiteral("isMfaAccepted"), p, true).value_or(false),
                                          boolean(t, QStringLiteral("isCompliantDeviceAccepted"), p, true).value_or(false),
                                          boolean(t, QStringLiteral("isHybridAzureADJoinedDeviceAccepted"), p, true)
                                              .value_or(false)};
        } else if (!trust.isNull() && !trust.isUndefined()) {
            wrongType(join(path, QStringLiteral("inboundTrust")), QStringLiteral("an object or null"), trust);
        }
        const QJsonValue consent = o.value(QStringLiteral("automaticUserConsentSettings"));
        if (consent.isObject()) {
            const QJsonObject t = consent.toObject();
            const QString p = join(path, QStringLiteral("automaticUserConsentSettings"));
            c.automaticRedemptionInbound = boolean(t, QStringLiteral("inboundAllowed"), p, true);
            c.automaticRedemptionOutbound = boolean(t, QStringLiteral("outboundAllowed"), p, true);
        } else if (!consent.isNull() && !consent.isUndefined()) {
            wrongType(join(path, QStringLiteral("automaticUserConsentSettings")), QStringLiteral("an object or null"),
                      consent);
        }
        if (isDefault) {
            // Graph's default reports automatic redemption as read-only false; absent = false.
            c.automaticRedemptionInbound = c.automaticRedemptionInbound.value_or(false);
            c.automaticRedemptionOutbound = c.automaticRedemptionOutbound.value_or(false);
            if (!c.inboundTrust) {
                c.inboundTrust = InboundTrust{};
            }
        }
        return c;
    }
};

void validateDocument(CrossTenantImport &imp) {
    CrossTenantDocument &d = imp.document;
    if (d.defaultConfiguration) {
        imp.problems.append(validateConfiguration(*d.defaultConfiguration, QStringLiteral("default.")));
    }
    QHash<QString, qsizetype> tenants;
    QHash<QString, qsizetype> domains;
    for (qsizetype i = 0; i < d.partners.size(); ++i) {
        const CrossTenantConfiguration &p = d.partners.at(i);
        const QString prefix = QStringLiteral("partners[%1].").arg(i);
        imp.problems.append(validateConfiguration(p, prefix));
        if (!p.tenantId.isEmpty()) {
            if (tenants.contains(p.tenantId)) {
                imp.problems.append({prefix + QStringLiteral("tenantId"),
                                     tr("Tenant %1 is also partners[%2].").arg(p.tenantId).arg(tenants.value(p.tenantId))});
            } else {
                tenants.insert(p.tenantId, i);
            }
        }
        for (qsizetype j = 0; j < p.domains.size(); ++j) {
            const QString &dom = p.domains.at(j);
            if (const auto it = domains.constFind(dom); it != domains.constEnd() && *it != i) {
                imp.problems.append({prefix + kDomains + QStringLiteral("[%1]").arg(j),
                                     tr("The domain %1 also belongs to partners[%2].").arg(dom).arg(*it)});
            } else {
                domains.insert(dom, i);
            }
        }
    }
}
} // namespace

QJsonObject GraphJson::toJson(const CrossTenantTargets &t) {
    QJsonArray targets;
    for (const CrossTenantTarget &x : t.targets) {
        targets.append(QJsonObject{{QStringLiteral("target"), x.target}, {QStringLiteral("targetType"), toString(x.targetType)}});
    }
    return {{QStringLiteral("accessType"), toString(t.accessType)}, {QStringLiteral("targets"), targets}};
}

QJsonObject GraphJson::toJson(const B2BSetting &s) {
    return {{QStringLiteral("usersAndGroups"), toJson(s.usersAndGroups)}, {QStringLiteral("applications"), toJson(s.applications)}};
}

QJsonObject GraphJson::toJson(const InboundTrust &t) {
    return {{QStringLiteral("isMfaAccepted"), t.isMfaAccepted},
            {QStringLiteral("isCompliantDeviceAccepted"), t.isCompliantDeviceAccepted},
            {QStringLiteral("isHybridAzureADJoinedDeviceAccepted"), t.isHybridAzureADJoinedDeviceAccepted}};
}

QJsonObject GraphJson::toJson(const CrossTenantConfiguration &c) {
    QJsonObject o;
    auto opt = [](const auto &v) -> QJsonValue {
        if (!v) {
            return QJsonValue(QJsonValue::Null);
        }
        return toJson(*v);
    };
    auto optBool = [](const std::optional<bool> &v) -> QJsonValue { return v ? QJsonValue(*v) : QJsonValue(QJsonValue::Null); };
    if (c.isDefault) {
        o.insert(QStringLiteral("@odata.type"), kDefaultType);
        o.insert(QStringLiteral("isServiceDefault"), c == CrossTenantConfiguration::systemDefault());
    } else {
        o.insert(QStringLiteral("@odata.type"), kPartnerType);
        o.insert(QStringLiteral("tenantId"), c.tenantId);
        o.insert(QStringLiteral("isServiceProvider"), c.isServiceProvider);
        o.insert(kName, c.name);
        o.insert(kDomains, QJsonArray::fromStringList(c.domains));
        o.insert(kCloud, toString(c.cloud));
    }
    o.insert(QStringLiteral("b2bCollaborationInbound"), opt(c.b2bCollaborationInbound));
    o.insert(QStringLiteral("b2bCollaborationOutbound"), opt(c.b2bCollaborationOutbound));
    o.insert(QStringLiteral("b2bDirectConnectInbound"), opt(c.b2bDirectConnectInbound));
    o.insert(QStringLiteral("b2bDirectConnectOutbound"), opt(c.b2bDirectConnectOutbound));
    o.insert(QStringLiteral("inboundTrust"), opt(c.inboundTrust));
    o.insert(QStringLiteral("automaticUserConsentSettings"),
             QJsonObject{{QStringLiteral("inboundAllowed"), optBool(c.automaticRedemptionInbound)},
                         {QStringLiteral("outboundAllowed"), optBool(c.automaticRedemptionOutbound)}});
    return o;
}

QJsonObject GraphJson::toJson(const CrossTenantDocument &d) {
    QJsonObject o{{QStringLiteral("@odata.type"), kPolicyType}};
    if (d.enabledClouds) {
        QJsonArray endpoints;
        for (Cloud c : *d.enabledClouds) {
            if (c != Cloud::global) {
                endpoints.append(cloudEndpoint(c));
            }
        }
        o.insert(QStringLiteral("allowedCloudEndpoints"), endpoints);
    }
    if (d.defaultConfiguration) {
        o.insert(QStringLiteral("default"), toJson(*d.defaultConfiguration));
    }
    QJsonArray partners;
    for (const CrossTenantConfiguration &p : d.partners) {
        partners.append(toJson(p));
    }
    o.insert(QStringLiteral("partners"), partners);
    return o;
}

CrossTenantImport GraphJson::parse(const QByteArray &json) {
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &pe);
    if (pe.error != QJsonParseError::NoError) {
        CrossTenantImport imp;
        imp.problems.append({QStringLiteral("$"), tr("The file is not JSON: %1 at byte %2.").arg(pe.errorString()).arg(pe.offset)});
        return imp;
    }
    if (!doc.isObject()) {
        CrossTenantImport imp;
        imp.problems.append({QStringLiteral("$"), tr("Expected a JSON object at the top.")});
        return imp;
    }
    return parse(doc.object());
}

CrossTenantImport GraphJson::parse(const QJsonObject &root) {
    CrossTenantImport imp;
    Reader r;
    const QString type = root.value(QStringLiteral("@odata.type")).toString();
    const bool single = type == kDefaultType || type == kPartnerType || root.contains(QStringLiteral("tenantId")) ||
                        root.contains(QStringLiteral("isServiceDefault"));
    if (single) {
        if (type == kDefaultType || (!root.contains(QStringLiteral("tenantId")) && type != kPartnerType)) {
            imp.document.defaultConfiguration = r.configuration(root, true, QStringLiteral("default"));
        } else {
            imp.document.partners.append(r.configuration(root, false, QStringLiteral("partners[0]")));
        }
    } else {
        for (auto it = root.begin(); it != root.end(); ++it) {
            static const QStringList known{QStringLiteral("default"), QStringLiteral("partners"), QStringLiteral("value"),
                                           QStringLiteral("allowedCloudEndpoints"), QStringLiteral("id"),
                                           QStringLiteral("displayName")};
            if (!known.contains(it.key()) && !it.key().startsWith(QLatin1String("@odata."))) {
                r.warnings.append({it.key(), tr("Atrium does not model this property; it was skipped.")});
            }
        }
        const QJsonValue def = root.value(QStringLiteral("default"));
        if (def.isObject()) {
            imp.document.defaultConfiguration = r.configuration(def.toObject(), true, QStringLiteral("default"));
        } else if (!def.isUndefined() && !def.isNull()) {
            r.wrongType(QStringLiteral("default"), QStringLiteral("an object"), def);
        }
        const QString listKey = root.contains(QStringLiteral("value")) ? QStringLiteral("value") : QStringLiteral("partners");
        const QJsonValue list = root.value(listKey);
        if (list.isArray()) {
            const QJsonArray a = list.toArray();
            for (qsizetype i = 0; i < a.size(); ++i) {
                const QString p = QStringLiteral("partners[%1]").arg(i);
                if (!a.at(i).isObject()) {
                    r.wrongType(p, QStringLiteral("a partner object"), a.at(i));
                    continue;
                }
                imp.document.partners.append(r.configuration(a.at(i).toObject(), false, p));
            }
        } else if (!list.isUndefined() && !list.isNull()) {
            r.wrongType(listKey, QStringLiteral("an array"), list);
        }
        const QJsonValue clouds = root.value(QStringLiteral("allowedCloudEndpoints"));
        if (clouds.isArray()) {
            QList<Cloud> enabled{Cloud::global};
            const QJsonArray a = clouds.toArray();
            for (qsizetype i = 0; i < a.size(); ++i) {
                const QString p = QStringLiteral("allowedCloudEndpoints[%1]").arg(i);
                if (auto s = r.string(a.at(i), p)) {
                    if (auto c = cloudFromEndpoint(*s)) {
                        if (!enabled.contains(*c)) {
                            enabled.append(*c);
                        }
                    } else {
                        r.problems.append({p, tr("Unknown cloud endpoint \"%1\"; use microsoftonline.us or "
                                                 "partner.microsoftonline.cn.").arg(*s)});
                    }
                }
            }
            imp.document.enabledClouds = enabled;
        } else if (!clouds.isUndefined() && !clouds.isNull()) {
            r.wrongType(QStringLiteral("allowedCloudEndpoints"), QStringLiteral("an array"), clouds);
        }
        if (!imp.document.defaultConfiguration && imp.document.partners.isEmpty() && !imp.document.enabledClouds &&
            r.problems.isEmpty()) {
            r.problems.append({QStringLiteral("$"), tr("The file holds no default, partner or cloud settings.")});
        }
    }
    imp.problems = r.problems;
    imp.warnings = r.warnings;
    if (imp.problems.isEmpty()) {
        validateDocument(imp);
    }
    return imp;
}

Result<CrossTenantConfiguration> GraphJson::configurationFromJson(const QJsonObject &o, bool isDefault, bool validate) {
    Reader r;
    CrossTenantConfiguration c = r.configuration(o, isDefault, {});
    if (r.problems.isEmpty() && validate) {
        r.problems = validateConfiguration(c);
    }
    if (!r.problems.isEmpty()) {
        QStringList lines;
        for (const ConfigProblem &p : r.problems) {
            lines << p.path + QStringLiteral(": ") + p.message;
        }
        return Error::invalid(lines.join(QLatin1Char('\n')), r.problems.first().path);
    }
    return c;
}

QString GraphJson::cloudEndpoint(Cloud c) {
    switch (c) {
    case Cloud::usgov:
        return QStringLiteral("microsoftonline.us");
    case Cloud::china:
        return QStringLiteral("partner.microsoftonline.cn");
    case Cloud::global:
        break;
    }
    return {};
}

std::optional<Cloud> GraphJson::cloudFromEndpoint(const QString &endpoint) {
    for (Cloud c : {Cloud::usgov, Cloud::china}) {
        if (endpoint == cloudEndpoint(c)) {
            return c;
        }
    }
    return std::nullopt;
}

} // namespace atrium::core
