#pragma once

#include "core/policy/policycontext.h"

#include <QString>
#include <functional>

namespace atrium::core {

// The cross-tenant step of the policy engine (SPEC §4: "an allowed domain is invited unless
// cross-tenant settings block it; a domain on neither list is decided by cross-tenant settings").
// The cross-tenant access work plugs in here; the step's place in the trace (after "domainList",
// last) is fixed by the engine.
struct CrossTenantQuery {
    QString domain;                         // normalized domain of the address
    QString email;                          // as given
    const OperatorContext *op = nullptr;    // null for redemption
    const InviteRequest *request = nullptr; // null for redemption
    bool redemption = false;                // true: mayRedeem, false: mayInvite
};

struct CrossTenantVerdict {
    bool allowed = true;
    QString input;   // e.g. "partner Contoso (tenant …), inbound B2B collaboration"
    QString verdict; // what the settings said
    QString reason;  // user-readable sentence when refused
};

// Must be pure and thread-safe: engines are shared across threads and called concurrently.
using CrossTenantCheck = std::function<CrossTenantVerdict(const CrossTenantQuery &)>;

} // namespace atrium::core
