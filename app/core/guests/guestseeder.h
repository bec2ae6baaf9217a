#pragma once

#include "core/base/clock.h"
#include "core/base/result.h"
#include "core/storage/database.h"

#include <functional>

namespace atrium::core {

struct SeedOptions {
    quint32 randomSeed = 20240601; // same seed, same directory
    int batchSize = 50000;         // rows per transaction
    std::function<void(int done, int total)> progress;
};

// Fills the directory with n realistic guests for benchmarks and demos: names from lists, partner
// domains with a skewed (Zipf-like) distribution, both states, both creation types, sign-in times
// spread over three years (some never), a few blocked, 0-3 sponsors, invited by one of a handful of
// seeded members. Written with prepared statements in big transactions, not through
// InvitationService (a million invitations that way would take hours), so the seeded guests have
// no invitations and no redemption tokens: "resend" and "copy redemption link" have nothing to act
// on for them. Returns the number of guests written. On SQLite synchronous is relaxed while seeding.
Result<int> seedGuests(Database &db, const Clock &clock, int n, const SeedOptions &options = {});

} // namespace atrium::core
