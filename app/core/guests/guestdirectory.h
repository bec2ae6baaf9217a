#pragma once

#include "core/base/result.h"
#include "core/guests/guestquery.h"
#include "core/guests/guestrow.h"
#include "core/storage/connectioninfo.h"

#include <QSqlDatabase>

#include <functional>
#include <optional>

QT_BEGIN_NAMESPACE
class QIODevice;
QT_END_NAMESPACE

namespace atrium::core {

// Reads of the guest directory that stay fast at a million guests: filtering, sorting and paging all
// happen in the database, a page at a time, never over all rows in memory.
//
// Paging is keyset ("seek") paging: a page starts after the previous page's last (sort key, id),
// "(key, id) > (?, ?)", which every sort index (one per column, ending in id) answers as a range
// scan; there is no OFFSET, so the page at the end costs what the first page costs.
//
// The plan, chosen per page so that the work is bounded for any search term and filter:
//  1. Candidate sources are the selective parts of the query: the search (SQLite: FTS5 MATCH of
//     prefix words; whole-address terms with '@': a range on the mail index), the plain filters
//     together (domain, state, creation type, pending age, no sign-in) over the covering index of
//     the leading one, and "no sign-in for N days" over its own index. Each is probed with
//     "SELECT count(*) FROM (source LIMIT kProbeLimit)", which reads at most kProbeLimit index entries.
//  2. If the smallest source has fewer than kProbeLimit rows ("few"), those rows are fetched by rowid,
//     the other filters and the keyset bound are applied, and the survivors are sorted in a small
//     temporary b-tree (at most kProbeLimit rows).
//  3. Otherwise ("many": at least kProbeLimit/total of the rows match), the sort index is walked in
//     order from the cursor and each row is tested cheaply (the FTS test seeks one rowid in the
//     doclists); since matches are dense, a page of N rows reads about N*total/kProbeLimit index
//     entries at worst.
// What this does not bound: a dense search whose conjunction with dense filters is rare walks the
// sort index until a page is full. On PostgreSQL the same query is sent as one statement and the
// planner picks between the GIN/prefix index and the sort index with its statistics.
//
// Deleted guests (deleted_at set) are never returned. Functions take the calling thread's connection
// (Database::connection()) so the console runs them on its worker thread.
class GuestDirectory final {
public:
    GuestDirectory() = delete;

    static constexpr int kProbeLimit = 5000;
    // Tests force either plan with it (1: always walk; a huge value: always materialize).
    static void setProbeLimit(int limit);
    static int probeLimit();
    static constexpr int kCountCap = 10000;

    // One page of at most limit rows after cursor (nullopt: from the start). Sponsor names of the
    // whole page are resolved in one batched query.
    static Result<GuestPage> fetchPage(QSqlDatabase &db, Engine engine, const GuestQuery &query,
                                       const std::optional<GuestCursor> &cursor, int limit);

    // The number of guests the query shows, exact up to kCountCap (counting a million rows exactly
    // takes longer than a keystroke may), then capped.
    static Result<GuestCount> count(QSqlDatabase &db, Engine engine, const GuestQuery &query);

    // Streams every guest the query shows, in its order, page by page. progress (optional) gets the
    // rows written so far and may return false to cancel (ErrorCode::Cancelled; the file is partial).
    static Result<qint64> exportCsv(QSqlDatabase &db, Engine engine, const GuestQuery &query, QIODevice *device,
                                    const std::function<bool(qint64)> &progress = {});
    static QStringList csvHeader();

    // Which plan fetchPage() used last on this thread (for tests and benchmarks): "walk", "few:fts",
    // "few:mail", "few:filters", "few:inactive", or "pg".
    static QString lastPlan();
};

} // namespace atrium::core
