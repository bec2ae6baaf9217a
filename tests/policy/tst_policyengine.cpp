#include "core/policy/policyengine.h"

#include <QJsonArray>
#include <QTest>
#include <atomic>
#include <optional>
#include <thread>
#include <vector>

using namespace atrium::core;

namespace {
// The operators of the matrix.
enum class Who { Member, GuestWithMemberAccess, Guest, GuestInviter, UserAdministrator, GlobalAdministrator, AppOwner };
enum class ListMode { None, Allow, Deny };

const QStringList kFixedOrder = {QStringLiteral("allowInvitesFrom"), QStringLiteral("operatorRole"),
                                 QStringLiteral("memberUserType"),   QStringLiteral("targetOwnership"),
                                 QStringLiteral("emailAddress"),     QStringLiteral("domainList"),
                                 QStringLiteral("crossTenant")};

QString whoName(Who w) {
    switch (w) {
    case Who::Member:
        return QStringLiteral("member");
    case Who::GuestWithMemberAccess:
        return QStringLiteral("guest with member access");
    case Who::Guest:
        return QStringLiteral("guest");
    case Who::GuestInviter:
        return QStringLiteral("Guest Inviter");
    case Who::UserAdministrator:
        return QStringLiteral("User Administrator");
    case Who::GlobalAdministrator:
        return QStringLiteral("Global Administrator");
    case Who::AppOwner:
        return QStringLiteral("application owner");
    }
    return {};
}

OperatorContext operatorFor(Who w) {
    OperatorContext op;
    op.userId = QStringLiteral("op-1");
    switch (w) {
    case Who::Member:
        break;
    case Who::GuestWithMemberAccess:
    case Who::Guest:
        op.userType = UserType::Guest;
        break;
    case Who::GuestInviter:
        op.roles = {Role::GuestInviter};
        break;
    case Who::UserAdministrator:
        op.roles = {Role::UserAdministrator};
        break;
    case Who::GlobalAdministrator:
        op.roles = {Role::GlobalAdministrator};
        break;
    case Who::AppOwner:
        op.ownsAllTargets = true;
        break;
    }
    return op;
}

// Checks the invariants every decision keeps: the trace follows the fixed order, exactly one
// step (the last) is decisive, and its rule and verdict are the decision's.
void checkTraceShape(const PolicyDecision &d, const QStringList &order = kFixedOrder) {
    QVERIFY(!d.trace.isEmpty());
    qsizetype pos = 0;
    int decisive = 0;
    for (const TraceStep &s : d.trace) {
        const qsizetype at = order.indexOf(s.rule, pos);
        QVERIFY2(at >= 0, qPrintable(QStringLiteral("rule out of order: ") + s.rule));
        pos = at + 1;
        QVERIFY2(!s.verdict.isEmpty(), qPrintable(s.rule));
        QVERIFY2(!s.input.isEmpty(), qPrintable(s.rule));
        decisive += s.decisive ? 1 : 0;
    }
    QCOMPARE(decisive, 1);
    QVERIFY(d.trace.last().decisive);
    QCOMPARE(d.decidingRule, d.trace.last().rule);
    QCOMPARE(d.allowed, d.trace.last().passed);
    for (qsizetype i = 0; i + 1 < d.trace.size(); ++i) {
        QVERIFY2(d.trace.at(i).passed, "checking goes on only after a step passed");
    }
    QVERIFY(!d.reason.isEmpty());
}

CollaborationSettings listSettings(CollaborationRestriction mode, const QString &text) {
    CollaborationSettings s;
    s.restriction = mode;
    const DomainListParse parsed = parseDomainList(text);
    if (!parsed.ok()) {
        qFatal("bad test list");
    }
    s.domains = parsed.domains;
    return s;
}

const QString kOwnerApp = QStringLiteral("app-1");
} // namespace

class tst_PolicyEngine : public QObject {
    Q_OBJECT
private slots:
    // allowInvitesFrom × operator × list mode × domain on/off the list.
    void matrix_data() {
        QTest::addColumn<int>("setting");  // AllowInvitesFrom
        QTest::addColumn<int>("who");      // Who
        QTest::addColumn<int>("listMode"); // ListMode
        QTest::addColumn<bool>("onList");
        QTest::addColumn<bool>("allowed");
        QTest::addColumn<QString>("decidingRule");

        const QList<AllowInvitesFrom> settings = {AllowInvitesFrom::everyone,
                                                  AllowInvitesFrom::adminsGuestInvitersAndAllMembers,
                                                  AllowInvitesFrom::adminsAndGuestInviters, AllowInvitesFrom::none};
        const QList<Who> people = {Who::Member,       Who::GuestWithMemberAccess, Who::Guest,
                                   Who::GuestInviter, Who::UserAdministrator,     Who::GlobalAdministrator,
                                   Who::AppOwner};
        // Who each setting admits, written out (SPEC §4/§10) rather than derived from the engine's logic.
        const QHash<AllowInvitesFrom, QList<Who>> admitted = {
            {AllowInvitesFrom::everyone, people},
            {AllowInvitesFrom::adminsGuestInvitersAndAllMembers,
             {Who::Member, Who::GuestWithMemberAccess, Who::GuestInviter, Who::UserAdministrator,
              Who::GlobalAdministrator, Who::AppOwner}},
            {AllowInvitesFrom::adminsAndGuestInviters,
             {Who::GuestInviter, Who::UserAdministrator, Who::GlobalAdministrator}},
            {AllowInvitesFrom::none, {}},
        };
        for (const AllowInvitesFrom setting : settings) {
            for (const Who who : people) {
                for (const ListMode mode : {ListMode::None, ListMode::Allow, ListMode::Deny}) {
                    for (const bool onList : {true, false}) {
                        bool allowed = true;
                        QString rule = QStringLiteral("crossTenant");
                        if (setting == AllowInvitesFrom::none) {
                            allowed = false;
                            rule = QStringLiteral("allowInvitesFrom");
                        } else if (!admitted.value(setting).contains(who)) {
                            allowed = false;
                            rule = QStringLiteral("operatorRole");
                        } else if ((mode == ListMode::Allow && !onList) || (mode == ListMode::Deny && onList)) {
                            allowed = false;
                            rule = QStringLiteral("domainList");
                        }
                        const char *modeName = mode == ListMode::None    ? "any domain"
                                               : mode == ListMode::Allow ? "allow list"
                                                                         : "deny list";
                        QTest::addRow("%s | %s | %s | %s", qPrintable(toString(setting)), qPrintable(whoName(who)),
                                      modeName, onList ? "listed" : "not listed")
                            << int(setting) << int(who) << int(mode) << onList << allowed << rule;
                    }
                }
            }
        }
    }
    void matrix() {
        QFETCH(int, setting);
        QFETCH(int, who);
        QFETCH(int, listMode);
        QFETCH(bool, onList);
        QFETCH(bool, allowed);
        QFETCH(QString, decidingRule);

        CollaborationSettings s;
        s.allowInvitesFrom = AllowInvitesFrom(setting);
        s.guestUserAccess =
            Who(who) == Who::GuestWithMemberAccess ? GuestUserAccess::sameAsMembers : GuestUserAccess::limited;
        // The unlisted domain is a look-alike of a listed one: it must never ride on the listed entry.
        s.domains = {QStringLiteral("contoso.com"), QStringLiteral("*.fabrikam.example"),
                     QStringLiteral("xn--bcher-kva.example")};
        s.restriction = ListMode(listMode) == ListMode::Allow  ? CollaborationRestriction::allowOnlyListed
                        : ListMode(listMode) == ListMode::Deny ? CollaborationRestriction::denyListed
                                                               : CollaborationRestriction::allowAny;
        if (s.restriction == CollaborationRestriction::allowAny) {
            s.domains.clear();
        }
        QVERIFY(s.validate().ok());
        const PolicyEngine engine(s);

        InviteRequest req;
        req.email = onList ? QStringLiteral("alice@Contoso.COM") : QStringLiteral("alice@evil-contoso.com");
        if (Who(who) == Who::AppOwner) {
            req.appIds = {kOwnerApp}; // the owners' self-service path
        }
        const PolicyDecision d = engine.mayInvite(operatorFor(Who(who)), req);
        QCOMPARE(d.allowed, allowed);
        QCOMPARE(d.decidingRule, decidingRule);
        checkTraceShape(d);
        if (allowed) {
            QCOMPARE(d.trace.size(), kFixedOrder.size()); // every rule was checked
        }
        // The same question gives the same answer (deterministic, no hidden state).
        const PolicyDecision again = engine.mayInvite(operatorFor(Who(who)), req);
        QCOMPARE(again.toJson(), d.toJson());

        // The other IDNA spelling of a listed domain gets the same answer.
        if (onList && s.restriction != CollaborationRestriction::allowAny) {
            req.email = QStringLiteral("anna@BÜCHER.example.");
            const PolicyDecision idna = engine.mayInvite(operatorFor(Who(who)), req);
            QCOMPARE(idna.allowed, allowed);
            QCOMPARE(idna.decidingRule, decidingRule);
        }
    }

    // Roles that give no invite right by themselves, and role/user type combinations.
    void otherRoles_data() {
        QTest::addColumn<int>("setting");
        QTest::addColumn<int>("userType");
        QTest::addColumn<int>("role"); // -1: none
        QTest::addColumn<bool>("allowed");
        QTest::addColumn<QString>("decidingRule");
        const auto membersAll = int(AllowInvitesFrom::adminsGuestInvitersAndAllMembers);
        const auto adminsOnly = int(AllowInvitesFrom::adminsAndGuestInviters);
        const auto member = int(UserType::Member);
        const auto guest = int(UserType::Guest);
        for (const Role r : {Role::HelpdeskAdministrator, Role::SecurityAdministrator,
                             Role::ExternalIdentityProviderAdministrator, Role::GlobalReader}) {
            const QByteArray name = roleKey(r).toLatin1();
            QTest::addRow("%s, admins only", name.constData())
                << adminsOnly << member << int(r) << false << QStringLiteral("operatorRole");
            QTest::addRow("%s, members allowed", name.constData())
                << membersAll << member << int(r) << true << QStringLiteral("crossTenant");
            QTest::addRow("%s as limited guest, members allowed", name.constData())
                << membersAll << guest << int(r) << false << QStringLiteral("operatorRole");
        }
        QTest::newRow("guest holding Guest Inviter, admins only")
            << adminsOnly << guest << int(Role::GuestInviter) << true << QStringLiteral("crossTenant");
        QTest::newRow("guest holding User Administrator, admins only")
            << adminsOnly << guest << int(Role::UserAdministrator) << true << QStringLiteral("crossTenant");
        QTest::newRow("limited guest, everyone")
            << int(AllowInvitesFrom::everyone) << guest << -1 << true << QStringLiteral("crossTenant");
        QTest::newRow("Global Administrator, none")
            << int(AllowInvitesFrom::none) << member << int(Role::GlobalAdministrator) << false
            << QStringLiteral("allowInvitesFrom");
    }
    void otherRoles() {
        QFETCH(int, setting);
        QFETCH(int, userType);
        QFETCH(int, role);
        QFETCH(bool, allowed);
        QFETCH(QString, decidingRule);
        CollaborationSettings s;
        s.allowInvitesFrom = AllowInvitesFrom(setting);
        OperatorContext op;
        op.userType = UserType(userType);
        if (role >= 0) {
            op.roles = {Role(role)};
        }
        const PolicyDecision d =
            PolicyEngine(s).mayInvite(op, InviteRequest{QStringLiteral("x@contoso.com"), {}, {}, UserType::Guest});
        QCOMPARE(d.allowed, allowed);
        QCOMPARE(d.decidingRule, decidingRule);
        checkTraceShape(d);
    }

    void memberUserTypeAndTargets_data() {
        QTest::addColumn<int>("who");
        QTest::addColumn<bool>("asMember");
        QTest::addColumn<bool>("withTargets");
        QTest::addColumn<bool>("ownsTargets");
        QTest::addColumn<bool>("allowed");
        QTest::addColumn<QString>("decidingRule");
        const QString ok = QStringLiteral("crossTenant");
        const QString memberRule = QStringLiteral("memberUserType");
        const QString targetRule = QStringLiteral("targetOwnership");
        QTest::newRow("Global Administrator invites a Member")
            << int(Who::GlobalAdministrator) << true << false << false << true << ok;
        QTest::newRow("User Administrator invites a Member")
            << int(Who::UserAdministrator) << true << false << false << true << ok;
        QTest::newRow("Guest Inviter invites a Member")
            << int(Who::GuestInviter) << true << false << false << false << memberRule;
        QTest::newRow("member invites a Member") << int(Who::Member) << true << false << false << false << memberRule;
        QTest::newRow("owner invites a Member") << int(Who::AppOwner) << true << true << true << false << memberRule;
        QTest::newRow("admin adds to groups not owned")
            << int(Who::UserAdministrator) << false << true << false << true << ok;
        QTest::newRow("Guest Inviter adds to groups not owned")
            << int(Who::GuestInviter) << false << true << false << false << targetRule;
        QTest::newRow("Guest Inviter adds to own groups")
            << int(Who::GuestInviter) << false << true << true << true << ok;
        QTest::newRow("member adds to groups not owned")
            << int(Who::Member) << false << true << false << false << targetRule;
        QTest::newRow("owner adds to own groups") << int(Who::AppOwner) << false << true << true << true << ok;
        QTest::newRow("guest adds to groups not owned")
            << int(Who::Guest) << false << true << false << false << targetRule;
    }
    void memberUserTypeAndTargets() {
        QFETCH(int, who);
        QFETCH(bool, asMember);
        QFETCH(bool, withTargets);
        QFETCH(bool, ownsTargets);
        QFETCH(bool, allowed);
        QFETCH(QString, decidingRule);
        const PolicyEngine engine{CollaborationSettings{}}; // everyone may invite
        OperatorContext op = operatorFor(Who(who));
        op.ownsAllTargets = ownsTargets;
        InviteRequest req{QStringLiteral("x@contoso.com"), {}, {}, asMember ? UserType::Member : UserType::Guest};
        if (withTargets) {
            req.groupIds = {QStringLiteral("grp-1"), QStringLiteral("grp-2")};
        }
        const PolicyDecision d = engine.mayInvite(op, req);
        QCOMPARE(d.allowed, allowed);
        QCOMPARE(d.decidingRule, decidingRule);
        checkTraceShape(d);
    }

    void ownerDoesNotBypassAllowInvitesFrom() {
        CollaborationSettings s;
        s.allowInvitesFrom = AllowInvitesFrom::adminsAndGuestInviters;
        OperatorContext owner = operatorFor(Who::AppOwner);
        const PolicyDecision d = PolicyEngine(s).mayInvite(
            owner,
            InviteRequest{QStringLiteral("x@contoso.com"), {QStringLiteral("grp-1")}, {kOwnerApp}, UserType::Guest});
        QVERIFY(!d.allowed);
        QCOMPARE(d.decidingRule, QStringLiteral("operatorRole"));
    }

    // Domain matching through the engine: case, trailing dot, IDNA, subdomains, look-alikes.
    void domainMatching_data() {
        QTest::addColumn<bool>("deny");
        QTest::addColumn<QString>("list");
        QTest::addColumn<QString>("email");
        QTest::addColumn<bool>("allowed");
        const QString bucherUnicode = QStringLiteral("bücher.example");
        QTest::newRow("allow: case") << false << "contoso.com"
                                     << "a@CONTOSO.Com" << true;
        QTest::newRow("allow: trailing dot") << false << "contoso.com"
                                             << "a@contoso.com." << true;
        QTest::newRow("allow: list trailing dot") << false << "Contoso.com."
                                                  << "a@contoso.com" << true;
        QTest::newRow("allow: unicode list, ace address")
            << false << bucherUnicode << "a@xn--bcher-kva.example" << true;
        QTest::newRow("allow: ace list, unicode address")
            << false << "XN--BCHER-KVA.example" << QStringLiteral("a@BÜCHER.example") << true;
        QTest::newRow("allow: look-alike") << false << "contoso.com"
                                           << "a@evil-contoso.com" << false;
        QTest::newRow("allow: suffix without dot") << false << "contoso.com"
                                                   << "a@xcontoso.com" << false;
        QTest::newRow("allow: listed as prefix") << false << "contoso.com"
                                                 << "a@contoso.com.evil.example" << false;
        QTest::newRow("allow: exact only") << false << "contoso.com"
                                           << "a@eu.contoso.com" << false;
        QTest::newRow("allow: wildcard child") << false << "*.contoso.com"
                                               << "a@eu.contoso.com" << true;
        QTest::newRow("allow: wildcard grandchild") << false << "*.contoso.com"
                                                    << "a@x.eu.contoso.com" << true;
        QTest::newRow("allow: wildcard not apex") << false << "*.contoso.com"
                                                  << "a@contoso.com" << false;
        QTest::newRow("allow: wildcard look-alike") << false << "*.contoso.com"
                                                    << "a@evil-contoso.com" << false;
        QTest::newRow("allow: wildcard and apex") << false << "contoso.com\n*.contoso.com"
                                                  << "a@contoso.com" << true;
        QTest::newRow("allow: parent of listed") << false << "eu.contoso.com"
                                                 << "a@contoso.com" << false;
        QTest::newRow("allow: empty list admits nobody") << false << ""
                                                         << "a@contoso.com" << false;
        QTest::newRow("allow: idna subdomain wildcard")
            << false << QStringLiteral("*.bücher.example") << "a@mail.xn--bcher-kva.example" << true;
        QTest::newRow("deny: listed") << true << "contoso.com"
                                      << "a@contoso.com" << false;
        QTest::newRow("deny: case and dot") << true << "contoso.com"
                                            << "a@Contoso.COM." << false;
        QTest::newRow("deny: subdomain") << true << "contoso.com"
                                         << "a@eu.contoso.com" << false;
        QTest::newRow("deny: deep subdomain") << true << "contoso.com"
                                              << "a@a.b.c.contoso.com" << false;
        QTest::newRow("deny: look-alike") << true << "contoso.com"
                                          << "a@evil-contoso.com" << true;
        QTest::newRow("deny: suffix without dot") << true << "contoso.com"
                                                  << "a@xcontoso.com" << true;
        QTest::newRow("deny: other tld") << true << "contoso.com"
                                         << "a@contoso.co" << true;
        QTest::newRow("deny: listed as prefix") << true << "contoso.com"
                                                << "a@contoso.com.evil.example" << true;
        QTest::newRow("deny: parent of listed") << true << "eu.contoso.com"
                                                << "a@contoso.com" << true;
        QTest::newRow("deny: wildcard apex") << true << "*.contoso.com"
                                             << "a@contoso.com" << true;
        QTest::newRow("deny: wildcard child") << true << "*.contoso.com"
                                              << "a@eu.contoso.com" << false;
        QTest::newRow("deny: ace list, unicode address")
            << true << "xn--bcher-kva.example" << QStringLiteral("a@BÜCHER.example") << false;
        QTest::newRow("deny: unicode list, unicode subdomain")
            << true << bucherUnicode << QStringLiteral("a@mail.bücher.example") << false;
        QTest::newRow("deny: last @ decides") << true << "contoso.com"
                                              << "\"x@fabrikam.example\"@contoso.com" << false;
        QTest::newRow("deny: empty list") << true << ""
                                          << "a@contoso.com" << true;
    }
    void domainMatching() {
        QFETCH(bool, deny);
        QFETCH(QString, list);
        QFETCH(QString, email);
        QFETCH(bool, allowed);
        const PolicyEngine engine(listSettings(
            deny ? CollaborationRestriction::denyListed : CollaborationRestriction::allowOnlyListed, list));
        const PolicyDecision d = engine.mayInvite(OperatorContext{}, InviteRequest{email, {}, {}, UserType::Guest});
        QCOMPARE(d.allowed, allowed);
        QCOMPARE(d.decidingRule, allowed ? QStringLiteral("crossTenant") : QStringLiteral("domainList"));
        checkTraceShape(d);
        // The same list step backs redemption and the impact preview.
        const PolicyDecision r = engine.mayRedeem(email);
        QCOMPARE(r.allowed, allowed);
        QCOMPARE(r.decidingRule, d.decidingRule);
        const TraceStep &listStep = d.trace.at(d.trace.size() - (allowed ? 2 : 1));
        QCOMPARE(listStep.rule, QStringLiteral("domainList"));
        QString why;
        QCOMPARE(engine.domainAllowed(listStep.input, &why), allowed);
        QCOMPARE(why, listStep.verdict);
    }

    void emailAddress_data() {
        QTest::addColumn<QString>("email");
        QTest::addColumn<bool>("valid");
        QTest::newRow("no at") << "alice" << false;
        QTest::newRow("no local part") << "@contoso.com" << false;
        QTest::newRow("no domain") << "alice@" << false;
        QTest::newRow("single label") << "alice@contoso" << false;
        QTest::newRow("space in domain") << "alice@con toso.com" << false;
        QTest::newRow("hyphen label") << "alice@-contoso.com" << false;
        QTest::newRow("double dot") << "alice@contoso..com" << false;
        QTest::newRow("url") << "alice@https://contoso.com" << false;
        QTest::newRow("plain") << "alice@contoso.com" << true;
        QTest::newRow("idna") << QStringLiteral("alice@bücher.example") << true;
        QTest::newRow("digits") << "alice@123.example" << true;
    }
    void emailAddress() {
        QFETCH(QString, email);
        QFETCH(bool, valid);
        const PolicyEngine engine{CollaborationSettings{}};
        const PolicyDecision d = engine.mayInvite(OperatorContext{}, InviteRequest{email, {}, {}, UserType::Guest});
        QCOMPARE(d.allowed, valid);
        QCOMPARE(d.decidingRule, valid ? QStringLiteral("crossTenant") : QStringLiteral("emailAddress"));
        checkTraceShape(d);
        if (!valid) {
            QVERIFY2(d.reason.contains(email), qPrintable(d.reason));
        }
        const PolicyDecision r = engine.mayRedeem(email);
        QCOMPARE(r.allowed, valid);
    }

    // SPEC §2: a pending invitation whose domain has since been blocked fails at redemption.
    void redeemAfterDomainBlocked() {
        const QString email = QStringLiteral("alice@eu.contoso.com");
        const PolicyEngine before{CollaborationSettings{}};
        QVERIFY(before.mayInvite(OperatorContext{}, InviteRequest{email, {}, {}, UserType::Guest}).allowed);
        QVERIFY(before.mayRedeem(email).allowed);

        const PolicyEngine denied(listSettings(CollaborationRestriction::denyListed, QStringLiteral("contoso.com")));
        const PolicyDecision r = denied.mayRedeem(email);
        QVERIFY(!r.allowed);
        QCOMPARE(r.decidingRule, QStringLiteral("domainList"));
        checkTraceShape(r,
                        {QStringLiteral("emailAddress"), QStringLiteral("domainList"), QStringLiteral("crossTenant")});

        const PolicyEngine allowOther(
            listSettings(CollaborationRestriction::allowOnlyListed, QStringLiteral("fabrikam.example")));
        QVERIFY(!allowOther.mayRedeem(email).allowed);

        const PolicyDecision ok = before.mayRedeem(email);
        QCOMPARE(ok.decidingRule, QStringLiteral("crossTenant"));
        QCOMPARE(ok.trace.size(), 3);
    }

    void crossTenantDefault() {
        const PolicyDecision d = PolicyEngine{CollaborationSettings{}}.mayInvite(
            OperatorContext{}, InviteRequest{QStringLiteral("a@contoso.com"), {}, {}, UserType::Guest});
        QVERIFY(d.allowed);
        const TraceStep &last = d.trace.last();
        QCOMPARE(last.rule, QStringLiteral("crossTenant"));
        QCOMPARE(last.input, QStringLiteral("contoso.com"));
        QVERIFY(last.decisive);
        QVERIFY(last.passed);
    }

    void crossTenantHook() {
        QList<CrossTenantQuery> seen;
        std::atomic<int> calls = 0;
        const CrossTenantCheck hook = [&](const CrossTenantQuery &q) {
            ++calls;
            seen.append(q);
            const bool blocked = q.domain == QStringLiteral("contoso.com");
            return CrossTenantVerdict{!blocked, QStringLiteral("partner Contoso, inbound"),
                                      blocked ? QStringLiteral("blocked") : QStringLiteral("allowed"),
                                      blocked ? QStringLiteral("Contoso is blocked inbound.") : QString()};
        };
        CollaborationSettings s = listSettings(CollaborationRestriction::denyListed, QStringLiteral("wingtip.example"));
        const PolicyEngine engine(s, hook);
        const OperatorContext op = operatorFor(Who::UserAdministrator);
        const InviteRequest req{QStringLiteral("a@Contoso.com"), {}, {kOwnerApp}, UserType::Guest};

        const PolicyDecision d = engine.mayInvite(op, req);
        QVERIFY(!d.allowed);
        QCOMPARE(d.decidingRule, QStringLiteral("crossTenant"));
        QCOMPARE(d.reason, QStringLiteral("Contoso is blocked inbound."));
        QCOMPARE(d.trace.at(d.trace.size() - 2).rule, QStringLiteral("domainList"));
        QCOMPARE(d.trace.last().input, QStringLiteral("partner Contoso, inbound"));
        checkTraceShape(d);
        QCOMPARE(seen.size(), 1);
        QCOMPARE(seen.at(0).domain, QStringLiteral("contoso.com"));
        QCOMPARE(seen.at(0).op, &op);
        QCOMPARE(seen.at(0).request, &req);
        QVERIFY(!seen.at(0).redemption);

        const PolicyDecision r = engine.mayRedeem(QStringLiteral("b@contoso.com"));
        QVERIFY(!r.allowed);
        QCOMPARE(r.decidingRule, QStringLiteral("crossTenant"));
        QVERIFY(seen.last().redemption);
        QVERIFY(seen.last().op == nullptr);

        QVERIFY(
            engine.mayInvite(op, InviteRequest{QStringLiteral("a@fabrikam.example"), {}, {}, UserType::Guest}).allowed);
        // A domain the list refuses never reaches the cross-tenant step.
        const int before = calls;
        const PolicyDecision denied =
            engine.mayInvite(op, InviteRequest{QStringLiteral("a@wingtip.example"), {}, {}, UserType::Guest});
        QCOMPARE(denied.decidingRule, QStringLiteral("domainList"));
        QCOMPARE(int(calls), before);

        // A hook that refuses without a reason still gives the user one.
        const PolicyEngine silent(CollaborationSettings{}, [](const CrossTenantQuery &) {
            return CrossTenantVerdict{false, {}, QStringLiteral("no"), {}};
        });
        const PolicyDecision s2 = silent.mayRedeem(QStringLiteral("a@contoso.com"));
        QVERIFY(!s2.allowed);
        QVERIFY(!s2.reason.isEmpty());
        QCOMPARE(s2.trace.last().input, QStringLiteral("contoso.com"));
    }

    void traceJson() {
        CollaborationSettings s;
        s.allowInvitesFrom = AllowInvitesFrom::adminsAndGuestInviters;
        const PolicyDecision d = PolicyEngine(s).mayInvite(
            operatorFor(Who::Member), InviteRequest{QStringLiteral("a@contoso.com"), {}, {}, UserType::Guest});
        const QJsonObject j = d.toJson();
        QCOMPARE(j.value(QStringLiteral("allowed")).toBool(true), false);
        QCOMPARE(j.value(QStringLiteral("decidingRule")).toString(), QStringLiteral("operatorRole"));
        QCOMPARE(j.value(QStringLiteral("reason")).toString(), d.reason);
        const QJsonArray steps = j.value(QStringLiteral("trace")).toArray();
        QCOMPARE(steps.size(), 2);
        QCOMPARE(steps.at(0).toObject().value(QStringLiteral("rule")).toString(), QStringLiteral("allowInvitesFrom"));
        QVERIFY(steps.at(0)
                    .toObject()
                    .value(QStringLiteral("input"))
                    .toString()
                    .contains(QStringLiteral("adminsAndGuestInviters")));
        QCOMPARE(steps.at(1).toObject().value(QStringLiteral("decisive")).toBool(), true);
        QCOMPARE(steps.at(1).toObject().value(QStringLiteral("passed")).toBool(true), false);
        QVERIFY(steps.at(1).toObject().value(QStringLiteral("input")).toString().contains(QStringLiteral("Member")));
    }

    void operatorInputNamesRoles() {
        const PolicyEngine engine{CollaborationSettings{}};
        OperatorContext op;
        op.userType = UserType::Guest;
        op.roles = {Role::GuestInviter, Role::HelpdeskAdministrator};
        const PolicyDecision d =
            engine.mayInvite(op, InviteRequest{QStringLiteral("a@contoso.com"), {}, {}, UserType::Guest});
        const QString input = d.trace.at(1).input;
        QVERIFY2(input.contains(roleLabel(Role::GuestInviter)), qPrintable(input));
        QVERIFY2(input.contains(roleLabel(Role::HelpdeskAdministrator)), qPrintable(input));
        QVERIFY2(input.contains(QStringLiteral("limited")), qPrintable(input));
    }

    // Copies share the built data; a copy outlives the original (the lookup views stay valid).
    void copyAndThreads() {
        std::optional<PolicyEngine> original;
        original.emplace(
            listSettings(CollaborationRestriction::denyListed, QStringLiteral("contoso.com\n*.wingtip.example")));
        const PolicyEngine copy = *original;
        original.reset();
        QCOMPARE(copy.settings().domains.size(), 2);
        QVERIFY(!copy.domainAllowed(QStringLiteral("eu.contoso.com")));
        QVERIFY(copy.domainAllowed(QStringLiteral("wingtip.example")));

        std::atomic<int> wrong = 0;
        std::vector<std::thread> threads;
        for (int t = 0; t < 4; ++t) {
            threads.emplace_back([&copy, &wrong] {
                for (int i = 0; i < 2000; ++i) {
                    const bool contoso = i % 2 == 0;
                    const PolicyDecision d = copy.mayInvite(
                        OperatorContext{}, InviteRequest{contoso ? QStringLiteral("a@x.contoso.com")
                                                                 : QStringLiteral("a@x.fabrikam.example"),
                                                         {},
                                                         {},
                                                         UserType::Guest});
                    if (d.allowed == contoso) {
                        ++wrong;
                    }
                }
            });
        }
        for (std::thread &t : threads) {
            t.join();
        }
        QCOMPARE(int(wrong), 0);
    }
};

QTEST_GUILESS_MAIN(tst_PolicyEngine)
#include "tst_policyengine.moc"
