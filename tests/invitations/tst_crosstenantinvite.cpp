// The cross-tenant step of every invitation (SPEC §4, §5): InvitationService::loadPolicy gives the
// policy engine the cross-tenant check of the directory's current settings, cached per database and
// generation. Both engines, inside the keychain session (the redemption token key).
#include "core/crosstenant/crosstenantservice.h"
#include "core/crosstenant/crosstenantsnapshotcache.h"
#include "core/invitations/invitationservice.h"
#include "core/policy/collaborationsettings.h"
#include "core/policy/policyengine.h"
#include "core/secrets/keychainsecretstore.h"
#include "core/services/settingsservice.h"
#include "directoryfixture.h"

#include <QJsonDocument>
#include <QTest>

using namespace atrium::core;
using atrium::test::DirectoryFixture;

namespace {
const QString kContoso = QStringLiteral("3d0f5dec-5d3d-455c-8016-e2af1ae4d31a");

GuestInvite basic(const QString &email) {
    GuestInvite g;
    g.email = email;
    g.redirectUrl = QStringLiteral("https://myapps.fabrikam.example/");
    return g;
}

Status setCollaboration(ServiceContext &ctx, const CollaborationSettings &cs) {
    SettingsService settings(ctx);
    auto cur = settings.get(settingkey::Collaboration);
    if (!cur.ok()) {
        return cur.error();
    }
    auto r = settings.set(settingkey::Collaboration,
                          QString::fromUtf8(QJsonDocument(cs.toJson()).toJson(QJsonDocument::Compact)),
                          cur->isDefault ? -1 : cur->rowVersion);
    return r.ok() ? Status() : Status(r.error());
}

// Contoso as a partner whose inbound B2B collaboration blocks all users (and so all applications).
Result<PartnerRecord> addBlockedContoso(CrossTenantService &svc) {
    CrossTenantConfiguration p = CrossTenantConfiguration::partner(kContoso, QStringLiteral("Contoso"),
                                                                   {QStringLiteral("contoso.com")});
    p.b2bCollaborationInbound = B2BSetting::all(AccessType::blocked);
    return svc.addPartner(p);
}

bool whyNamesCrossTenant(const Error &e) {
    for (const QString &line : e.why) {
        if (line.startsWith(QStringLiteral("▶ ") + PolicyEngine::RuleCrossTenant)) {
            return true;
        }
    }
    return false;
}

QString describe(const Error &e) { return e.message + QStringLiteral(" | ") + e.why.join(QStringLiteral(" / ")); }
} // namespace

class tst_CrossTenantInvite : public QObject {
    Q_OBJECT
private:
    DirectoryFixture m_fx;
    std::shared_ptr<SecretStore> m_secrets = std::make_shared<KeychainSecretStore>(QStringLiteral("tests"));
    static void engineData() {
        QTest::addColumn<QString>("engine");
        for (const QString &e : DirectoryFixture::engines()) {
            QTest::newRow(qPrintable(e)) << e;
        }
    }

private slots:
    void initTestCase() {
        QString error;
        QVERIFY2(m_fx.start(&error), qPrintable(QStringLiteral("PostgreSQL test server: ") + error));
    }

    void partnerBlockingInboundRefusesInvite_data() { engineData(); }
    void partnerBlockingInboundRefusesInvite() {
        QFETCH(QString, engine);
        auto ctx = m_fx.freshDirectory(engine);
        QVERIFY(ctx.ok());
        InvitationService invitations(*ctx, m_secrets);
        // Before: the system default allows B2B collaboration with everyone.
        auto first = invitations.invite(basic(QStringLiteral("early@contoso.com")));
        QVERIFY2(first.ok(), qPrintable(first.ok() ? QString() : describe(first.error())));

        CrossTenantService svc(*ctx);
        auto added = addBlockedContoso(svc);
        QVERIFY2(added.ok(), qPrintable(added.ok() ? QString() : added.error().message));

        // The change is seen at once (a new generation), also for a subdomain of the partner's.
        for (const QString &email : {QStringLiteral("alice@contoso.com"), QStringLiteral("bob@sales.contoso.com")}) {
            auto r = invitations.invite(basic(email));
            QVERIFY2(!r.ok(), qPrintable(email));
            QCOMPARE(r.error().code, ErrorCode::PolicyDenied);
            QCOMPARE(r.error().detail, PolicyEngine::RuleCrossTenant);
            QVERIFY2(whyNamesCrossTenant(r.error()), qPrintable(describe(r.error())));
            QVERIFY2(r.error().message.contains(QStringLiteral("Contoso")), qPrintable(r.error().message));
        }
        // Another domain falls under the default, which still allows it.
        auto other = invitations.invite(basic(QStringLiteral("carol@northwind.example")));
        QVERIFY2(other.ok(), qPrintable(other.ok() ? QString() : describe(other.error())));

        // What-if shows the same trace without inviting.
        auto op = ctx->op();
        auto wi = invitations.whatIfInvite(QStringLiteral("dave@contoso.com"), op);
        QVERIFY(wi.ok());
        QVERIFY(!wi->allowed);
        QCOMPARE(wi->decidingRule, PolicyEngine::RuleCrossTenant);

        // Back to default: invitations to Contoso pass again.
        auto p = svc.partner(kContoso);
        QVERIFY(p.ok());
        QVERIFY(svc.resetPartnerProperty(kContoso, CrossTenantProperty::B2BCollaborationInbound, p->rowVersion).ok());
        auto again = invitations.invite(basic(QStringLiteral("erin@contoso.com")));
        QVERIFY2(again.ok(), qPrintable(again.ok() ? QString() : describe(again.error())));
    }

    // SPEC §4 order: a denied domain never reaches cross-tenant; an allow-listed one is still refused
    // when cross-tenant blocks it.
    void allowListedDomainStillBlockedByCrossTenant_data() { engineData(); }
    void allowListedDomainStillBlockedByCrossTenant() {
        QFETCH(QString, engine);
        auto ctx = m_fx.freshDirectory(engine);
        QVERIFY(ctx.ok());
        CollaborationSettings cs;
        cs.restriction = CollaborationRestriction::allowOnlyListed;
        cs.domains = {QStringLiteral("contoso.com"), QStringLiteral("northwind.example")};
        QVERIFY(setCollaboration(*ctx, cs).ok());
        CrossTenantService svc(*ctx);
        QVERIFY(addBlockedContoso(svc).ok());

        InvitationService invitations(*ctx, m_secrets);
        auto r = invitations.invite(basic(QStringLiteral("alice@contoso.com")));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().detail, PolicyEngine::RuleCrossTenant);
        QVERIFY2(whyNamesCrossTenant(r.error()), qPrintable(describe(r.error())));
        // The list step passed before cross-tenant refused.
        bool listPassed = false;
        for (const QString &line : r.error().why) {
            listPassed = listPassed || line.startsWith(PolicyEngine::RuleDomainList);
        }
        QVERIFY2(listPassed, qPrintable(describe(r.error())));

        // The other listed domain (no partner, default allows) is invited.
        auto ok = invitations.invite(basic(QStringLiteral("carol@northwind.example")));
        QVERIFY2(ok.ok(), qPrintable(ok.ok() ? QString() : describe(ok.error())));
        // An unlisted domain is refused by the list, cross-tenant is never asked.
        auto unlisted = invitations.invite(basic(QStringLiteral("eve@fourthcoffee.example")));
        QVERIFY(!unlisted.ok());
        QCOMPARE(unlisted.error().detail, PolicyEngine::RuleDomainList);
        for (const QString &line : unlisted.error().why) {
            QVERIFY2(!line.contains(PolicyEngine::RuleCrossTenant), qPrintable(line));
        }
    }

    // The snapshot is loaded once per generation, not once per invitation, and a change reloads it.
    void snapshotCachedPerGeneration_data() { engineData(); }
    void snapshotCachedPerGeneration() {
        QFETCH(QString, engine);
        auto ctx = m_fx.freshDirectory(engine);
        QVERIFY(ctx.ok());
        auto c = ctx->db().connection();
        QVERIFY(c.ok());
        auto first = CrossTenantSnapshotCache::get(*c);
        QVERIFY(first.ok());
        const qint64 loads = CrossTenantSnapshotCache::loadCount();
        for (int i = 0; i < 20; ++i) {
            auto engineResult = InvitationService::loadPolicy(*c);
            QVERIFY(engineResult.ok());
        }
        auto same = CrossTenantSnapshotCache::get(*c);
        QVERIFY(same.ok());
        QCOMPARE(CrossTenantSnapshotCache::loadCount(), loads);
        QCOMPARE(same->get(), first->get());

        CrossTenantService svc(*ctx);
        QVERIFY(addBlockedContoso(svc).ok());
        auto changed = CrossTenantSnapshotCache::get(*c);
        QVERIFY(changed.ok());
        QCOMPARE(CrossTenantSnapshotCache::loadCount(), loads + 1);
        QVERIFY(changed->get() != first->get());
        QVERIFY((*changed)->partnerByTenant(kContoso) != nullptr);
        QVERIFY((*first)->partnerByTenant(kContoso) == nullptr); // the old snapshot is immutable
    }
};

QTEST_GUILESS_MAIN(tst_CrossTenantInvite)
#include "tst_crosstenantinvite.moc"
