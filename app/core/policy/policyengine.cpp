#include "core/policy/policyengine.h"

#include "core/base/domainname.h"
#include "core/policy/domainfastpath.h"

#include <QCoreApplication>
#include <QSet>
#include <array>

namespace atrium::core {

const QString PolicyEngine::RuleAllowInvitesFrom = QStringLiteral("allowInvitesFrom");
const QString PolicyEngine::RuleOperatorRole = QStringLiteral("operatorRole");
const QString PolicyEngine::RuleMemberUserType = QStringLiteral("memberUserType");
const QString PolicyEngine::RuleTargetOwnership = QStringLiteral("targetOwnership");
const QString PolicyEngine::RuleEmailAddress = QStringLiteral("emailAddress");
const QString PolicyEngine::RuleDomainList = QStringLiteral("domainList");
const QString PolicyEngine::RuleCrossTenant = QStringLiteral("crossTenant");

namespace {
QString tr(const char *text) {
    return QCoreApplication::translate("atrium::core::PolicyEngine", text);
}

// Who the operator is for allowInvitesFrom, strongest first.
enum class InviterClass { Administrator, GuestInviter, Member, GuestAsMember, Guest };
constexpr int kInviterClasses = 5;

bool admits(AllowInvitesFrom setting, InviterClass c) {
    switch (setting) {
    case AllowInvitesFrom::everyone:
        return true;
    case AllowInvitesFrom::adminsGuestInvitersAndAllMembers:
        return c != InviterClass::Guest;
    case AllowInvitesFrom::adminsAndGuestInviters:
        return c == InviterClass::Administrator || c == InviterClass::GuestInviter;
    case AllowInvitesFrom::none:
        return false;
    }
    return false;
}

constexpr int kRoleBits = 7; // Role has 7 values; the table below has one text per role subset
static_assert(int(Role::GlobalReader) == kRoleBits - 1, "update kRoleBits when Role grows");

int roleMask(const QSet<Role> &roles) {
    int mask = 0;
    for (const Role r : roles) {
        mask |= 1 << int(r);
    }
    return mask;
}

bool isAdministrator(int mask) {
    return (mask & ((1 << int(Role::GlobalAdministrator)) | (1 << int(Role::UserAdministrator)))) != 0;
}

struct ListMatch {
    enum Kind { None, Exact, Parent, Wildcard } kind = None;
    QStringView entry; // the listed domain that matched (for Wildcard: the part after "*.")
};
} // namespace

struct PolicyEngine::Data {
    CollaborationSettings settings;
    CrossTenantCheck crossTenant;
    QSet<QStringView> exact;    // plain entries; views into settings.domains
    QSet<QStringView> wildcard; // "*.x" entries, stored as x

    // Texts built once per engine so a decision copies shared strings instead of translating.
    QString allowInvitesInput;
    QString allowInvitesVerdict;
    QString noneReason;
    std::array<QString, 2 << kRoleBits> operatorInput; // [userType * 2^bits + roleMask]
    std::array<QString, kInviterClasses> classVerdict;
    std::array<QString, kInviterClasses> classReason; // for refused classes
    QString asMemberInput, asGuestInput, memberAllowed, memberRefused, memberReason, guestTypeVerdict;
    QString noTargetsInput, ownsTargetsInput, notOwnsTargetsInput;
    QString noTargetsVerdict, ownsTargetsVerdict, adminTargetsVerdict, targetsRefused, targetsReason;
    QString emailValid, emailNoAt, emailNoLocal, emailReasonTemplate;
    QString anyVerdict, notOnDeny, onDeny, onAllow, notOnAllow, parentOnDenyTemplate, wildcardDenyTemplate,
        wildcardAllowTemplate, denyReasonTemplate, allowReasonTemplate;
    QString crossTenantDefaultVerdict, crossTenantFallbackReason;
    QString inviteAllowed, redeemAllowed;

    ListMatch match(QStringView domain) const {
        const bool deny = settings.restriction == CollaborationRestriction::denyListed;
        if (exact.contains(domain)) {
            return {ListMatch::Exact, domain};
        }
        for (qsizetype dot = domain.indexOf(QLatin1Char('.')); dot >= 0;
             dot = domain.indexOf(QLatin1Char('.'), dot + 1)) {
            const QStringView parent = domain.mid(dot + 1);
            if (wildcard.contains(parent)) {
                return {ListMatch::Wildcard, parent};
            }
            if (deny && exact.contains(parent)) {
                return {ListMatch::Parent, parent};
            }
        }
        return {};
    }

    // The list step; returns whether it passed, and the verdict and (when refused) the reason.
    bool listStep(const QString &domain, QString &verdict, QString *reason) const {
        switch (settings.restriction) {
        case CollaborationRestriction::allowAny:
            verdict = anyVerdict;
            return true;
        case CollaborationRestriction::denyListed: {
            const ListMatch m = match(domain);
            switch (m.kind) {
            case ListMatch::None:
                verdict = notOnDeny;
                return true;
            case ListMatch::Exact:
                verdict = onDeny;
                break;
            case ListMatch::Parent:
                verdict = parentOnDenyTemplate.arg(m.entry);
                break;
            case ListMatch::Wildcard:
                verdict = wildcardDenyTemplate.arg(m.entry);
                break;
            }
            if (reason) {
                *reason = denyReasonTemplate.arg(domain);
            }
            return false;
        }
        case CollaborationRestriction::allowOnlyListed: {
            const ListMatch m = match(domain);
            if (m.kind == ListMatch::Exact) {
                verdict = onAllow;
                return true;
            }
            if (m.kind == ListMatch::Wildcard) {
                verdict = wildcardAllowTemplate.arg(m.entry);
                return true;
            }
            verdict = notOnAllow;
            if (reason) {
                *reason = allowReasonTemplate.arg(domain);
            }
            return false;
        }
        }
        return false;
    }

    // The email step: on success `domain` is the normalized domain.
    bool emailStep(const QString &email, QString &domain, QString &verdict, QString &reason) const {
        const qsizetype at = email.lastIndexOf(QLatin1Char('@'));
        if (at < 0) {
            verdict = emailNoAt;
        } else if (at == 0) {
            verdict = emailNoLocal;
        } else {
            const QStringView part = QStringView(email).mid(at + 1);
            if (normalizePlainAsciiDomain(part, domain)) {
                verdict = emailValid;
                return true;
            }
            const auto normalized = normalizeDomain(part.toString());
            if (normalized) {
                domain = *normalized;
                verdict = emailValid;
                return true;
            }
            verdict = normalized.error().message;
        }
        reason = emailReasonTemplate.arg(email, verdict);
        return false;
    }

    void crossTenantStep(PolicyDecision &out, const CrossTenantQuery &q) const {
        if (!crossTenant) {
            out.trace.append(TraceStep{RuleCrossTenant, q.domain, crossTenantDefaultVerdict, false, true});
            return;
        }
        CrossTenantVerdict v = crossTenant(q);
        if (!v.allowed && v.reason.isEmpty()) {
            v.reason = crossTenantFallbackReason;
        }
        out.trace.append(
            TraceStep{RuleCrossTenant, v.input.isEmpty() ? q.domain : v.input, v.verdict, false, v.allowed});
        if (!v.allowed) {
            out.reason = v.reason;
        }
    }
};

namespace {
// Marks the last step as the deciding one.
PolicyDecision &decide(PolicyDecision &out, const QString &reason) {
    TraceStep &last = out.trace.last();
    last.decisive = true;
    out.allowed = last.passed;
    out.decidingRule = last.rule;
    out.reason = reason;
    return out;
}
} // namespace

PolicyEngine::PolicyEngine(CollaborationSettings settings, CrossTenantCheck crossTenant) {
    auto d = std::make_shared<Data>();
    d->settings = std::move(settings);
    d->crossTenant = std::move(crossTenant);
    const CollaborationSettings &s = d->settings;

    if (s.restriction != CollaborationRestriction::allowAny) {
        d->exact.reserve(s.domains.size());
        for (const QString &entry : s.domains) {
            if (isWildcardEntry(entry)) {
                d->wildcard.insert(QStringView(entry).mid(2));
            } else {
                d->exact.insert(QStringView(entry));
            }
        }
    }

    // allowInvitesFrom
    d->allowInvitesInput = tr("Invite setting (allowInvitesFrom): %1").arg(toString(s.allowInvitesFrom));
    switch (s.allowInvitesFrom) {
    case AllowInvitesFrom::everyone:
        d->allowInvitesVerdict = tr("Everyone may invite, guests included.");
        break;
    case AllowInvitesFrom::adminsGuestInvitersAndAllMembers:
        d->allowInvitesVerdict = tr("Administrators, Guest Inviters and members may invite; guests only when "
                                    "guest user access is \"same as members\".");
        break;
    case AllowInvitesFrom::adminsAndGuestInviters:
        d->allowInvitesVerdict = tr("Only Global Administrators, User Administrators and Guest Inviters may invite.");
        break;
    case AllowInvitesFrom::none:
        d->allowInvitesVerdict = tr("Nobody may invite, administrators included.");
        break;
    }
    d->noneReason = tr("Guest invitations are turned off in this directory (the invite setting is \"none\"); this "
                       "applies to administrators too. A Global Administrator can change the setting.");

    // operatorRole: one input text per user type and role subset
    const QList<Role> roles = allRoles();
    const QString noRole = tr("no role");
    const QString guestAccess = toString(s.guestUserAccess);
    for (int type = 0; type < 2; ++type) {
        for (int mask = 0; mask < (1 << kRoleBits); ++mask) {
            QStringList labels;
            for (const Role r : roles) {
                if (mask & (1 << int(r))) {
                    labels.append(roleLabel(r));
                }
            }
            const QString roleText = labels.isEmpty() ? noRole : labels.join(QLatin1String(", "));
            d->operatorInput[size_t(type << kRoleBits | mask)] =
                type == 0 ? tr("Member; roles: %1").arg(roleText)
                          : tr("Guest (guest user access: %1); roles: %2").arg(guestAccess, roleText);
        }
    }
    const std::array<QString, kInviterClasses> classText = {
        tr("Counts as an administrator (Global or User Administrator)"),
        tr("Holds the Guest Inviter role"),
        tr("Counts as a member"),
        tr("A guest with member-level access (guest user access is \"same as members\"), so counts as a member"),
        tr("Counts as a guest"),
    };
    const QString mayInviteText = tr("%1: may invite.");
    const QString mayNotInviteText = tr("%1: may not invite under this setting.");
    for (int c = 0; c < kInviterClasses; ++c) {
        const bool ok = admits(s.allowInvitesFrom, InviterClass(c));
        d->classVerdict[size_t(c)] = (ok ? mayInviteText : mayNotInviteText).arg(classText[size_t(c)]);
    }
    const QString adminsOnlyReason = tr("Only Global Administrators, User Administrators and Guest Inviters may "
                                        "invite guests in this directory.");
    const QString membersReason = tr("Only administrators, Guest Inviters and members may invite guests in this "
                                     "directory; a guest counts as a member only when guest user access is \"same "
                                     "as members\".");
    for (int c = 0; c < kInviterClasses; ++c) {
        d->classReason[size_t(c)] =
            s.allowInvitesFrom == AllowInvitesFrom::adminsAndGuestInviters ? adminsOnlyReason : membersReason;
    }

    // memberUserType
    d->asMemberInput = tr("Invited as userType Member");
    d->asGuestInput = tr("Invited as userType Guest");
    d->memberAllowed = tr("The operator is a Global or User Administrator, who may invite members.");
    d->memberRefused = tr("Only a Global or User Administrator may invite someone as a member.");
    d->memberReason = tr("Only a Global Administrator or User Administrator may invite someone as userType Member; "
                         "invite them as a guest instead.");
    d->guestTypeVerdict = tr("Guests need no further permission.");

    // targetOwnership
    d->noTargetsInput = tr("No groups or applications requested");
    d->ownsTargetsInput = tr("Groups or applications requested; the operator owns all of them");
    d->notOwnsTargetsInput = tr("Groups or applications requested; the operator does not own all of them");
    d->noTargetsVerdict = tr("Nothing to check.");
    d->ownsTargetsVerdict = tr("Owners may add guests to what they own.");
    d->adminTargetsVerdict = tr("Administrators may add guests to any group or application.");
    d->targetsRefused = tr("Needs ownership of every requested group and application, or the Global or User "
                           "Administrator role.");
    d->targetsReason = tr("You can add the guest only to groups and applications that you own; a Global or User "
                          "Administrator can add them to the others.");

    // emailAddress
    d->emailValid = tr("A valid address.");
    d->emailNoAt = tr("The address has no @.");
    d->emailNoLocal = tr("The address has nothing before the @.");
    d->emailReasonTemplate = tr("\"%1\" is not a valid email address: %2");

    // domainList
    d->anyVerdict = tr("Invitations to any domain are allowed.");
    d->notOnDeny = tr("Not on the deny list.");
    d->onDeny = tr("On the deny list.");
    d->parentOnDenyTemplate = tr("A subdomain of %1, which is on the deny list.");
    d->wildcardDenyTemplate = tr("Matches the deny-list entry *.%1.");
    d->onAllow = tr("On the allow list.");
    d->wildcardAllowTemplate = tr("Matches the allow-list entry *.%1.");
    d->notOnAllow = tr("Not on the allow list.");
    d->denyReasonTemplate = tr("Invitations to %1 are blocked: the domain is on the deny list.");
    d->allowReasonTemplate = tr("Invitations to %1 are blocked: only the domains on the allow list may be invited.");

    // crossTenant
    d->crossTenantDefaultVerdict = tr("No partner configuration exists for this domain; the default cross-tenant "
                                      "settings allow B2B collaboration both ways.");
    d->crossTenantFallbackReason = tr("The cross-tenant access settings block B2B collaboration with this domain.");

    d->inviteAllowed = tr("The invitation is allowed.");
    d->redeemAllowed = tr("The invitation may be redeemed.");
    m_d = std::move(d);
}

const CollaborationSettings &PolicyEngine::settings() const {
    return m_d->settings;
}

PolicyDecision PolicyEngine::mayInvite(const OperatorContext &op, const InviteRequest &req) const {
    const Data &d = *m_d;
    PolicyDecision out;
    out.trace.reserve(7);

    const bool none = d.settings.allowInvitesFrom == AllowInvitesFrom::none;
    out.trace.append(TraceStep{RuleAllowInvitesFrom, d.allowInvitesInput, d.allowInvitesVerdict, false, !none});
    if (none) {
        return decide(out, d.noneReason);
    }

    const int mask = roleMask(op.roles) & ((1 << kRoleBits) - 1);
    const bool admin = isAdministrator(mask);
    InviterClass cls = InviterClass::Guest;
    if (admin) {
        cls = InviterClass::Administrator;
    } else if (mask & (1 << int(Role::GuestInviter))) {
        cls = InviterClass::GuestInviter;
    } else if (op.userType == UserType::Member) {
        cls = InviterClass::Member;
    } else if (d.settings.guestUserAccess == GuestUserAccess::sameAsMembers) {
        cls = InviterClass::GuestAsMember;
    }
    const bool admitted = admits(d.settings.allowInvitesFrom, cls);
    const int type = op.userType == UserType::Member ? 0 : 1;
    out.trace.append(TraceStep{RuleOperatorRole, d.operatorInput[size_t(type << kRoleBits | mask)],
                               d.classVerdict[size_t(cls)], false, admitted});
    if (!admitted) {
        return decide(out, d.classReason[size_t(cls)]);
    }

    if (req.invitedUserType == UserType::Member) {
        out.trace.append(
            TraceStep{RuleMemberUserType, d.asMemberInput, admin ? d.memberAllowed : d.memberRefused, false, admin});
        if (!admin) {
            return decide(out, d.memberReason);
        }
    } else {
        out.trace.append(TraceStep{RuleMemberUserType, d.asGuestInput, d.guestTypeVerdict, false, true});
    }

    if (req.groupIds.isEmpty() && req.appIds.isEmpty()) {
        out.trace.append(TraceStep{RuleTargetOwnership, d.noTargetsInput, d.noTargetsVerdict, false, true});
    } else {
        const bool ok = admin || op.ownsAllTargets;
        out.trace.append(TraceStep{RuleTargetOwnership, op.ownsAllTargets ? d.ownsTargetsInput : d.notOwnsTargetsInput,
                                   op.ownsAllTargets ? d.ownsTargetsVerdict
                                   : admin           ? d.adminTargetsVerdict
                                                     : d.targetsRefused,
                                   false, ok});
        if (!ok) {
            return decide(out, d.targetsReason);
        }
    }

    QString domain;
    QString verdict;
    QString reason;
    const bool emailOk = d.emailStep(req.email, domain, verdict, reason);
    out.trace.append(TraceStep{RuleEmailAddress, req.email, verdict, false, emailOk});
    if (!emailOk) {
        return decide(out, reason);
    }

    const bool listOk = d.listStep(domain, verdict, &reason);
    out.trace.append(TraceStep{RuleDomainList, domain, verdict, false, listOk});
    if (!listOk) {
        return decide(out, reason);
    }

    d.crossTenantStep(out, CrossTenantQuery{domain, req.email, &op, &req, false});
    return decide(out, out.trace.last().passed ? d.inviteAllowed : out.reason);
}

PolicyDecision PolicyEngine::mayRedeem(const QString &email) const {
    const Data &d = *m_d;
    PolicyDecision out;
    out.trace.reserve(3);

    QString domain;
    QString verdict;
    QString reason;
    const bool emailOk = d.emailStep(email, domain, verdict, reason);
    out.trace.append(TraceStep{RuleEmailAddress, email, verdict, false, emailOk});
    if (!emailOk) {
        return decide(out, reason);
    }
    const bool listOk = d.listStep(domain, verdict, &reason);
    out.trace.append(TraceStep{RuleDomainList, domain, verdict, false, listOk});
    if (!listOk) {
        return decide(out, reason);
    }
    d.crossTenantStep(out, CrossTenantQuery{domain, email, nullptr, nullptr, true});
    return decide(out, out.trace.last().passed ? d.redeemAllowed : out.reason);
}

bool PolicyEngine::domainAllowed(const QString &normalizedDomain, QString *why) const {
    QString verdict;
    const bool ok = m_d->listStep(normalizedDomain, verdict, nullptr);
    if (why) {
        *why = verdict;
    }
    return ok;
}

} // namespace atrium::core
