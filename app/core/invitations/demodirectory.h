#pragma once

#include "core/services/demoorganization.h"
#include "core/storage/connectioninfo.h"

namespace atrium::core {

class SecretStore;

// Fills an empty database with the realistic sample directory "Fabrikam" (fabrikam.example): the
// organization (members in every role, groups, applications with owners) and about fifty guests from
// partner organizations in every state — pending (some for weeks), accepted through a partner
// directory, Google, email one-time passcode or a Microsoft account, and a few blocked. Guests are
// invited through InvitationService (so they have real redemption tokens, whose key goes to the
// keychain); their redemptions are sample history, audited as such.
Result<DemoSummary> seedDemoDirectory(Database &db, const Clock &clock, SecretStore &secrets);

// The sample as a new SQLite file at info.path: seeded into "<path>.part" and renamed to the path only
// when whole, so that an interrupted load (a killed process, a keychain prompt never answered) never
// leaves a half sample that later opens as if it were complete. Refuses a path that exists.
Result<DemoSummary> createDemoSqliteFile(const ConnectionInfo &info, const Clock &clock, SecretStore &secrets);

} // namespace atrium::core
