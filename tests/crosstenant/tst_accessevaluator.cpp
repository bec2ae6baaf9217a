// The access decision (trust, automatic redemption, clouds), conditional access matching, and the
// invite decision with cross-tenant settings through the real PolicyEngine and the hook.
#include "core/crosstenant/accessevaluator.h"
#include "core/crosstenant/crosstenantinvitecheck.h"
#include "core/policy/policyengine.h"

#include <QJsonArray>
#include <QTest>

using namespace atrium::core;

namespace {
const QString kContoso = QStringLiteral("3d0f5dec-5d3d-455c-8016-e2af1ae4d31a");
const QString kFourth = QStringLiteral("6f546279-4da5-4b53-a095-09ea0cef9971");
const QString kGov = QStringLiteral("11111111-2222-3333-4444-555555555555");
const QString kStranger = QStringLiteral("99999999-2222-3333-4444-555555555555");

// Default: system defaults. Contoso (contoso.com): MFA trusted, automatic redemption inbound,
// inbound only for group g-sales to app-crm. Fourth Coffee (fourthcoffee.com): B2B inbound blocked.
// Gov (gov.example): usgov cloud partner, inherits everything.
CrossTenantSnapshot snapshot(QList<ConditionalAccessPolicy> policies = {}, QList<Cloud> clouds = {Cloud::global, Cloud::usgov}) {
    auto contoso = CrossTenantConfiguration::partner(kContoso, QStringLiteral("Contoso"), {QStringLiteral("contoso.com")});
    contoso.inboundTrust = InboundTrust{true, false, false};
    contoso.automaticRedemptionInbound = true;
    contoso.b2bCollaborationInbound =
        B2BSetting{{AccessType::allowed, {{QStringLiteral("g-sales"), TargetType::group}}},
                   {AccessType::allowed, {{QStringLiteral("app-crm"), TargetType::application}}}};
    auto fourth = CrossTenantConfiguration::partner(kFourth, QStringLiteral("Fourth Coffee"), {QStringLiteral("fourthcoffee.com")});
    fourth.b2bCollaborationInbound = B2BSetting::all(AccessType::blocked);
    auto gov = CrossTenantConfiguration::partner(kGov, QStringLiteral("Gov"), {QStringLiteral("gov.example")}, Cloud::usgov);
    return CrossTenantSnapshot(CrossTenantConfiguration::systemDefault(), {contoso, fourth, gov}, clouds, policies);
}

ConditionalAccessPolicy mfaForGuests(ConditionalAccessState state = ConditionalAccessState::enabled) {
    ConditionalAccessPolicy p;
    p.id = QStringLiteral("ca-mfa");
    p.displayName = QStringLiteral("MFA for guests");
    p.state = state;
    p.guestOrExternalUserTypes = userTypeBit(ExternalUserType::b2bCollaborationGuest) | userTypeBit(ExternalUserType::b2bCollaborationMember);
    p.allApplications = true;
    p.grant = cagrant::Mfa;
    return p;
}
} // namespace

class tst_AccessEvaluator : public QObject {
    Q_OBJECT
private slots:
    void decision_data() {
        QTest::addColumn<QString>("tenant");
        QTest::addColumn<QString>("group");
        QTest::addColumn<QString>("app");
        QTest::addColumn<bool>("fromDirectory");
        QTest::addColumn<bool>("mfaClaim");
        QTest::addColumn<bool>("otherSideAuto");
        QTest::addColumn<int>("cloud");
        QTest::addColumn<QString>("blockedBy");
        QTest::addColumn<QString>("mfa");
        QTest::addColumn<bool>("consentShown");
        QTest::addColumn<QString>("usersProvenance");
        auto row = [](const char *name, const QString &tenant, const char *group, const char *app, bool dir, bool claim,
                      bool autoOther, Cloud cloud, const char *blocked, const char *mfa, bool consent, const char *prov) {
            QTest::newRow(name) << tenant << QString::fromLatin1(group) << QString::fromLatin1(app) << dir << claim << autoOther
                                << int(cloud) << QString::fromLatin1(blocked) << QString::fromLatin1(mfa) << consent
                                << QString::fromLatin1(prov);
        };
        // Contoso: MFA trusted and the sign-in carries a claim -> satisfied by the partner.
        row("contoso trusted mfa", kContoso, "g-sales", "app-crm", true, true, true, Cloud::global, "none", "satisfiedByPartner", false, "partner");
        row("contoso no claim", kContoso, "g-sales", "app-crm", true, false, true, Cloud::global, "none", "requiredHere", false, "partner");
        // Automatic redemption needs both sides.
        row("contoso other side no auto", kContoso, "g-sales", "app-crm", true, true, false, Cloud::global, "none", "satisfiedByPartner", true, "partner");
        // Not from the partner directory (passcode): MFA here even with a claim.
        row("contoso passcode guest", kContoso, "g-sales", "app-crm", false, true, true, Cloud::global, "none", "requiredHere", false, "partner");
        row("contoso wrong group", kContoso, "g-other", "app-crm", true, true, true, Cloud::global, "usersAndGroups", "notRequired", true, "partner");
        row("contoso wrong app", kContoso, "g-sales", "app-hr", true, true, true, Cloud::global, "applications", "notRequired", true, "partner");
        row("fourth blocked", kFourth, "g-sales", "app-crm", true, true, true, Cloud::global, "usersAndGroups", "notRequired", true, "partner");
        // A stranger: the default (no trust, no automatic redemption).
        row("stranger default", kStranger, "", "app-hr", true, true, true, Cloud::global, "none", "requiredHere", true, "default");
        row("no home tenant", QString(), "", "app-hr", false, false, false, Cloud::global, "none", "requiredHere", true, "default");
        row("gov partner", kGov, "", "app-hr", true, false, false, Cloud::usgov, "none", "requiredHere", true, "inheritedFromDefault");
        row("china stranger", kStranger, "", "app-hr", true, false, false, Cloud::china, "cloudNotEnabled", "notRequired", true, "");
        row("usgov stranger", kStranger, "", "app-hr", true, false, false, Cloud::usgov, "cloudNotPartner", "notRequired", true, "");
    }
    void decision() {
        QFETCH(QString, tenant);
        QFETCH(QString, group);
        QFETCH(QString, app);
        QFETCH(bool, fromDirectory);
        QFETCH(bool, mfaClaim);
        QFETCH(bool, otherSideAuto);
        QFETCH(int, cloud);
        QFETCH(QString, blockedBy);
        QFETCH(QString, mfa);
        QFETCH(bool, consentShown);
        QFETCH(QString, usersProvenance);
        const CrossTenantSnapshot s = snapshot({mfaForGuests()});
        AccessRequest r;
        r.userId = QStringLiteral("u-1");
        r.homeTenantId = tenant;
        r.homeCloud = Cloud(cloud);
        if (!group.isEmpty()) {
            r.groupIds = {group};
        }
        r.applicationId = app;
        r.fromPartnerDirectory = fromDirectory;
        r.mfaClaim = mfaClaim;
        r.otherSideAllowsAutomaticRedemption = otherSideAuto;
        const AccessDecision d = AccessEvaluator::decide(s, r);
        QCOMPARE(toString(d.blockedBy), blockedBy);
        QCOMPARE(d.allowed, blockedBy == QLatin1String("none"));
        QCOMPARE(toString(d.mfa), mfa);
        QCOMPARE(d.consentPromptShown, consentShown);
        const QJsonObject x = AccessEvaluator::explain(s, r, d);
        QCOMPARE(x.value(QStringLiteral("allowed")).toBool(), d.allowed);
        QVERIFY(!x.value(QStringLiteral("reason")).toString().isEmpty());
        const QJsonArray settings = x.value(QStringLiteral("settings")).toArray();
        if (!usersProvenance.isEmpty()) {
            const QJsonObject users = settings.at(1).toObject();
            QCOMPARE(users.value(QStringLiteral("property")).toString(), QStringLiteral("b2bCollaborationInbound.usersAndGroups"));
            QCOMPARE(users.value(QStringLiteral("provenance")).toString(), usersProvenance);
        }
        if (d.mfa != MfaOutcome::notRequired) {
            bool trustListed = false;
            for (const QJsonValue &v : settings) {
                trustListed = trustListed || v.toObject().value(QStringLiteral("property")) == QStringLiteral("inboundTrust.isMfaAccepted");
            }
            QVERIFY(trustListed);
            QCOMPARE(x.value(QStringLiteral("conditionalAccess")).toArray().size(), 1);
        }
    }

    void outbound() {
        CrossTenantConfiguration def = CrossTenantConfiguration::systemDefault();
        def.b2bCollaborationOutbound = B2BSetting{{AccessType::blocked, {{QStringLiteral("g-interns"), TargetType::group}}},
                                                  CrossTenantTargets::allApplications(AccessType::allowed)};
        auto contoso = CrossTenantConfiguration::partner(kContoso, QStringLiteral("Contoso"));
        contoso.automaticRedemptionOutbound = true;
        const CrossTenantSnapshot s(def, {contoso}, {Cloud::global}, {mfaForGuests()});
        AccessRequest r;
        r.direction = AccessDirection::outbound;
        r.userId = QStringLiteral("me");
        r.homeTenantId = kContoso;
        r.applicationId = QStringLiteral("their-app");
        r.otherSideAllowsAutomaticRedemption = true;
        AccessDecision d = AccessEvaluator::decide(s, r);
        QVERIFY(d.allowed);
        QVERIFY(!d.consentPromptShown);
        QCOMPARE(toString(d.mfa), toString(MfaOutcome::notRequired)); // our CA protects our apps, not theirs
        QCOMPARE(toString(d.settings.at(0).provenance), toString(Provenance::InheritedFromDefault));
        r.groupIds = {QStringLiteral("g-interns")};
        d = AccessEvaluator::decide(s, r);
        QCOMPARE(toString(d.blockedBy), toString(BlockedBy::usersAndGroups));
    }

    void conditionalAccessMatching_data() {
        QTest::addColumn<int>("userType");
        QTest::addColumn<QString>("tenant");
        QTest::addColumn<QString>("userId");
        QTest::addColumn<QString>("app");
        QTest::addColumn<bool>("applies");
        QTest::newRow("guest listed tenant") << int(ExternalUserType::b2bCollaborationGuest) << kContoso << "u-1" << "app-1" << true;
        QTest::newRow("guest other tenant") << int(ExternalUserType::b2bCollaborationGuest) << kFourth << "u-1" << "app-1" << false;
        QTest::newRow("member not in types") << int(ExternalUserType::b2bCollaborationMember) << kContoso << "u-1" << "app-1" << false;
        QTest::newRow("internal guest ignores tenants") << int(ExternalUserType::internalGuest) << QString() << "u-1" << "app-1" << true;
        QTest::newRow("other app") << int(ExternalUserType::b2bCollaborationGuest) << kContoso << "u-1" << "app-2" << false;
        QTest::newRow("specific user") << int(ExternalUserType::serviceProvider) << kFourth << "u-vip" << "app-1" << true;
        QTest::newRow("service provider") << int(ExternalUserType::serviceProvider) << kContoso << "u-1" << "app-1" << false;
    }
    void conditionalAccessMatching() {
        QFETCH(int, userType);
        QFETCH(QString, tenant);
        QFETCH(QString, userId);
        QFETCH(QString, app);
        QFETCH(bool, applies);
        ConditionalAccessPolicy p;
        p.displayName = QStringLiteral("Contoso guests");
        p.guestOrExternalUserTypes = userTypeBit(ExternalUserType::b2bCollaborationGuest) | userTypeBit(ExternalUserType::internalGuest);
        p.allExternalTenants = false;
        p.externalTenants = {kContoso};
        p.includeUsers = {QStringLiteral("u-vip")};
        p.applications = {QStringLiteral("app-1")};
        p.grant = cagrant::Block;
        QVERIFY(p.validate().isEmpty());
        QCOMPARE(p.appliesTo(userId, ExternalUserType(userType), tenant, app), applies);
        p.state = ConditionalAccessState::disabled;
        QVERIFY(!p.appliesTo(userId, ExternalUserType(userType), tenant, app));
        // Graph JSON round trip.
        auto back = ConditionalAccessPolicy::fromJson(p.toJson());
        QVERIFY(back.ok());
        QVERIFY(*back == p);
    }

    void conditionalAccessEffects() {
        ConditionalAccessPolicy block = mfaForGuests();
        block.id = QStringLiteral("ca-block");
        block.grant = cagrant::Block;
        AccessRequest r;
        r.userId = QStringLiteral("u-1");
        r.homeTenantId = kStranger;
        r.applicationId = QStringLiteral("app-1");
        // Report-only: recorded, not enforced.
        block.state = ConditionalAccessState::reportOnly;
        AccessDecision d = AccessEvaluator::decide(snapshot({block}), r);
        QVERIFY(d.allowed);
        QCOMPARE(d.policies.size(), 1);
        QVERIFY(!d.policies.at(0).enforced);
        block.state = ConditionalAccessState::enabled;
        d = AccessEvaluator::decide(snapshot({block}), r);
        QCOMPARE(toString(d.blockedBy), toString(BlockedBy::conditionalAccess));
        ConditionalAccessPolicy tou = mfaForGuests();
        tou.grant = cagrant::TermsOfUse;
        tou.termsOfUse = {QStringLiteral("tou-1")};
        d = AccessEvaluator::decide(snapshot({tou}), r);
        QVERIFY(d.allowed && d.termsOfUseRequired);
        QCOMPARE(toString(d.mfa), toString(MfaOutcome::notRequired));
        QVERIFY(!ConditionalAccessPolicy::fromJson(QJsonObject{{QStringLiteral("displayName"), QStringLiteral("x")},
                                                               {QStringLiteral("state"), QStringLiteral("sometimes")}}).ok());
    }

    // SPEC §4: denied never reaches cross-tenant; allowed is invited unless cross-tenant blocks;
    // unlisted is decided by cross-tenant.
    void invite_data() {
        QTest::addColumn<int>("restriction");
        QTest::addColumn<QString>("email");
        QTest::addColumn<bool>("allowed");
        QTest::addColumn<QString>("decidingRule");
        const int any = int(CollaborationRestriction::allowAny);
        const int deny = int(CollaborationRestriction::denyListed);
        const int allow = int(CollaborationRestriction::allowOnlyListed);
        QTest::newRow("any, partner allows all") << any << "a@gov.example" << true << "crossTenant";
        QTest::newRow("any, partner blocks") << any << "a@fourthcoffee.com" << false << "crossTenant";
        QTest::newRow("any, subdomain of blocking partner") << any << "a@eu.fourthcoffee.com" << false << "crossTenant";
        QTest::newRow("any, partner allows specific only") << any << "a@contoso.com" << false << "crossTenant";
        QTest::newRow("any, stranger default allows") << any << "a@stranger.example" << true << "crossTenant";
        QTest::newRow("deny list wins") << deny << "a@gov.example" << false << "domainList";
        QTest::newRow("deny list, unlisted blocked by partner") << deny << "a@fourthcoffee.com" << false << "crossTenant";
        QTest::newRow("allow list, allowed but partner blocks") << allow << "a@fourthcoffee.com" << false << "crossTenant";
        QTest::newRow("allow list, allowed and partner allows") << allow << "a@gov.example" << true << "crossTenant";
        QTest::newRow("allow list, unlisted") << allow << "a@stranger.example" << false << "domainList";
    }
    void invite() {
        QFETCH(int, restriction);
        QFETCH(QString, email);
        QFETCH(bool, allowed);
        QFETCH(QString, decidingRule);
        CollaborationSettings settings;
        settings.restriction = CollaborationRestriction(restriction);
        if (settings.restriction == CollaborationRestriction::denyListed) {
            settings.domains = {QStringLiteral("gov.example")};
        } else if (settings.restriction == CollaborationRestriction::allowOnlyListed) {
            settings.domains = {QStringLiteral("gov.example"), QStringLiteral("fourthcoffee.com")};
        }
        auto snap = std::make_shared<const CrossTenantSnapshot>(snapshot());
        const PolicyEngine engine(settings, makeCrossTenantCheck(snap));
        OperatorContext op;
        op.userId = QStringLiteral("admin");
        op.roles = {Role::GlobalAdministrator};
        const PolicyDecision d = engine.mayInvite(op, InviteRequest{email, {}, {}, UserType::Guest});
        QCOMPARE(d.allowed, allowed);
        QCOMPARE(d.decidingRule, decidingRule);
        if (!allowed) {
            QVERIFY(!d.reason.isEmpty());
        }
        // The same at redemption.
        QCOMPARE(engine.mayRedeem(email).allowed, allowed);
    }

    void inviteCloudNotEnabled() {
        auto snap = std::make_shared<const CrossTenantSnapshot>(snapshot({}, {Cloud::global}));
        const PolicyEngine engine(CollaborationSettings{}, makeCrossTenantCheck(snap));
        const PolicyDecision d = engine.mayRedeem(QStringLiteral("a@gov.example"));
        QVERIFY(!d.allowed);
        QVERIFY(d.reason.contains(QStringLiteral("usgov")));
    }

    void inviteDefaultBlocksStrangers() {
        CrossTenantConfiguration def = CrossTenantConfiguration::systemDefault();
        def.b2bCollaborationInbound = B2BSetting::all(AccessType::blocked);
        auto partner = CrossTenantConfiguration::partner(kContoso, QStringLiteral("Contoso"), {QStringLiteral("contoso.com")});
        partner.b2bCollaborationInbound = B2BSetting::all(AccessType::allowed);
        auto snap = std::make_shared<const CrossTenantSnapshot>(def, QList<CrossTenantConfiguration>{partner});
        const PolicyEngine engine(CollaborationSettings{}, makeCrossTenantCheck(snap));
        QVERIFY(!engine.mayRedeem(QStringLiteral("a@stranger.example")).allowed);
        QVERIFY(engine.mayRedeem(QStringLiteral("a@contoso.com")).allowed);
    }
};

QTEST_GUILESS_MAIN(tst_AccessEvaluator)
#include "tst_accessevaluator.moc"
