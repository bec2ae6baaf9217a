// Microsoft Graph JSON: export -> import -> identical, Entra-shaped files, and malformed files
// refused with every problem's path.
#include "core/crosstenant/graphjson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace atrium::core;

namespace {
const QString kContoso = QStringLiteral("3d0f5dec-5d3d-455c-8016-e2af1ae4d31a");
const QString kWoodgrove = QStringLiteral("6f546279-4da5-4b53-a095-09ea0cef9971");

CrossTenantDocument sample() {
    CrossTenantDocument d;
    CrossTenantConfiguration def = CrossTenantConfiguration::systemDefault();
    def.inboundTrust = InboundTrust{true, false, true};
    def.b2bCollaborationOutbound = B2BSetting{{AccessType::blocked, {{QStringLiteral("g-interns"), TargetType::group}}},
                                              CrossTenantTargets::allApplications(AccessType::allowed)};
    d.defaultConfiguration = def;
    auto contoso = CrossTenantConfiguration::partner(kContoso, QStringLiteral("Contoso"), {QStringLiteral("contoso.com")});
    contoso.b2bCollaborationInbound = B2BSetting{{AccessType::allowed, {{QStringLiteral("u-1"), TargetType::user}, {QStringLiteral("g-2"), TargetType::group}}},
                                                 {AccessType::allowed, {{QStringLiteral("app-1"), TargetType::application}}}};
    contoso.automaticRedemptionInbound = true;
    contoso.isServiceProvider = true;
    auto woodgrove = CrossTenantConfiguration::partner(kWoodgrove, QStringLiteral("Woodgrove"), {QStringLiteral("woodgrove.us")}, Cloud::usgov);
    woodgrove.inboundTrust = InboundTrust{};
    woodgrove.b2bDirectConnectOutbound = B2BSetting::all(AccessType::allowed);
    d.partners = {contoso, woodgrove};
    d.enabledClouds = QList<Cloud>{Cloud::global, Cloud::usgov};
    return d;
}

QStringList paths(const QList<ConfigProblem> &problems) {
    QStringList out;
    for (const ConfigProblem &p : problems) {
        out << p.path;
    }
    return out;
}
} // namespace

class tst_GraphJson : public QObject {
    Q_OBJECT
private slots:
    void roundTrip() {
        const CrossTenantDocument d = sample();
        const QJsonObject exported = GraphJson::toJson(d);
        const QByteArray bytes = QJsonDocument(exported).toJson();
        const CrossTenantImport imp = GraphJson::parse(bytes);
        QVERIFY2(imp.ok(), qPrintable(imp.problems.value(0).path + QStringLiteral(": ") + imp.problems.value(0).message));
        QVERIFY(imp.warnings.isEmpty());
        QVERIFY(*imp.document.defaultConfiguration == *d.defaultConfiguration);
        QVERIFY(imp.document.partners == d.partners);
        QVERIFY(*imp.document.enabledClouds == *d.enabledClouds);
        QCOMPARE(GraphJson::toJson(imp.document), exported);
    }

    void graphShapes() {
        const QJsonObject p = GraphJson::toJson(sample().partners.first());
        QCOMPARE(p.value(QStringLiteral("@odata.type")).toString(),
                 QStringLiteral("#microsoft.graph.crossTenantAccessPolicyConfigurationPartner"));
        QVERIFY(p.value(QStringLiteral("b2bCollaborationOutbound")).isNull()); // inherited
        QVERIFY(p.value(QStringLiteral("inboundTrust")).isNull());
        const QJsonObject consent = p.value(QStringLiteral("automaticUserConsentSettings")).toObject();
        QCOMPARE(consent.value(QStringLiteral("inboundAllowed")), QJsonValue(true));
        QVERIFY(consent.value(QStringLiteral("outboundAllowed")).isNull());
        const QJsonObject users = p.value(QStringLiteral("b2bCollaborationInbound")).toObject().value(QStringLiteral("usersAndGroups")).toObject();
        QCOMPARE(users.value(QStringLiteral("accessType")).toString(), QStringLiteral("allowed"));
        QCOMPARE(users.value(QStringLiteral("targets")).toArray().at(1).toObject().value(QStringLiteral("targetType")).toString(),
                 QStringLiteral("group"));
        const QJsonObject def = GraphJson::toJson(CrossTenantConfiguration::systemDefault());
        QCOMPARE(def.value(QStringLiteral("isServiceDefault")), QJsonValue(true));
        QCOMPARE(GraphJson::toJson(sample()).value(QStringLiteral("allowedCloudEndpoints")).toArray(),
                 QJsonArray{QStringLiteral("microsoftonline.us")});
    }

    // A partner as GET /policies/crossTenantAccessPolicy/partners/{id} returns it from Entra.
    void entraPartner() {
        const QByteArray json =
            "{"
            "\"@odata.context\": \"https://graph.microsoft.com/v1.0/$metadata#policies/crossTenantAccessPolicy/partners/$entity\","
            "\"tenantId\": \"3D0F5DEC-5D3D-455C-8016-E2AF1AE4D31A\","
            "\"isServiceProvider\": false,"
            "\"isInMultiTenantOrganization\": false,"
            "\"inboundTrust\": null,"
            "\"automaticUserConsentSettings\": {\"inboundAllowed\": null, \"outboundAllowed\": null},"
            "\"b2bCollaborationOutbound\": null,"
            "\"b2bCollaborationInbound\": null,"
            "\"b2bDirectConnectOutbound\": {"
            "\"usersAndGroups\": {\"accessType\": \"blocked\", \"targets\": [{\"target\": \"6f546279-4da5-4b53-a095-09ea0cef9971\", \"targetType\": \"group\"}]},"
            "\"applications\": {\"accessType\": \"blocked\", \"targets\": [{\"target\": \"Office365\", \"targetType\": \"application\"}]}"
            "},"
            "\"b2bDirectConnectInbound\": null,"
            "\"tenantRestrictions\": null"
            "}";
        const CrossTenantImport imp = GraphJson::parse(json);
        QVERIFY2(imp.ok(), qPrintable(imp.problems.value(0).path + QStringLiteral(": ") + imp.problems.value(0).message));
        QCOMPARE(imp.document.partners.size(), 1);
        const CrossTenantConfiguration &p = imp.document.partners.first();
        QCOMPARE(p.tenantId, kContoso);
        QCOMPARE(p.name, kContoso); // no name in Graph: the tenant id stands in
        QVERIFY(!p.b2bCollaborationInbound);
        QVERIFY(!p.automaticRedemptionInbound);
        QVERIFY(p.b2bDirectConnectOutbound->usersAndGroups.targets.first().targetType == TargetType::group);
        QCOMPARE(paths(imp.warnings), (QStringList{QStringLiteral("partners[0].isInMultiTenantOrganization"),
                                                   QStringLiteral("partners[0].tenantRestrictions")}));
    }

    void malformed_data() {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QStringList>("paths");
        const QByteArray base = QJsonDocument(GraphJson::toJson(sample())).toJson(QJsonDocument::Compact);
        auto edit = [&base](const std::function<void(QJsonObject &)> &f) {
            QJsonObject o = QJsonDocument::fromJson(base).object();
            f(o);
            return QJsonDocument(o).toJson(QJsonDocument::Compact);
        };
        auto editPartner = [&edit](int i, const std::function<void(QJsonObject &)> &f) {
            return edit([i, &f](QJsonObject &root) {
                QJsonArray a = root.value(QStringLiteral("partners")).toArray();
                QJsonObject p = a.at(i).toObject();
                f(p);
                a[i] = p;
                root.insert(QStringLiteral("partners"), a);
            });
        };
        QTest::newRow("not json") << QByteArray("{\"default\": ") << QStringList{QStringLiteral("$")};
        QTest::newRow("array at top") << QByteArray("[]") << QStringList{QStringLiteral("$")};
        QTest::newRow("unknown accessType") << editPartner(0, [](QJsonObject &p) {
            QJsonObject s = p.value(QStringLiteral("b2bCollaborationInbound")).toObject();
            QJsonObject u = s.value(QStringLiteral("usersAndGroups")).toObject();
            u.insert(QStringLiteral("accessType"), QStringLiteral("sometimes"));
            s.insert(QStringLiteral("usersAndGroups"), u);
            p.insert(QStringLiteral("b2bCollaborationInbound"), s);
        }) << QStringList{QStringLiteral("partners[0].b2bCollaborationInbound.usersAndGroups.accessType")};
        QTest::newRow("unknown targetType and cloud") << editPartner(1, [](QJsonObject &p) {
            p.insert(QStringLiteral("@atrium.cloud"), QStringLiteral("mars"));
            p.insert(QStringLiteral("b2bCollaborationInbound"),
                     QJsonObject{{QStringLiteral("usersAndGroups"),
                                  QJsonObject{{QStringLiteral("accessType"), QStringLiteral("allowed")},
                                              {QStringLiteral("targets"), QJsonArray{QJsonObject{{QStringLiteral("target"), QStringLiteral("AllUsers")},
                                                                                                 {QStringLiteral("targetType"), QStringLiteral("unknownFutureValue")}}}}}},
                                 {QStringLiteral("applications"), GraphJson::toJson(CrossTenantTargets::allApplications(AccessType::allowed))}});
        }) << QStringList{QStringLiteral("partners[1].@atrium.cloud"),
                          QStringLiteral("partners[1].b2bCollaborationInbound.usersAndGroups.targets[0].targetType")};
        QTest::newRow("wrong types") << edit([](QJsonObject &root) {
            QJsonObject def = root.value(QStringLiteral("default")).toObject();
            def.insert(QStringLiteral("inboundTrust"), QJsonObject{{QStringLiteral("isMfaAccepted"), QStringLiteral("yes")}});
            def.insert(QStringLiteral("b2bCollaborationOutbound"), 42);
            root.insert(QStringLiteral("default"), def);
            root.insert(QStringLiteral("allowedCloudEndpoints"), QStringLiteral("microsoftonline.us"));
        }) << QStringList{QStringLiteral("default.b2bCollaborationOutbound"), QStringLiteral("default.inboundTrust.isMfaAccepted"),
                          QStringLiteral("allowedCloudEndpoints")};
        QTest::newRow("conflicting rules") << editPartner(0, [](QJsonObject &p) {
            p.insert(QStringLiteral("b2bCollaborationInbound"),
                     QJsonObject{{QStringLiteral("usersAndGroups"), GraphJson::toJson(CrossTenantTargets::allUsers(AccessType::blocked))},
                                 {QStringLiteral("applications"), GraphJson::toJson(CrossTenantTargets::allApplications(AccessType::allowed))}});
        }) << QStringList{QStringLiteral("partners[0].b2bCollaborationInbound.applications")};
        QTest::newRow("default inbound specific users") << edit([](QJsonObject &root) {
            QJsonObject def = root.value(QStringLiteral("default")).toObject();
            def.insert(QStringLiteral("b2bCollaborationInbound"),
                       QJsonObject{{QStringLiteral("usersAndGroups"), QJsonObject{{QStringLiteral("accessType"), QStringLiteral("allowed")},
                                                                                 {QStringLiteral("targets"), QJsonArray{QJsonObject{{QStringLiteral("target"), QStringLiteral("u-1")},
                                                                                                                                    {QStringLiteral("targetType"), QStringLiteral("user")}}}}}},
                                   {QStringLiteral("applications"), GraphJson::toJson(CrossTenantTargets::allApplications(AccessType::allowed))}});
            root.insert(QStringLiteral("default"), def);
        }) << QStringList{QStringLiteral("default.b2bCollaborationInbound.usersAndGroups")};
        QTest::newRow("duplicate tenant and domain") << edit([](QJsonObject &root) {
            QJsonArray a = root.value(QStringLiteral("partners")).toArray();
            QJsonObject copy = a.at(0).toObject();
            copy.insert(QStringLiteral("@atrium.name"), QStringLiteral("Contoso again"));
            a.append(copy);
            root.insert(QStringLiteral("partners"), a);
        }) << QStringList{QStringLiteral("partners[2].tenantId"), QStringLiteral("partners[2].@atrium.domains[0]")};
        QTest::newRow("bad tenant id") << editPartner(1, [](QJsonObject &p) { p.insert(QStringLiteral("tenantId"), QStringLiteral("woodgrove")); })
                                       << QStringList{QStringLiteral("partners[1].tenantId")};
    }
    void malformed() {
        QFETCH(QByteArray, json);
        QFETCH(QStringList, paths);
        const CrossTenantImport imp = GraphJson::parse(json);
        QVERIFY(!imp.ok());
        QCOMPARE(::paths(imp.problems), paths);
        for (const ConfigProblem &p : imp.problems) {
            QVERIFY(!p.message.isEmpty());
        }
    }
};

QTEST_GUILESS_MAIN(tst_GraphJson)
#include "tst_graphjson.moc"
