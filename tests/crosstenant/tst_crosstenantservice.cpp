// CrossTenantService on SQLite and PostgreSQL: partners CRUD with CAS conflicts, customize / back to
// default, import all-or-nothing, export -> import -> identical, authorization and audit rows.
#include "core/crosstenant/crosstenantservice.h"
#include "core/services/roleservice.h"
#include "core/services/userservice.h"
#include "directoryfixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QTest>

using namespace atrium::core;
using atrium::test::DirectoryFixture;

namespace {
const QString kContoso = QStringLiteral("3d0f5dec-5d3d-455c-8016-e2af1ae4d31a");
const QString kFourth = QStringLiteral("6f546279-4da5-4b53-a095-09ea0cef9971");

int auditCount(const ServiceContext &ctx, const QString &activityName, const QString &result) {
    auto c = ctx.db().connection();
    QSqlQuery q(*c);
    q.prepare(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE activity = ? AND result = ? AND category = ?"));
    q.addBindValue(activityName);
    q.addBindValue(result);
    q.addBindValue(category::CrossTenantAccessSettings);
    return q.exec() && q.next() ? q.value(0).toInt() : -1;
}

QString lastAuditBefore(const ServiceContext &ctx, const QString &activityName) {
    auto c = ctx.db().connection();
    QSqlQuery q(*c);
    q.prepare(QStringLiteral("SELECT before_json FROM audit_log WHERE activity = ? ORDER BY id DESC"));
    q.addBindValue(activityName);
    return q.exec() && q.next() ? q.value(0).toString() : QString();
}
} // namespace

class tst_CrossTenantService : public QObject {
    Q_OBJECT
private:
    DirectoryFixture m_fx;
    static void engineData() {
        QTest::addColumn<QString>("engine");
        for (const QString &e : DirectoryFixture::engines()) {
            QTest::newRow(qPrintable(e)) << e;
        }
    }
    ServiceContext withRole(ServiceContext &admin, const QString &name, std::optional<Role> role) {
        auto u = UserService(admin).addMember({name, name + QStringLiteral("@fabrikam.example"), {}});
        if (!u.ok()) {
            qFatal("addMember failed");
        }
        if (role && !RoleService(admin).assign(*role, u->id).ok()) {
            qFatal("assign failed");
        }
        return m_fx.as(admin, u->id);
    }

private slots:
    void initTestCase() {
        QString error;
        QVERIFY2(m_fx.start(&error), qPrintable(QStringLiteral("PostgreSQL test server: ") + error));
    }

    void partners_data() { engineData(); }
    void partners() {
        QFETCH(QString, engine);
        auto ctx = m_fx.freshDirectory(engine);
        QVERIFY2(ctx.ok(), qPrintable(ctx.ok() ? QString() : ctx.error().message));
        CrossTenantService svc(*ctx);
        auto pol = svc.policy();
        QVERIFY(pol.ok());
        QVERIFY(pol->isSystemDefault);
        QVERIFY(pol->defaultConfiguration == CrossTenantConfiguration::systemDefault());

        auto added = svc.addPartner(CrossTenantConfiguration::partner(kContoso.toUpper(), QStringLiteral(" Contoso "),
                                                                      {QStringLiteral("Contoso.COM")}));
        QVERIFY2(added.ok(), qPrintable(added.ok() ? QString() : added.error().message));
        QCOMPARE(added->config.tenantId, kContoso);
        QCOMPARE(added->config.domains, QStringList{QStringLiteral("contoso.com")});
        QCOMPARE(auditCount(*ctx, activity::AddCrossTenantPartner, QStringLiteral("success")), 1);
        // Duplicate tenant and taken domain.
        QCOMPARE(svc.addPartner(CrossTenantConfiguration::partner(kContoso, QStringLiteral("Again"))).error().code, ErrorCode::AlreadyExists);
        auto taken = svc.addPartner(CrossTenantConfiguration::partner(kFourth, QStringLiteral("Fourth"), {QStringLiteral("contoso.com")}));
        QCOMPARE(taken.error().code, ErrorCode::AlreadyExists);
        QCOMPARE(svc.partnerCount().value(), 1);
        // Consistency rule refused with the path.
        auto bad = CrossTenantConfiguration::partner(kFourth, QStringLiteral("Fourth"));
        bad.b2bCollaborationInbound = B2BSetting{CrossTenantTargets::allUsers(AccessType::blocked),
                                                 CrossTenantTargets::allApplications(AccessType::allowed)};
        auto refused = svc.addPartner(bad);
        QCOMPARE(refused.error().code, ErrorCode::Invalid);
        QCOMPARE(refused.error().field, QStringLiteral("b2bCollaborationInbound.applications"));

        // Find by tenant id, domain (and subdomain), name.
        QCOMPARE(svc.findPartner(kContoso)->config.name, QStringLiteral("Contoso"));
        QCOMPARE(svc.findPartner(QStringLiteral("eu.contoso.com"))->config.tenantId, kContoso);
        QCOMPARE(svc.findPartner(QStringLiteral("contoso"))->config.tenantId, kContoso);
        QCOMPARE(svc.findPartner(QStringLiteral("nobody.example")).error().code, ErrorCode::NotFound);

        // Customize copies the default's value; back to default empties it; stale version conflicts.
        auto custom = svc.customizePartnerProperty(kContoso, CrossTenantProperty::InboundTrust, added->rowVersion);
        QVERIFY(custom.ok());
        QVERIFY(custom->config.inboundTrust == std::optional<InboundTrust>(InboundTrust{}));
        auto stale = svc.resetPartnerProperty(kContoso, CrossTenantProperty::InboundTrust, added->rowVersion);
        QCOMPARE(stale.error().code, ErrorCode::Conflict);
        QCOMPARE(auditCount(*ctx, activity::UpdateCrossTenantPartner, QStringLiteral("failure")), 1);
        auto reset = svc.resetPartnerProperty(kContoso, CrossTenantProperty::InboundTrust, custom->rowVersion);
        QVERIFY(reset.ok());
        QVERIFY(!reset->config.inboundTrust);
        QVERIFY(lastAuditBefore(*ctx, activity::UpdateCrossTenantPartner).contains(QStringLiteral("isMfaAccepted")));

        // Default update with CAS.
        CrossTenantConfiguration def = CrossTenantConfiguration::systemDefault();
        def.inboundTrust = InboundTrust{true, false, false};
        auto upd = svc.updateDefault(def, pol->rowVersion);
        QVERIFY(upd.ok());
        QCOMPARE(svc.updateDefault(def, pol->rowVersion).error().code, ErrorCode::Conflict);
        QVERIFY(svc.policy()->defaultConfiguration == def);
        QCOMPARE(auditCount(*ctx, activity::UpdateCrossTenantDefault, QStringLiteral("success")), 1);

        // Paging with 250 partners: keyset pages, no duplicates, search.
        for (int i = 0; i < 250; ++i) {
            const QString id = QStringLiteral("00000000-0000-0000-0000-%1").arg(i + 1, 12, 10, QLatin1Char('0'));
            QVERIFY(svc.addPartner(CrossTenantConfiguration::partner(id, QStringLiteral("Partner %1").arg(i % 7),
                                                                     {QStringLiteral("p%1.example").arg(i)}))
                        .ok());
        }
        PartnerQuery q;
        q.limit = 100;
        QSet<QString> seen;
        int pages = 0;
        for (;;) {
            auto page = svc.partners(q);
            QVERIFY(page.ok());
            ++pages;
            for (const PartnerRecord &p : page->partners) {
                QVERIFY(!seen.contains(p.config.tenantId));
                seen.insert(p.config.tenantId);
            }
            if (!page->hasMore) {
                break;
            }
            q.afterName = page->partners.last().config.name.toLower();
            q.afterTenantId = page->partners.last().config.tenantId;
        }
        QCOMPARE(seen.size(), 251);
        QCOMPARE(pages, 3);
        PartnerQuery search;
        search.search = QStringLiteral("p17.exam");
        QCOMPARE(svc.partners(search)->partners.size(), 1);

        // Remove with CAS.
        auto cur = svc.partner(kContoso);
        QCOMPARE(svc.removePartner(kContoso, cur->rowVersion + 5).error().code, ErrorCode::Conflict);
        QVERIFY(svc.removePartner(kContoso, cur->rowVersion).ok());
        QCOMPARE(svc.partner(kContoso).error().code, ErrorCode::NotFound);
        // Its domain is free again.
        QVERIFY(svc.addPartner(CrossTenantConfiguration::partner(kFourth, QStringLiteral("Fourth"), {QStringLiteral("contoso.com")})).ok());
        auto conn = ctx->db().connection();
        QVERIFY(*CrossTenantService::generation(*conn) > 0);
    }

    void importExport_data() { engineData(); }
    void importExport() {
        QFETCH(QString, engine);
        auto a = m_fx.freshDirectory(engine);
        QVERIFY(a.ok());
        CrossTenantService svcA(*a);
        auto contoso = CrossTenantConfiguration::partner(kContoso, QStringLiteral("Contoso"), {QStringLiteral("contoso.com")}, Cloud::usgov);
        contoso.automaticRedemptionInbound = true;
        contoso.b2bCollaborationOutbound = B2BSetting{{AccessType::allowed, {{QStringLiteral("g-1"), TargetType::group}}},
                                                      {AccessType::allowed, {{QStringLiteral("app-1"), TargetType::application}}}};
        QVERIFY(svcA.addPartner(contoso).ok());
        QVERIFY(svcA.setEnabledClouds({Cloud::usgov}, svcA.policy()->rowVersion).ok());
        auto exported = svcA.exportJson();
        QVERIFY(exported.ok());
        const QByteArray bytes = QJsonDocument(*exported).toJson();

        auto b = m_fx.freshDirectory(engine);
        QVERIFY(b.ok());
        CrossTenantService svcB(*b);
        auto dry = svcB.importJson(bytes, true);
        QVERIFY(dry.ok());
        QVERIFY(dry->problems.isEmpty());
        QVERIFY(!dry->applied);
        QCOMPARE(dry->added, QStringList{kContoso});
        QCOMPARE(svcB.partnerCount().value(), 0); // nothing written by a dry run
        auto real = svcB.importJson(bytes, false);
        QVERIFY(real.ok() && real->applied);
        QCOMPARE(*svcB.exportJson(), *exported);
        QCOMPARE(auditCount(*b, activity::ImportCrossTenantSettings, QStringLiteral("success")), 1);
        // Importing again changes nothing.
        auto again = svcB.importJson(bytes, false);
        QCOMPARE(again->unchanged, QStringList{kContoso});

        // A malformed file: refused with paths, nothing changed.
        QJsonObject broken = *exported;
        QJsonArray partners = broken.value(QStringLiteral("partners")).toArray();
        QJsonObject p0 = partners.at(0).toObject();
        p0.insert(QStringLiteral("@atrium.name"), QStringLiteral("Renamed"));
        partners[0] = p0;
        QJsonObject p1 = p0;
        p1.insert(QStringLiteral("tenantId"), kFourth);
        p1.insert(QStringLiteral("inboundTrust"), QStringLiteral("yes"));
        partners.append(p1);
        broken.insert(QStringLiteral("partners"), partners);
        auto refused = svcB.importJson(QJsonDocument(broken).toJson(), false);
        QVERIFY(refused.ok());
        QVERIFY(!refused->applied);
        QCOMPARE(refused->problems.value(0).path, QStringLiteral("partners[1].inboundTrust"));
        QCOMPARE(svcB.partner(kContoso)->config.name, QStringLiteral("Contoso"));
        QCOMPARE(svcB.partnerCount().value(), 1);
        // A domain taken by a partner outside the file: refused as a whole.
        QVERIFY(svcB.addPartner(CrossTenantConfiguration::partner(kFourth, QStringLiteral("Fourth"), {QStringLiteral("fourth.example")})).ok());
        QJsonObject steal = *exported;
        QJsonArray sp = steal.value(QStringLiteral("partners")).toArray();
        QJsonObject s0 = sp.at(0).toObject();
        s0.insert(QStringLiteral("@atrium.domains"), QJsonArray{QStringLiteral("contoso.com"), QStringLiteral("fourth.example")});
        s0.insert(QStringLiteral("@atrium.name"), QStringLiteral("Renamed"));
        sp[0] = s0;
        steal.insert(QStringLiteral("partners"), sp);
        auto stolen = svcB.importJson(QJsonDocument(steal).toJson(), false);
        QVERIFY(stolen.ok());
        QVERIFY(!stolen->applied);
        QCOMPARE(stolen->problems.value(0).path, QStringLiteral("partners[0].@atrium.domains[1]"));
        QCOMPARE(svcB.partner(kContoso)->config.name, QStringLiteral("Contoso"));
    }

    void authorizationAndWhatIf_data() { engineData(); }
    void authorizationAndWhatIf() {
        QFETCH(QString, engine);
        auto admin = m_fx.freshDirectory(engine);
        QVERIFY(admin.ok());
        ServiceContext security = withRole(*admin, QStringLiteral("sec"), Role::SecurityAdministrator);
        ServiceContext reader = withRole(*admin, QStringLiteral("reader"), Role::GlobalReader);
        ServiceContext userAdmin = withRole(*admin, QStringLiteral("ua"), Role::UserAdministrator);
        for (ServiceContext *ctx : {&reader, &userAdmin}) {
            CrossTenantService svc(*ctx);
            auto r = svc.addPartner(CrossTenantConfiguration::partner(kContoso, QStringLiteral("Contoso")));
            QCOMPARE(r.error().code, ErrorCode::PermissionDenied);
            QVERIFY(r.error().message.contains(QStringLiteral("Security Administrator")));
            QCOMPARE(svc.importJson("{}", true).error().code, ErrorCode::PermissionDenied);
            QVERIFY(svc.policy().ok()); // reading is fine
        }
        QCOMPARE(auditCount(*admin, activity::AddCrossTenantPartner, QStringLiteral("denied")), 2);
        CrossTenantService svc(security);
        auto p = CrossTenantConfiguration::partner(kContoso, QStringLiteral("Contoso"));
        p.inboundTrust = InboundTrust{true, false, false};
        QVERIFY(svc.addPartner(p).ok());
        ConditionalAccessPolicy ca;
        ca.displayName = QStringLiteral("MFA for guests");
        ca.guestOrExternalUserTypes = userTypeBit(ExternalUserType::b2bCollaborationGuest);
        ca.allApplications = true;
        ca.grant = cagrant::Mfa;
        auto added = svc.addConditionalAccessPolicy(ca);
        QVERIFY(added.ok());
        QCOMPARE(CrossTenantService(reader).addConditionalAccessPolicy(ca).error().code, ErrorCode::PermissionDenied);
        ConditionalAccessPolicy changed = *added;
        changed.state = ConditionalAccessState::reportOnly;
        QVERIFY(svc.updateConditionalAccessPolicy(changed, added->rowVersion).ok());
        QCOMPARE(svc.updateConditionalAccessPolicy(changed, added->rowVersion).error().code, ErrorCode::Conflict);
        changed.state = ConditionalAccessState::enabled;
        QVERIFY(svc.updateConditionalAccessPolicy(changed, added->rowVersion + 1).ok());
        QCOMPARE(svc.conditionalAccessPolicies()->size(), 1);

        AccessRequest r;
        r.userId = QStringLiteral("u-1");
        r.homeTenantId = kContoso;
        r.applicationId = QStringLiteral("app-1");
        r.mfaClaim = true;
        auto w = CrossTenantService(reader).whatIf(r);
        QVERIFY(w.ok());
        QCOMPARE(w->value(QStringLiteral("mfa")).toString(), QStringLiteral("satisfiedByPartner"));
        QCOMPARE(w->value(QStringLiteral("conditionalAccess")).toArray().size(), 1);
        QVERIFY(svc.removeConditionalAccessPolicy(added->id, added->rowVersion + 2).ok());
        QCOMPARE(auditCount(*admin, activity::DeleteConditionalAccessPolicy, QStringLiteral("success")), 1);
        // The snapshot for the invite hook sees the partner.
        auto conn = admin->db().connection();
        auto snap = CrossTenantService::loadSnapshot(*conn);
        QVERIFY(snap.ok());
        QVERIFY((*snap)->partnerByTenant(kContoso));
    }
};

QTEST_GUILESS_MAIN(tst_CrossTenantService)
#include "tst_crosstenantservice.moc"
