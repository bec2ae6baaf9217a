// Inheritance with provenance (every property null/set on the partner x the default's value) and
// the consistency rules of SPEC §5.
#include "core/crosstenant/effectiveconfiguration.h"

#include <QTest>

using namespace atrium::core;

Q_DECLARE_METATYPE(CrossTenantProperty)

namespace {
const QString kTenant = QStringLiteral("3d0f5dec-5d3d-455c-8016-e2af1ae4d31a");

// A value of the property that differs from the system default, and reading it back.
void setNonDefault(CrossTenantConfiguration &c, CrossTenantProperty p) {
    switch (p) {
    case CrossTenantProperty::B2BCollaborationInbound:
        c.b2bCollaborationInbound = B2BSetting::all(AccessType::blocked);
        break;
    case CrossTenantProperty::B2BCollaborationOutbound:
        c.b2bCollaborationOutbound = B2BSetting::all(AccessType::blocked);
        break;
    case CrossTenantProperty::B2BDirectConnectInbound:
        c.b2bDirectConnectInbound = B2BSetting::all(AccessType::allowed);
        break;
    case CrossTenantProperty::B2BDirectConnectOutbound:
        c.b2bDirectConnectOutbound = B2BSetting::all(AccessType::allowed);
        break;
    case CrossTenantProperty::InboundTrust:
        c.inboundTrust = InboundTrust{true, true, false};
        break;
    case CrossTenantProperty::AutomaticRedemptionInbound:
        c.automaticRedemptionInbound = true;
        break;
    case CrossTenantProperty::AutomaticRedemptionOutbound:
        c.automaticRedemptionOutbound = true;
        break;
    }
}

QJsonValue effectiveValue(const EffectiveConfiguration &e, CrossTenantProperty p) {
    return e.toJson().value(propertyPath(p)).toObject().value(QStringLiteral("value"));
}
} // namespace

class tst_CrossTenantConfiguration : public QObject {
    Q_OBJECT
private slots:
    void systemDefaults() {
        const auto d = CrossTenantConfiguration::systemDefault();
        QVERIFY(validateConfiguration(d).isEmpty());
        QVERIFY(d.b2bCollaborationInbound->usersAndGroups.allowsAll());
        QVERIFY(d.b2bCollaborationOutbound->applications.allowsAll());
        QVERIFY(d.b2bDirectConnectInbound->usersAndGroups.blocksAll());
        QVERIFY(d.b2bDirectConnectOutbound->applications.blocksAll());
        QVERIFY(*d.inboundTrust == InboundTrust{});
        QVERIFY(!*d.automaticRedemptionInbound);
    }

    // Every property x (partner null | partner set) x (default system value | default changed).
    void inheritance_data() {
        QTest::addColumn<CrossTenantProperty>("property");
        QTest::addColumn<bool>("partnerSet");
        QTest::addColumn<bool>("defaultChanged");
        for (CrossTenantProperty p : allCrossTenantProperties()) {
            for (bool partnerSet : {false, true}) {
                for (bool defaultChanged : {false, true}) {
                    // The default's automatic redemption is read-only false (Graph); skip changing it.
                    if (defaultChanged && (p == CrossTenantProperty::AutomaticRedemptionInbound ||
                                           p == CrossTenantProperty::AutomaticRedemptionOutbound)) {
                        continue;
                    }
                    QTest::addRow("%s partner=%s default=%s", qPrintable(propertyPath(p)), partnerSet ? "set" : "null",
                                  defaultChanged ? "changed" : "system")
                        << p << partnerSet << defaultChanged;
                }
            }
        }
    }
    void inheritance() {
        QFETCH(CrossTenantProperty, property);
        QFETCH(bool, partnerSet);
        QFETCH(bool, defaultChanged);
        CrossTenantConfiguration def = CrossTenantConfiguration::systemDefault();
        if (defaultChanged) {
            setNonDefault(def, property);
            QVERIFY(validateConfiguration(def).isEmpty());
        }
        CrossTenantConfiguration partner = CrossTenantConfiguration::partner(kTenant, QStringLiteral("Contoso"));
        CrossTenantConfiguration partnerValue = CrossTenantConfiguration::systemDefault();
        if (partnerSet) {
            // The partner's own value: the opposite of whatever the default holds.
            if (!defaultChanged) {
                setNonDefault(partnerValue, property);
            }
            partner.copyFrom(property, partnerValue);
        }
        QCOMPARE(partner.isSet(property), partnerSet);
        const auto e = EffectiveConfiguration::resolve(def, &partner);
        QCOMPARE(toString(e.provenance(property)), toString(partnerSet ? Provenance::Partner : Provenance::InheritedFromDefault));
        const auto expected = EffectiveConfiguration::resolve(partnerSet ? partnerValue : def, nullptr);
        QCOMPARE(effectiveValue(e, property), effectiveValue(expected, property));
        // Other properties stay inherited.
        for (CrossTenantProperty other : allCrossTenantProperties()) {
            if (other != property) {
                QCOMPARE(toString(e.provenance(other)), toString(Provenance::InheritedFromDefault));
            }
        }
        // Without a partner, everything is "default".
        QCOMPARE(toString(EffectiveConfiguration::resolve(def, nullptr).provenance(property)), toString(Provenance::Default));
        // Back to default.
        partner.inherit(property);
        QCOMPARE(toString(EffectiveConfiguration::resolve(def, &partner).provenance(property)), toString(Provenance::InheritedFromDefault));
    }

    void consistency_data() {
        QTest::addColumn<bool>("isDefault");
        QTest::addColumn<QString>("property");
        QTest::addColumn<QString>("users");  // "allowed:AllUsers", "blocked:u1,g:g1"
        QTest::addColumn<QString>("apps");
        QTest::addColumn<QString>("path");   // expected first problem path, "" = valid
        auto row = [](const char *name, bool def, const char *prop, const char *u, const char *a, const char *path) {
            QTest::newRow(name) << def << QString::fromLatin1(prop) << QString::fromLatin1(u) << QString::fromLatin1(a)
                                << QString::fromLatin1(path);
        };
        row("all allowed", false, "b2bCollaborationInbound", "allowed:AllUsers", "allowed:AllApplications", "");
        row("all blocked", false, "b2bCollaborationInbound", "blocked:AllUsers", "blocked:AllApplications", "");
        row("users blocked apps allowed", false, "b2bCollaborationInbound", "blocked:AllUsers", "allowed:AllApplications",
            "b2bCollaborationInbound.applications");
        row("apps blocked users allowed", false, "b2bCollaborationInbound", "allowed:AllUsers", "blocked:AllApplications",
            "b2bCollaborationInbound.usersAndGroups");
        row("outbound users allowed no app", false, "b2bCollaborationOutbound", "allowed:u1", "blocked:AllApplications",
            "b2bCollaborationOutbound.applications");
        row("outbound some users some apps", false, "b2bCollaborationOutbound", "allowed:u1,g:g1", "allowed:app1", "");
        row("partner inbound specific users", false, "b2bCollaborationInbound", "allowed:u1,g:g1", "allowed:AllApplications", "");
        row("default inbound specific users", true, "b2bCollaborationInbound", "allowed:u1", "allowed:AllApplications",
            "b2bCollaborationInbound.usersAndGroups");
        row("default direct connect inbound group", true, "b2bDirectConnectInbound", "blocked:g:g1", "allowed:AllApplications",
            "b2bDirectConnectInbound.usersAndGroups");
        row("default outbound specific users ok", true, "b2bCollaborationOutbound", "blocked:u1", "allowed:AllApplications", "");
        row("empty targets", false, "b2bCollaborationInbound", "allowed:", "allowed:AllApplications",
            "b2bCollaborationInbound.usersAndGroups.targets");
        row("AllUsers mixed", false, "b2bCollaborationInbound", "allowed:AllUsers,u1", "allowed:AllApplications",
            "b2bCollaborationInbound.usersAndGroups.targets");
        row("app in users", false, "b2bCollaborationInbound", "allowed:AllApplications", "allowed:AllApplications",
            "b2bCollaborationInbound.usersAndGroups.targets[0].targetType");
    }
    void consistency() {
        QFETCH(bool, isDefault);
        QFETCH(QString, property);
        QFETCH(QString, users);
        QFETCH(QString, apps);
        QFETCH(QString, path);
        auto parse = [](const QString &spec, bool usersList) {
            CrossTenantTargets t;
            t.accessType = *accessTypeFromString(spec.section(QLatin1Char(':'), 0, 0));
            for (const QString &x : spec.section(QLatin1Char(':'), 1, -1).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
                if (x.startsWith(QLatin1String("g:"))) {
                    t.targets.append({x.mid(2), TargetType::group});
                } else if (x == crosstenant::AllApplications) {
                    t.targets.append({x, TargetType::application});
                } else {
                    t.targets.append({x, usersList ? TargetType::user : TargetType::application});
                }
            }
            return t;
        };
        CrossTenantConfiguration c = isDefault ? CrossTenantConfiguration::systemDefault()
                                               : CrossTenantConfiguration::partner(kTenant, QStringLiteral("Contoso"));
        const B2BSetting s{parse(users, true), parse(apps, false)};
        const auto prop = crossTenantPropertyFromString(property);
        QVERIFY(prop);
        CrossTenantConfiguration source = c;
        if (*prop == CrossTenantProperty::B2BCollaborationInbound) source.b2bCollaborationInbound = s;
        if (*prop == CrossTenantProperty::B2BCollaborationOutbound) source.b2bCollaborationOutbound = s;
        if (*prop == CrossTenantProperty::B2BDirectConnectInbound) source.b2bDirectConnectInbound = s;
        if (*prop == CrossTenantProperty::B2BDirectConnectOutbound) source.b2bDirectConnectOutbound = s;
        c.copyFrom(*prop, source);
        const auto problems = validateConfiguration(c);
        if (path.isEmpty()) {
            QVERIFY2(problems.isEmpty(), qPrintable(problems.value(0).path + QStringLiteral(": ") + problems.value(0).message));
        } else {
            QVERIFY(!problems.isEmpty());
            QCOMPARE(problems.first().path, path);
            QVERIFY(!problems.first().message.isEmpty());
        }
    }

    void partnerIdentity() {
        auto p = CrossTenantConfiguration::partner(QStringLiteral("not-a-uuid"), QString(), {QStringLiteral("contoso.com"),
                                                                                           QStringLiteral("http://x")});
        const auto problems = validateConfiguration(p);
        QStringList paths;
        for (const auto &x : problems) {
            paths << x.path;
        }
        QCOMPARE(paths, (QStringList{QStringLiteral("tenantId"), QStringLiteral("name"), QStringLiteral("domains[1]")}));
        QCOMPARE(normalizeTenantId(QStringLiteral("{3D0F5DEC-5D3D-455C-8016-E2AF1AE4D31A}")), kTenant);
        auto def = CrossTenantConfiguration::systemDefault();
        def.automaticRedemptionInbound = true;
        QCOMPARE(validateConfiguration(def).value(0).path, QStringLiteral("automaticUserConsentSettings"));
    }

    void targetsAdmit() {
        const CrossTenantTargets allowed{AccessType::allowed, {{QStringLiteral("u1"), TargetType::user}, {QStringLiteral("g1"), TargetType::group}}};
        QVERIFY(allowed.admits(QStringLiteral("u1")));
        QVERIFY(allowed.admits(QStringLiteral("u2"), {QStringLiteral("g1")}));
        QVERIFY(!allowed.admits(QStringLiteral("u2"), {QStringLiteral("g2")}));
        QVERIFY(!allowed.admits(QStringLiteral("g1"))); // a user whose id equals a group id is not in the group
        const CrossTenantTargets blocked{AccessType::blocked, allowed.targets};
        QVERIFY(!blocked.admits(QStringLiteral("u1")));
        QVERIFY(blocked.admits(QStringLiteral("u2")));
    }
};

QTEST_GUILESS_MAIN(tst_CrossTenantConfiguration)
#include "tst_crosstenantconfiguration.moc"
