#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

namespace atrium::core {

// One rule the engine checked. `rule` is a stable id (the console and tests key on it):
//   "allowInvitesFrom"  the invite setting and whom it admits
//   "operatorRole"      the operator's user type and roles against that setting
//   "memberUserType"    inviting someone as userType Member needs an administrator
//   "targetOwnership"   adding the guest to groups/apps needs ownership of all of them or an administrator
//   "emailAddress"      the address has a local part and a valid domain
//   "domainList"        the collaboration restriction (allow/deny list)
//   "crossTenant"       cross-tenant access settings for the domain
// `input` is what the rule looked at, `verdict` what it said (both user-readable, translated).
struct TraceStep {
    QString rule;
    QString input;
    QString verdict;
    bool decisive = false; // the step that decided the outcome (exactly one per decision)
    bool passed = true;    // false: this step refused
};

struct PolicyDecision {
    bool allowed = false;
    QString decidingRule;   // the rule of the decisive step
    QString reason;         // user-readable sentence: why refused, or that it is allowed
    QList<TraceStep> trace; // in the order checked; checking stops at the first refusal

    // {"allowed", "decidingRule", "reason", "trace": [{"rule", "input", "verdict", "decisive", "passed"}]}
    QJsonObject toJson() const;
};

} // namespace atrium::core
