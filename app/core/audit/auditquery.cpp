#include "core/audit/auditquery.h"

#include "core/storage/database.h"

#include <QCoreApplication>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>
#include <atomic>
#include <functional>
#include <limits>
#include <vector>
#include <QJsonDocument>

namespace atrium::core {
namespace {
QString tr(const char *s) { return QCoreApplication::translate("atrium::core::AuditQuery", s); }

const QString kColumns = QStringLiteral("id, at_ms, actor_id, actor_name, activity, category, target_type, target_id, "
                                        "target_name, result, reason, before_json, after_json, correlation_id");

QJsonObject parseJson(const QVariant &v) {
    if (v.isNull()) {
        return {};
    }
    return QJsonDocument::fromJson(v.toString().toUtf8()).object();
}

AuditRecord fromQuery(const QSqlQuery &q) {
    AuditRecord r;
    r.id = q.value(0).toLongLong();
    r.atMs = q.value(1).toLongLong();
    r.actorId = q.value(2).toString();
    r.actorName = q.value(3).toString();
    r.entry.activity = q.value(4).toString();
    r.entry.category = q.value(5).toString();
    r.entry.targetType = q.value(6).toString();
    r.entry.targetId = q.value(7).toString();
    r.entry.targetName = q.value(8).toString();
    r.entry.result = q.value(9).toString();
    r.entry.reason = q.value(10).toString();
    r.entry.before = parseJson(q.value(11));
    r.entry.after = parseJson(q.value(12));
    r.entry.correlationId = q.value(13).toString();
    return r;
}

// The search box: words of letters and digits (a mark stays with the letter before it); everything
// else separates words and never reaches a MATCH or tsquery string as syntax.
QStringList searchWords(const QString &text) {
    QStringList words;
    QString current;
    for (const QChar ch : text) {
        if (ch.isLetterOrNumber() || (ch.isMark() && !current.isEmpty())) {
            current += ch.toLower();
        } else if (!current.isEmpty()) {
            words << current;
            current.clear();
        }
    }
    if (!current.isEmpty()) {
        words << current;
    }
    return words;
}

bool isAscii(const QString &s) {
    for (const QChar ch : s) {
        if (ch.unicode() > 0x7f) {
            return false;
        }
    }
    return true;
}

// An FTS5 string token: the text between double quotes, quotes doubled (words hold none anyway).
QString ftsString(const QString &s) {
    QString escaped = s;
    escaped.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

// SQLite 3.40's FTS5 evaluates '"word"*' by merging the whole posting list of every term that starts
// with the word before it returns a row, so a common word ("guest" in every row) costs a pass over
// millions of postings even when another word is rare. Exact terms are read lazily and an AND skips
// ahead in them, so an ASCII word is expanded into the terms that start with it and becomes
// ("t1" OR "t2" ...). The terms come from audit_terms (migration 013), one range read: FTS5's own
// vocabulary table walks a common term's doclist to find the term after it. Too many terms, or a
// non-ASCII word (the tokenizer folds accents; the term list holds folded terms), keep the prefix
// query, which is correct, only slower.
constexpr int kMaxExpansion = 32;

Result<QString> ftsMatch(QSqlDatabase &db, const QStringList &words, bool *none) {
    *none = false;
    QStringList groups;
    for (const QString &w : words) {
        if (!isAscii(w)) {
            groups << ftsString(w) + QLatin1Char('*');
            continue;
        }
        const char32_t maxChar = 0x10FFFF;
        const QString upper = w + QString::fromUcs4(&maxChar, 1);
        auto q = Database::exec(db,
                                QStringLiteral("SELECT term FROM audit_terms WHERE term >= ? AND term < ? "
                                               "ORDER BY term LIMIT ?"),
                                {w, upper, kMaxExpansion + 1});
        if (!q.ok()) {
            return q.error();
        }
        QStringList terms;
        while (q->next()) {
            terms << q->value(0).toString();
        }
        if (terms.isEmpty()) {
            *none = true; // no row holds a word that starts with w
            return QString();
        }
        if (terms.size() > kMaxExpansion) {
            groups << ftsString(w) + QLatin1Char('*');
            continue;
        }
        QStringList alternatives;
        for (const QString &t : std::as_const(terms)) {
            alternatives << ftsString(t);
        }
        groups << QLatin1Char('(') + alternatives.join(QStringLiteral(" OR ")) + QLatin1Char(')');
    }
    return groups.join(QStringLiteral(" AND "));
}

// PostgreSQL: every word a prefix, all of them, folded by the same function as the stored words
// (011, 013). One condition per word, so that the planner can take the index for a rare word and
// test a common one ("guest", in every row) on the few rows found, instead of reading the common
// word's whole posting list from the index.
const QString kPgSearchWord = QStringLiteral("search_words @@ to_tsquery('simple'::regconfig, atrium_audit_fold(?))");
// The same test as a function call, which the planner never takes to the index: a common word is
// tested on the rows a rare word found.
const QString kPgTestWord =
    QStringLiteral("ts_match_vq(search_words, to_tsquery('simple'::regconfig, atrium_audit_fold(?)))");
// How many rows hold a word starting with ?, from the column's statistics (ANALYZE keeps the most
// common words and their frequencies): 0 for a word that is not among them, or with no statistics yet.
// (The spaces around the slice's colon keep Qt from reading ":cardinality" as a named placeholder.)
const QString kPgWordEstimate = QStringLiteral(
    "SELECT coalesce(sum(m.f), 0) * (SELECT reltuples FROM pg_class WHERE oid = 'audit_log'::regclass) "
    "FROM pg_stats s, unnest(s.most_common_elems::text::text[], "
    "s.most_common_elem_freqs[1 : cardinality(s.most_common_elems::text::text[])]) AS m(e, f) "
    "WHERE s.schemaname = current_schema() AND s.tablename = 'audit_log' AND s.attname = 'search_words' "
    "AND starts_with(m.e, atrium_audit_fold(?))");

// Up to this many hits the search drives (row lookups by id, then a sort); beyond it the rows are
// walked newest first by the filters' index and the hits are merged in from the index's id order.
std::atomic<int> g_searchDrives{20000};

Result<AuditPage> readPage(QSqlQuery &q, int limit) {
    AuditPage page;
    while (q.next()) {
        if (page.rows.size() == limit) {
            page.hasMore = true;
            break;
        }
        page.rows << fromQuery(q);
    }
    if (!page.rows.isEmpty()) {
        page.next = {page.rows.constLast().atMs, page.rows.constLast().id};
    }
    return page;
}
} // namespace

Result<AuditPage> AuditQuery::fetch(QSqlDatabase &db, const AuditFilter &f, const AuditCursor &after, int limit) {
    if (limit <= 0) {
        return Error::invalid(tr("A page holds at least one row."));
    }
    QStringList where;
    QVariantList values;
    const auto equals = [&](const char *column, const QString &value) {
        if (!value.isEmpty()) {
            where << QString::fromLatin1(column) + QStringLiteral(" = ?");
            values << value;
        }
    };
    equals("actor_name", f.actor);
    equals("activity", f.activity);
    equals("category", f.category);
    equals("result", f.result);
    equals("correlation_id", f.correlationId);
    if (!f.target.isEmpty()) {
        where << QStringLiteral("(target_id = ? OR target_name = ?)");
        values << f.target << f.target;
    }
    if (f.fromMs > 0) {
        where << QStringLiteral("at_ms >= ?");
        values << f.fromMs;
    }
    if (f.toMs > 0) {
        where << QStringLiteral("at_ms < ?");
        values << f.toMs;
    }
    if (!after.isStart()) {
        where << QStringLiteral("(at_ms < ? OR (at_ms = ? AND id < ?))");
        values << after.atMs << after.atMs << after.id;
    }
    const QStringList words = searchWords(f.search);
    const bool postgres = db.driverName() == QLatin1String("QPSQL");
    const auto select = [&](const QString &from, const QStringList &conditions,
                            const QString &columns = kColumns) -> QString {
        QString sql = QStringLiteral("SELECT ") + columns + QStringLiteral(" FROM ") + from;
        if (!conditions.isEmpty()) {
            sql += QStringLiteral(" WHERE ") + conditions.join(QStringLiteral(" AND "));
        }
        return sql + QStringLiteral(" ORDER BY at_ms DESC, id DESC");
    };
    if (words.isEmpty() || postgres) {
        QStringList wordConditions;
        QVariantList wordValues; // each word as a prefix query, "word:*"
        for (const QString &w : words) {
            wordConditions << kPgSearchWord;
            wordValues << QString(w + QStringLiteral(":*"));
        }
        if (!words.isEmpty()) {
            // PostgreSQL estimates a prefix that is not among its most common words at 1 in 1,000 rows
            // or more, so for "guest 12345" (550 rows in 10,000,000) it would walk the newest rows
            // looking for 200 hits and test millions; and a common word in the index condition
            // ("guest") makes the index read its whole posting list. So, as on SQLite, rare words
            // drive: their hits are read first (the index finds them at once; common words are
            // tested on those rows only), and up to the drive limit they make the page by id. When
            // every word is common, or the hits are many, the planner walks the rows newest first
            // with every word as a condition, and estimates that well.
            const int drives = qMax(1, g_searchDrives.load());
            QStringList rare;
            QStringList common;
            QVariantList rareValues;
            QVariantList commonValues;
            for (qsizetype i = 0; i < words.size(); ++i) {
                auto estimate = Database::exec(db, kPgWordEstimate, {words.at(i)});
                if (!estimate.ok()) {
                    return estimate.error();
                }
                if (estimate->next() && estimate->value(0).toDouble() > drives) {
                    common << kPgTestWord;
                    commonValues << wordValues.at(i);
                } else {
                    rare << kPgSearchWord;
                    rareValues << wordValues.at(i);
                }
            }
            if (!rare.isEmpty()) {
                // The hits with the filters and the cursor applied, each with its time: the rows are
                // read here anyway, so the page is cut from them and only its own rows are read again
                // (reading all of "Guest 777"'s 5,550 hits again by id took ~40 ms, warm).
                auto hits = Database::exec(db,
                                           QStringLiteral("SELECT id, at_ms FROM audit_log WHERE ") +
                                               (where + rare + common).join(QStringLiteral(" AND ")) +
                                               QStringLiteral(" LIMIT ?"),
                                           QVariantList(values) << rareValues << commonValues << drives + 1);
                if (!hits.ok()) {
                    return hits.error();
                }
                hits->setForwardOnly(true);
                std::vector<AuditCursor> found; // (at_ms, id) of each hit
                while (hits->next()) {
                    found.push_back({hits->value(1).toLongLong(), hits->value(0).toLongLong()});
                }
                hits->finish();
                if (found.empty()) {
                    return AuditPage{};
                }
                if (found.size() <= size_t(drives)) {
                    const auto newestFirst = [](const AuditCursor &a, const AuditCursor &b) {
                        return a.atMs != b.atMs ? a.atMs > b.atMs : a.id > b.id;
                    };
                    const size_t keep = qMin(found.size(), size_t(limit) + 1);
                    std::partial_sort(found.begin(), found.begin() + qsizetype(keep), found.end(), newestFirst);
                    QStringList ids;
                    for (size_t i = 0; i < keep; ++i) {
                        ids << QString::number(found[i].id);
                    }
                    wordConditions = {QStringLiteral("id = ANY (?::bigint[])")}; // the ids, one array value
                    wordValues = {QVariant(QLatin1Char('{') + ids.join(QLatin1Char(',')) + QLatin1Char('}'))};
                }
            }
        }
        where << wordConditions;
        values << wordValues;
        auto q = Database::exec(db, select(QStringLiteral("audit_log"), where) + QStringLiteral(" LIMIT ?"),
                                QVariantList(values) << limit + 1);
        if (!q.ok()) {
            return q.error();
        }
        q->setForwardOnly(true);
        return readPage(*q, limit);
    }

    // SQLite with a search.
    bool none = false;
    auto match = ftsMatch(db, words, &none);
    if (!match.ok()) {
        return match.error();
    }
    if (none) {
        return AuditPage{};
    }
    auto hits = Database::exec(
        db, QStringLiteral("SELECT rowid FROM audit_fts WHERE audit_fts MATCH ? ORDER BY rowid DESC"), {*match});
    if (!hits.ok()) {
        return hits.error();
    }
    hits->setForwardOnly(true);
    // Hit ids, descending (the index's order), as far as they have been read.
    std::vector<qint64> ids;
    bool hitsDone = false;
    const size_t drives = size_t(qMax(1, g_searchDrives.load()));
    while (ids.size() < drives) {
        if (!hits->next()) {
            hitsDone = true;
            break;
        }
        ids.push_back(hits->value(0).toLongLong());
    }
    if (hitsDone) {
        hits->finish();
        // Few hits: they drive. NOT INDEXED keeps the planner from walking a filter's index instead;
        // the id lookups are still by rowid.
        QStringList conditions = where;
        conditions.prepend(QStringLiteral("id IN (SELECT rowid FROM audit_fts WHERE audit_fts MATCH ?)"));
        QVariantList v = values;
        v.prepend(*match);
        auto q = Database::exec(db, select(QStringLiteral("audit_log NOT INDEXED"), conditions) +
                                        QStringLiteral(" LIMIT ?"),
                                v << limit + 1);
        if (!q.ok()) {
            return q.error();
        }
        q->setForwardOnly(true);
        return readPage(*q, limit);
    }
    // Many hits: walk the rows the filters select, newest first, and keep those among the hits. The
    // hit ids are read in descending windows: from the first walked row down, continued while the
    // walk stays near the window's bottom, and reopened below a gap (a time range far in the past
    // must not read every newer hit). Rows are appended as they happen, so a walked id is almost
    // always inside or just below the window; one above it (a clock that went back) is checked alone.
    // The ids read so far are the newest hits, the first window: kept, and read on from there.
    const qint64 gap = qMax(1, g_searchDrives.load());
    qint64 windowTop = std::numeric_limits<qint64>::max(); // hits with windowTop >= id > ids.back() (or all
                                                           // below, if hitsDone) are in ids
    const QString below = QStringLiteral(
        "SELECT rowid FROM audit_fts WHERE audit_fts MATCH ? AND rowid <= ? ORDER BY rowid DESC");
    const auto openWindow = [&](qint64 top) -> Status {
        hits->finish();
        auto h = Database::exec(db, below, {*match, top});
        if (!h.ok()) {
            return h.error();
        }
        hits = std::move(h);
        hits->setForwardOnly(true);
        ids.clear();
        hitsDone = false;
        windowTop = top;
        return {};
    };
    // The walk reads ids only, from the filters' index (each holds at_ms and id), and a row is read
    // from the table only when it is a hit: at 1 % hits a first page walks ~20,000 index entries,
    // not ~20,000 table rows (on a cold file, a few hundred pages instead of a few thousand).
    auto walk = Database::exec(db, select(QStringLiteral("audit_log"), where, QStringLiteral("id")), values);
    if (!walk.ok()) {
        return walk.error();
    }
    walk->setForwardOnly(true);
    QSqlQuery row(db);
    if (!row.prepare(QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM audit_log WHERE id = ?"))) {
        return Database::sqlError(row.lastError(), tr("Audit log search"));
    }
    AuditPage page;
    while (walk->next()) {
        const qint64 id = walk->value(0).toLongLong();
        bool hit = false;
        if (id > windowTop) {
            auto one = Database::exec(
                db, QStringLiteral("SELECT 1 FROM audit_fts WHERE audit_fts MATCH ? AND rowid = ?"), {*match, id});
            if (!one.ok()) {
                return one.error();
            }
            if (!one->next()) {
                continue;
            }
            hit = true;
        }
        if (!hit) {
            if (!hitsDone && !ids.empty() && ids.back() - id > gap) {
                if (Status s = openWindow(id); !s.ok()) {
                    return s.error();
                }
            }
            while (!hitsDone && (ids.empty() || ids.back() > id)) {
                if (hits->next()) {
                    ids.push_back(hits->value(0).toLongLong());
                } else {
                    hitsDone = true;
                }
            }
            if (!std::binary_search(ids.begin(), ids.end(), id, std::greater<qint64>())) {
                continue;
            }
        }
        if (page.rows.size() == limit) {
            page.hasMore = true;
            break;
        }
        row.bindValue(0, id);
        if (!row.exec()) {
            return Database::sqlError(row.lastError(), tr("Audit log search"));
        }
        if (row.next()) { // always: the log is append-only
            page.rows << fromQuery(row);
        }
        row.finish();
    }
    walk->finish();
    hits->finish();
    if (!page.rows.isEmpty()) {
        page.next = {page.rows.constLast().atMs, page.rows.constLast().id};
    }
    return page;
}

int AuditQuery::searchDriveLimit() { return g_searchDrives.load(); }
void AuditQuery::setSearchDriveLimit(int hits) { g_searchDrives.store(hits); }

Result<AuditPage> AuditQuery::page(const AuditFilter &filter, const AuditCursor &after, int limit) const {
    if (Status s = m_ctx.require(Permission::ReadAudit, {QStringLiteral("Read audit log"), category::DirectoryManagement});
        !s.ok()) {
        return s.error();
    }
    auto c = m_ctx.db().connection();
    if (!c.ok()) {
        return c.error();
    }
    return fetch(*c, filter, after, limit);
}

Result<AuditRecord> AuditQuery::record(qint64 id) const {
    if (Status s = m_ctx.require(Permission::ReadAudit, {QStringLiteral("Read audit log"), category::DirectoryManagement});
        !s.ok()) {
        return s.error();
    }
    auto c = m_ctx.db().connection();
    if (!c.ok()) {
        return c.error();
    }
    auto q = Database::exec(*c, QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM audit_log WHERE id = ?"),
                            {id});
    if (!q.ok()) {
        return q.error();
    }
    if (!q->next()) {
        return Error::notFound(tr("The audit record %1").arg(id));
    }
    return fromQuery(*q);
}

} // namespace atrium::core
