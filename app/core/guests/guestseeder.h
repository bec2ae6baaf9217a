#pragma once

#include "core/base/clock.h"
#include "core/base/result.h"
#include "core/storage/database.h"

#include <functional>

namespace atrium::core {

// How the rows are written; both give the same directory (tests compare them).
enum class SeedMethod {
    // Bulk on SQLite when the directory has no guests yet, otherwise row by row.
    Auto,
    // Batches of batchSize rows; every index and trigger is maintained per row.
    RowByRow,
    // SQLite only (PostgreSQL writes row by row): one transaction that drops the secondary indexes of
    // users and sponsors and the two insert triggers whose work it does itself (the search index
    // entry, the sponsors sort key), appends the rows, then creates the indexes and triggers again
    // from their DDL as stored in sqlite_master (i.e. exactly what the migrations created) and
    // rebuilds the search index. Nothing is visible, and nothing is lost, until it commits.
    BulkRebuild,
};

struct SeedOptions {
    quint32 randomSeed = 20240601; // same seed, same directory
    int batchSize = 50000;         // rows per transaction (RowByRow)
    SeedMethod method = SeedMethod::Auto;
    std::function<void(int done, int total)> progress;
};

// Fills the directory with n realistic guests for benchmarks and demos: names from lists, partner
// domains with a skewed (Zipf-like) distribution, both states, both creation types, sign-in times
// spread over three years (some never), a few blocked, 0-3 sponsors, invited by one of a handful of
// seeded members. Written with prepared statements in big transactions, not through
// InvitationService (a million invitations that way would take hours), so the seeded guests have
// no invitations and no redemption tokens: "resend" and "copy redemption link" have nothing to act
// on for them. Returns the number of guests written. On SQLite synchronous is relaxed and the page
// cache enlarged while seeding. A million guests into an empty SQLite directory take about a minute
// with SeedMethod::BulkRebuild (row by row: ~18 minutes, each row updating ~28 indexes and FTS5).
Result<int> seedGuests(Database &db, const Clock &clock, int n, const SeedOptions &options = {});

} // namespace atrium::core
