#pragma once

#include "core/services/demoorganization.h"

namespace atrium::core {

class SecretStore;

// Fills an empty database with the realistic sample directory "Fabrikam" (fabrikam.example): the
// organization (members in every role, groups, applications with owners) and about fifty guests from
// partner organizations in every state — pending (some for weeks), accepted through a partner
// directory, Google, email one-time passcode or a Microsoft account, and a few blocked. Guests are
// invited through InvitationService (so they have real redemption tokens, whose key goes to the
// keychain); their redemptions are sample history, audited as such.
Result<DemoSummary> seedDemoDirectory(Database &db, const Clock &clock, SecretStore &secrets);

} // namespace atrium::core
