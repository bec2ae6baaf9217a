#include "core/guests/guestdirectory.h"

#include "core/storage/database.h"
#include "core/text/csvwriter.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>
#include <atomic>

namespace atrium::core {
namespace {

QString tr(const char *s) {
    return QCoreApplication::translate("atrium::core::GuestDirectory", s);
}

thread_local QString t_lastPlan;
std::atomic<int> g_probeLimit{GuestDirectory::kProbeLimit};

constexpr qint64 kDayMs = 24LL * 60 * 60 * 1000;
// A word search with at least this many matches is "dense" (see planSqlite).
constexpr qint64 kDenseSearch = 100000;

const QString kColumns = QStringLiteral(
    "u.id, u.row_version, u.display_name, u.mail, u.user_principal_name, u.external_user_state, u.creation_type, "
    "u.user_type, u.invited_by_name, u.created_at, u.external_user_state_changed_at, u.last_sign_in_at, "
    "u.account_enabled");
// Literals, not bound values: the partial sort indexes are only used when the query repeats them.
const QString kGuestRows = QStringLiteral("u.user_type = 'Guest' AND u.deleted_at IS NULL");

struct SortSpec {
    QString expr;  // exactly the indexed expression
    QString index; // the SQLite index that walks it
};

SortSpec sortSpec(GuestColumn c) {
    switch (c) {
    case GuestColumn::DisplayName:
        return {QStringLiteral("u.display_name"), QStringLiteral("guests_by_name")};
    case GuestColumn::Mail:
        return {QStringLiteral("coalesce(u.mail_lower, '')"), QStringLiteral("guests_by_mail")};
    case GuestColumn::UserPrincipalName:
        return {QStringLiteral("u.upn_lower"), QStringLiteral("guests_by_upn")};
    case GuestColumn::State:
        return {QStringLiteral("coalesce(u.external_user_state, '')"), QStringLiteral("guests_by_state")};
    case GuestColumn::CreationType:
        return {QStringLiteral("coalesce(u.creation_type, '')"), QStringLiteral("guests_by_creation")};
    case GuestColumn::UserType:
        return {QStringLiteral("u.user_type"), QStringLiteral("guests_by_type")};
    case GuestColumn::InvitedBy:
        return {QStringLiteral("coalesce(u.invited_by_name, '')"), QStringLiteral("guests_by_inviter")};
    case GuestColumn::InvitedOn:
        return {QStringLiteral("u.created_at"), QStringLiteral("guests_by_created")};
    case GuestColumn::StateChanged:
        return {QStringLiteral("coalesce(u.external_user_state_changed_at, 0)"),
                QStringLiteral("guests_by_state_changed")};
    case GuestColumn::LastSignIn:
        return {QStringLiteral("coalesce(u.last_sign_in_at, 0)"), QStringLiteral("guests_by_sign_in")};
    case GuestColumn::Sponsors:
        return {QStringLiteral("coalesce(u.sponsors_sort, '')"), QStringLiteral("guests_by_sponsors")};
    case GuestColumn::SignInBlocked:
        return {QStringLiteral("u.account_enabled"), QStringLiteral("guests_by_enabled")};
    }
    return {QStringLiteral("u.display_name"), QStringLiteral("guests_by_name")};
}

// Ascending "sign-in blocked" (No before Yes) is descending account_enabled.
bool descendingInSql(const GuestQuery &q) {
    const bool desc = q.order == Qt::DescendingOrder;
    return q.sortColumn == GuestColumn::SignInBlocked ? !desc : desc;
}

// Search words as the FTS5 unicode61 tokenizer and PostgreSQL's parser split them (letters and
// digits), lower-cased. Everything else separates words.
QStringList searchWords(const QString &term) {
    QStringList words;
    QString current;
    for (const QChar ch : term) {
        if (ch.isLetterOrNumber() || ch.isMark()) {
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

QString utf8Max() {
    const char32_t c = 0x10FFFF;
    return QString::fromUcs4(&c, 1);
}

struct Fragment {
    QString sql;
    QVariantList values;
    void add(const QString &condition, const QVariantList &v = {}) {
        sql += QStringLiteral(" AND ") + condition;
        values += v;
    }
};

// The search, split into what each engine needs.
struct Search {
    enum class Kind { None, Words, MailPrefix } kind = Kind::None;
    QStringList words;
    QString mailPrefix;
};

Search parseSearch(const QString &raw) {
    Search s;
    const QString term = raw.trimmed().toLower();
    if (term.isEmpty()) {
        return s;
    }
    if (term.contains(QLatin1Char('@'))) {
        s.kind = Search::Kind::MailPrefix;
        s.mailPrefix = term;
        return s;
    }
    s.words = searchWords(term);
    if (!s.words.isEmpty()) {
        s.kind = Search::Kind::Words;
    }
    return s;
}

QString ftsMatch(const QStringList &words) {
    QStringList parts;
    for (const QString &w : words) {
        parts << QLatin1Char('"') + w + QStringLiteral("\"*"); // words hold no quotes
    }
    return parts.join(QLatin1Char(' '));
}

QString tsQuery(const QStringList &words) {
    QStringList parts;
    for (const QString &w : words) {
        parts << w + QStringLiteral(":*");
    }
    return parts.join(QStringLiteral(" & "));
}

QString likeEscape(const QString &s) {
    QString out;
    for (const QChar ch : s) {
        if (ch == QLatin1Char('!') || ch == QLatin1Char('%') || ch == QLatin1Char('_')) {
            out += QLatin1Char('!');
        }
        out += ch;
    }
    return out;
}

const QString kPgSearchVector = QStringLiteral(
    "to_tsvector('simple'::regconfig, u.display_name || ' ' || translate(coalesce(u.mail, ''), '@.-_+', '     '))");

// Filters other than the search, on either engine.
Fragment plainFilters(const GuestQuery &q, bool withDomain) {
    Fragment f;
    if (q.state) {
        // Plain columns (the values are never empty), so that the count indexes of migration 012 cover them.
        f.add(QStringLiteral("u.external_user_state = ?"), {toString(*q.state)});
    }
    if (withDomain && !q.domain.isEmpty()) {
        f.add(QStringLiteral("u.mail_domain = ?"), {q.domain.trimmed().toLower()});
    }
    if (q.creationType) {
        f.add(QStringLiteral("u.creation_type = ?"), {toString(*q.creationType)});
    }
    const qint64 now = q.asOfMs > 0 ? q.asOfMs : QDateTime::currentMSecsSinceEpoch();
    if (q.pendingOlderThanDays > 0) {
        f.add(QStringLiteral("u.external_user_state = 'PendingAcceptance' AND "
                             "coalesce(u.external_user_state_changed_at, u.created_at) < ?"),
              {now - q.pendingOlderThanDays * kDayMs});
    }
    if (q.noSignInDays > 0) {
        f.add(QStringLiteral("coalesce(u.last_sign_in_at, u.created_at) < ?"), {now - q.noSignInDays * kDayMs});
    }
    return f;
}

// The covering index (migration 012) that seeks the query's leading plain filter and holds every
// column the plain filters test; empty when no filter has one (no filter, or "no sign-in" alone).
QString filterIndex(const GuestQuery &q) {
    if (!q.domain.trimmed().isEmpty()) {
        return QStringLiteral("guests_by_domain");
    }
    if (q.state || q.pendingOlderThanDays > 0) {
        return QStringLiteral("guests_count_state");
    }
    return q.creationType ? QStringLiteral("guests_count_creation") : QString();
}

Fragment keysetBound(const GuestQuery &q, const std::optional<GuestCursor> &cursor) {
    Fragment f;
    if (cursor) {
        f.add(QStringLiteral("(%1, u.id) %2 (?, ?)")
                  .arg(sortSpec(q.sortColumn).expr, descendingInSql(q) ? QStringLiteral("<") : QStringLiteral(">")),
              {cursor->sortKey, cursor->id});
    }
    return f;
}

QString orderBy(const GuestQuery &q) {
    const QString dir = descendingInSql(q) ? QStringLiteral(" DESC") : QString();
    return QStringLiteral(" ORDER BY %1%2, u.id%2").arg(sortSpec(q.sortColumn).expr, dir);
}

// "FROM ... WHERE ..." of a statement that selects the query's rows (without keyset, order, limit).
struct Plan {
    QString name;
    QString fromWhere;
    QVariantList values;
};

Result<qint64> scalar(QSqlDatabase &db, const QString &sql, const QVariantList &values) {
    auto r = Database::exec(db, sql, values);
    if (!r.ok()) {
        return r.error();
    }
    if (!r->next()) {
        return Error{ErrorCode::Database, tr("The guest directory query returned nothing."), sql, {}, false};
    }
    return r->value(0).toLongLong();
}

Result<Plan> planSqlite(QSqlDatabase &db, const GuestQuery &q) {
    const Search search = parseSearch(q.search);
    struct Source {
        QString name;
        QString sql;
        QVariantList values;
    };
    QList<Source> sources;
    if (search.kind == Search::Kind::Words) {
        sources.append({QStringLiteral("few:fts"),
                        QStringLiteral("SELECT rowid FROM guest_fts WHERE guest_fts MATCH ?"),
                        {ftsMatch(search.words)}});
    } else if (search.kind == Search::Kind::MailPrefix) {
        sources.append({QStringLiteral("few:mail"),
                        QStringLiteral("SELECT rowid FROM users INDEXED BY guests_by_mail WHERE user_type = 'Guest' "
                                       "AND deleted_at IS NULL AND coalesce(mail_lower, '') >= ? "
                                       "AND coalesce(mail_lower, '') < ?"),
                        {search.mailPrefix, QString(search.mailPrefix + utf8Max())}});
    }
    if (const QString index = filterIndex(q); !index.isEmpty()) {
        // The plain filters over the covering index of the leading one (migration 012): the probe
        // reads index entries only. The domain alone is often rare; a state or a creation type alone
        // is usually dense, but with other filters the conjunction can be rare or empty ("pending,
        // self-service, no sign-in for 90 days" matched nobody and walked the whole sort index:
        // 4.1 s at 1 M guests).
        const Fragment f = plainFilters(q, true);
        sources.append({QStringLiteral("few:filters"),
                        QStringLiteral("SELECT u.rowid FROM users u INDEXED BY %1 WHERE %2%3").arg(index, kGuestRows, f.sql),
                        f.values});
    }
    if (q.noSignInDays > 0) {
        // "No sign-in for N days" over its own index (migration 007; it also holds deleted guests,
        // which the statement drops): most guests are active in a well-kept directory.
        const qint64 now = q.asOfMs > 0 ? q.asOfMs : QDateTime::currentMSecsSinceEpoch();
        sources.append({QStringLiteral("few:inactive"),
                        QStringLiteral("SELECT rowid FROM users INDEXED BY users_guest_activity WHERE user_type = 'Guest' "
                                       "AND coalesce(last_sign_in_at, created_at) < ?"),
                        {now - q.noSignInDays * kDayMs}});
    }
    // Probe each selective source; the smallest one drives if it is small. The word search is
    // counted further (up to kDenseSearch) to choose how a walk tests it, below.
    int best = -1;
    const int probeLimit = GuestDirectory::probeLimit();
    qint64 bestCount = probeLimit;
    qint64 searchCount = 0;
    for (int i = 0; i < sources.size(); ++i) {
        const bool words = sources.at(i).name == QLatin1String("few:fts");
        auto n = scalar(db,
                        QStringLiteral("SELECT count(*) FROM (%1 LIMIT %2)")
                            .arg(sources.at(i).sql)
                            .arg(words ? std::max<qint64>(probeLimit, kDenseSearch) : probeLimit),
                        sources.at(i).values);
        if (!n.ok()) {
            return n.error();
        }
        if (words) {
            searchCount = *n;
        }
        if (*n < bestCount) {
            bestCount = *n;
            best = i;
        }
    }
    Plan plan;
    if (best >= 0) {
        const Source &src = sources.at(best);
        // NOT INDEXED keeps the planner from walking a sort index; rowid lookups are still allowed.
        plan.name = src.name;
        plan.fromWhere = QStringLiteral("FROM users u NOT INDEXED WHERE u.rowid IN (%1) AND %2").arg(src.sql, kGuestRows);
        plan.values = src.values;
    } else {
        plan.name = QStringLiteral("walk");
        plan.fromWhere =
            QStringLiteral("FROM users u INDEXED BY %1 WHERE %2").arg(sortSpec(q.sortColumn).index, kGuestRows);
    }
    // The remaining conditions: all filters, and the search unless it is the driving source.
    const bool searchDrives = best >= 0 && (sources.at(best).name == QLatin1String("few:fts") ||
                                            sources.at(best).name == QLatin1String("few:mail"));
    if (!searchDrives) {
        if (search.kind == Search::Kind::Words) {
            // How each walked row is tested against the search:
            //  - the matching rowids are read once per statement into an ephemeral set (SQLite
            //    materializes an uncorrelated IN list once), and each index entry is tested against
            //    it without reading the table row: costs the number of matches plus a fraction of a
            //    microsecond per walked entry. The '+' keeps the planner from driving by rowid.
            //  - for a very dense search whose words are all in the prefix index (1-3 letters), the
            //    set would be most of the directory and the walk is short: test each walked row with
            //    one FTS seek instead. Longer words are never tested per row: FTS5 re-reads every
            //    doclist of a prefix outside the prefix index on each test.
            const bool shortWords = std::all_of(search.words.cbegin(), search.words.cend(),
                                                [](const QString &w) { return w.size() <= 3; });
            if (searchCount >= kDenseSearch && shortWords) {
                plan.fromWhere += QStringLiteral(
                    " AND EXISTS (SELECT 1 FROM guest_fts WHERE guest_fts MATCH ? AND rowid = u.rowid)");
            } else {
                plan.fromWhere += QStringLiteral(" AND +u.rowid IN (SELECT rowid FROM guest_fts WHERE guest_fts MATCH ?)");
            }
            plan.values << ftsMatch(search.words);
        } else if (search.kind == Search::Kind::MailPrefix) {
            plan.fromWhere +=
                QStringLiteral(" AND coalesce(u.mail_lower, '') >= ? AND coalesce(u.mail_lower, '') < ?");
            plan.values << search.mailPrefix << QString(search.mailPrefix + utf8Max());
        }
    }
    const bool filtersDrive = best >= 0 && sources.at(best).name == QLatin1String("few:filters");
    const Fragment f = filtersDrive ? Fragment{} : plainFilters(q, true);
    plan.fromWhere += f.sql;
    plan.values += f.values;
    return plan;
}

Plan planPostgres(const GuestQuery &q) {
    Plan plan;
    plan.name = QStringLiteral("pg");
    plan.fromWhere = QStringLiteral("FROM users u WHERE ") + kGuestRows;
    const Search search = parseSearch(q.search);
    if (search.kind == Search::Kind::Words) {
        plan.fromWhere += QStringLiteral(" AND ") + kPgSearchVector + QStringLiteral(" @@ to_tsquery('simple'::regconfig, ?)");
        plan.values << tsQuery(search.words);
    } else if (search.kind == Search::Kind::MailPrefix) {
        plan.fromWhere += QStringLiteral(" AND u.mail_lower LIKE ? ESCAPE '!'");
        plan.values << QString(likeEscape(search.mailPrefix) + QLatin1Char('%'));
    }
    const Fragment f = plainFilters(q, true);
    plan.fromWhere += f.sql;
    plan.values += f.values;
    return plan;
}

Result<Plan> planFor(QSqlDatabase &db, Engine engine, const GuestQuery &q) {
    if (engine == Engine::Postgres) {
        return planPostgres(q);
    }
    return planSqlite(db, q);
}

std::optional<ExternalUserState> stateOf(const QVariant &v) {
    return v.isNull() ? std::nullopt : externalUserStateFromString(v.toString());
}
std::optional<CreationType> creationOf(const QVariant &v) {
    return v.isNull() ? std::nullopt : creationTypeFromString(v.toString());
}

// Sponsor names of a whole page in one query (never one per row).
Status resolveSponsors(QSqlDatabase &db, QList<GuestRow> &rows) {
    if (rows.isEmpty()) {
        return {};
    }
    QStringList marks;
    QVariantList ids;
    QHash<QString, int> indexOf;
    for (int i = 0; i < rows.size(); ++i) {
        marks << QStringLiteral("?");
        ids << rows.at(i).id;
        indexOf.insert(rows.at(i).id, i);
    }
    auto r = Database::exec(
        db,
        QStringLiteral("SELECT s.user_id, coalesce(su.display_name, g.display_name, s.sponsor_id) FROM sponsors s "
                       "LEFT JOIN users su ON s.sponsor_type = 'user' AND su.id = s.sponsor_id "
                       "LEFT JOIN directory_groups g ON s.sponsor_type = 'group' AND g.id = s.sponsor_id "
                       "WHERE s.user_id IN (%1)")
            .arg(marks.join(QLatin1Char(','))),
        ids);
    if (!r.ok()) {
        return r.error();
    }
    while (r->next()) {
        const auto it = indexOf.constFind(r->value(0).toString());
        if (it != indexOf.constEnd()) {
            rows[*it].sponsorNames << r->value(1).toString();
        }
    }
    for (GuestRow &row : rows) {
        // Sorted as the "Sponsors" sort key is (min by the database's order; code-point order here).
        std::sort(row.sponsorNames.begin(), row.sponsorNames.end());
        if (row.sponsorNames.size() == 1) {
            row.sponsors = row.sponsorNames.first();
        } else if (row.sponsorNames.size() > 1) {
            row.sponsors = QCoreApplication::translate("atrium::core::GuestDirectory", "%1 +%2")
                               .arg(row.sponsorNames.first())
                               .arg(row.sponsorNames.size() - 1);
        }
    }
    return {};
}

} // namespace

Result<GuestPage> GuestDirectory::fetchPage(QSqlDatabase &db, Engine engine, const GuestQuery &query,
                                            const std::optional<GuestCursor> &cursor, int limit) {
    if (limit <= 0) {
        return Error::invalid(tr("A page holds at least one row."), QStringLiteral("limit"));
    }
    auto plan = planFor(db, engine, query);
    if (!plan.ok()) {
        return plan.error();
    }
    t_lastPlan = plan->name;
    // The statements that fill the page, in order, each with its "WHERE ... ORDER BY" tail.
    struct Part {
        QString tail;
        QVariantList values;
    };
    QList<Part> parts;
    if (cursor && engine == Engine::Sqlite) {
        // SQLite (3.40) seeks a row value "(key, id) > (?, ?)" only in an index on plain columns; on
        // the coalesce(...) sort indexes it scans from the first entry, so a deep page would cost
        // its depth. Two seeks instead: the rest of the cursor's key ("key = ? AND id > ?", in id
        // order), then the keys after it ("key > ?"). Both are ranges of the same sort index.
        const QString expr = sortSpec(query.sortColumn).expr;
        const bool desc = descendingInSql(query);
        const QString cmp = desc ? QStringLiteral("<") : QStringLiteral(">");
        parts.append({QStringLiteral("%1 AND %2 = ? AND u.id %3 ? ORDER BY u.id%4")
                          .arg(plan->fromWhere, expr, cmp, desc ? QStringLiteral(" DESC") : QString()),
                      plan->values + QVariantList{cursor->sortKey, cursor->id}});
        parts.append({QStringLiteral("%1 AND %2 %3 ?%4").arg(plan->fromWhere, expr, cmp, orderBy(query)),
                      plan->values + QVariantList{cursor->sortKey}});
    } else {
        const Fragment bound = keysetBound(query, cursor);
        parts.append({plan->fromWhere + bound.sql + orderBy(query), plan->values + bound.values});
    }
    GuestPage page;
    page.rows.reserve(limit);
    for (const Part &part : std::as_const(parts)) {
        if (page.rows.size() >= limit) {
            break;
        }
        const QString sql = QStringLiteral("SELECT %1, %2 %3 LIMIT %4")
                                .arg(kColumns, sortSpec(query.sortColumn).expr, part.tail)
                                .arg(limit - page.rows.size());
        auto r = Database::exec(db, sql, part.values);
        if (!r.ok()) {
            return r.error();
        }
        QSqlQuery &q = *r;
        while (q.next()) {
            GuestRow row;
            row.id = q.value(0).toString();
            row.rowVersion = q.value(1).toLongLong();
            row.displayName = q.value(2).toString();
            row.mail = q.value(3).toString();
            row.userPrincipalName = q.value(4).toString();
            row.state = stateOf(q.value(5));
            row.creationType = creationOf(q.value(6));
            row.userType = userTypeFromString(q.value(7).toString()).value_or(UserType::Guest);
            row.invitedBy = q.value(8).toString();
            row.invitedOn = q.value(9).toLongLong();
            row.stateChangedAt = q.value(10).toLongLong();
            row.lastSignInAt = q.value(11).toLongLong();
            row.signInBlocked = q.value(12).toInt() == 0;
            row.sortKey = q.value(13);
            page.rows.append(std::move(row));
        }
    }
    if (page.rows.size() == limit) {
        page.next = GuestCursor{page.rows.last().sortKey, page.rows.last().id};
    }
    if (Status s = resolveSponsors(db, page.rows); !s.ok()) {
        return s.error();
    }
    return page;
}

Result<GuestCount> GuestDirectory::count(QSqlDatabase &db, Engine engine, const GuestQuery &query) {
    auto plan = planFor(db, engine, query);
    if (!plan.ok()) {
        return plan.error();
    }
    // A count has no order: the planner may take a filter's own (covering) index instead of walking
    // the sort index.
    plan->fromWhere.replace(QStringLiteral("INDEXED BY ") + sortSpec(query.sortColumn).index + QLatin1Char(' '), QString());
    const Search countSearch = parseSearch(query.search);
    if (engine == Engine::Sqlite && countSearch.kind == Search::Kind::None &&
        (!query.domain.trimmed().isEmpty() || query.state || query.creationType || query.pendingOlderThanDays > 0)) {
        // Filters only: count the entries of a covering index (migration 012) that seeks the
        // filter, without reading a table row. The index holds every column the filters test.
        const Fragment f = plainFilters(query, true);
        plan->fromWhere = QStringLiteral("FROM users u INDEXED BY %1 WHERE %2").arg(filterIndex(query), kGuestRows) + f.sql;
        plan->values = f.values;
    } else if (engine == Engine::Sqlite && plan->name == QLatin1String("walk")) {
        // A dense search walked in sort order tests each row against FTS5, and a prefix that is not
        // in the prefix index ("megan") re-reads its doclists for every row. A count needs no order:
        // stream the doclist once, look each rowid up, and stop at the cap.
        const Search search = parseSearch(query.search);
        if (search.kind == Search::Kind::Words) {
            const Fragment f = plainFilters(query, true);
            plan->fromWhere = QStringLiteral("FROM guest_fts CROSS JOIN users u ON u.rowid = guest_fts.rowid "
                                             "WHERE guest_fts MATCH ? AND ") +
                              kGuestRows + f.sql;
            plan->values = QVariantList{ftsMatch(search.words)} + f.values;
        }
    }
    auto n = scalar(db, QStringLiteral("SELECT count(*) FROM (SELECT 1 %1 LIMIT %2) t").arg(plan->fromWhere).arg(kCountCap + 1),
                    plan->values);
    if (!n.ok()) {
        return n.error();
    }
    GuestCount c;
    c.capped = *n > kCountCap;
    c.count = c.capped ? kCountCap : *n;
    return c;
}

QStringList GuestDirectory::csvHeader() {
    // Stable English keys, so a script reading the file does not depend on the console's language.
    QStringList header;
    for (int i = 0; i < kGuestColumnCount; ++i) {
        header << guestColumnKey(static_cast<GuestColumn>(i));
    }
    header << QStringLiteral("id");
    return header;
}

Result<qint64> GuestDirectory::exportCsv(QSqlDatabase &db, Engine engine, const GuestQuery &query, QIODevice *device,
                                         const std::function<bool(qint64)> &progress) {
    CsvWriter writer(device);
    writer.writeRecord(csvHeader());
    qint64 written = 0;
    std::optional<GuestCursor> cursor;
    constexpr int kPage = 1000;
    for (;;) {
        auto page = fetchPage(db, engine, query, cursor, kPage);
        if (!page.ok()) {
            return page.error();
        }
        for (const GuestRow &row : page->rows) {
            QStringList fields;
            for (int i = 0; i < kGuestColumnCount; ++i) {
                const auto c = static_cast<GuestColumn>(i);
                // Machine-readable rather than translated: true/false for the flag.
                fields << (c == GuestColumn::SignInBlocked
                               ? (row.signInBlocked ? QStringLiteral("true") : QStringLiteral("false"))
                               : c == GuestColumn::Sponsors ? row.sponsorNames.join(QStringLiteral("; "))
                                                            : row.text(c));
            }
            fields << row.id;
            writer.writeRecord(fields);
        }
        written += page->rows.size();
        if (writer.hasError()) {
            return Error{ErrorCode::Internal, tr("Writing the export failed (is the disk full?)."), {}, {}, false};
        }
        if (progress && !progress(written)) {
            return Error{ErrorCode::Cancelled, tr("The export was cancelled; the file holds the rows written so far."),
                         {}, {}, false};
        }
        if (!page->next) {
            break;
        }
        cursor = page->next;
    }
    return written;
}

void GuestDirectory::setProbeLimit(int limit) {
    g_probeLimit = std::max(1, limit);
}

int GuestDirectory::probeLimit() {
    return g_probeLimit;
}

QString GuestDirectory::lastPlan() {
    return t_lastPlan;
}

} // namespace atrium::core
