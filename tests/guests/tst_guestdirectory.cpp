#include "core/guests/guestdirectory.h"
#include "core/guests/guestseeder.h"
#include "directoryfixture.h"

#include <QBuffer>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>

using namespace atrium::core;
using atrium::test::DirectoryFixture;

namespace {
constexpr qint64 kDay = 24LL * 3600 * 1000;

struct G {
    QString name;
    QString mail;
    QString state = QStringLiteral("Accepted");
    QString creation = QStringLiteral("Invitation");
    qint64 createdDaysAgo = 10;
    qint64 stateChangedDaysAgo = -1; // -1: null
    qint64 signInDaysAgo = -1;       // -1: never
    bool deleted = false;
    bool enabled = true;
};

QString insertGuest(Database &db, qint64 now, const G &g) {
    static int serial = 0;
    const QString id = QStringLiteral("g-%1").arg(++serial, 6, 10, QLatin1Char('0'));
    const QString domain = g.mail.section(QLatin1Char('@'), 1).toLower();
    const QString upn = QString(g.mail).replace(QLatin1Char('@'), QLatin1Char('_')) + QStringLiteral("#EXT#@fabrikam.example");
    auto c = db.connection();
    auto r = Database::exec(*c,
                            QStringLiteral("INSERT INTO users (id, display_name, user_principal_name, upn_lower, mail, "
                                           "mail_lower, mail_domain, user_type, external_user_state, "
                                           "external_user_state_changed_at, creation_type, account_enabled, "
                                           "created_at, last_sign_in_at, deleted_at) "
                                           "VALUES (?, ?, ?, ?, ?, ?, ?, 'Guest', ?, ?, ?, ?, ?, ?, ?)"),
                            {id, g.name, upn, upn.toLower(), g.mail, g.mail.toLower(), domain, g.state,
                             g.stateChangedDaysAgo < 0 ? QVariant() : QVariant(now - g.stateChangedDaysAgo * kDay),
                             g.creation, g.enabled ? 1 : 0, now - g.createdDaysAgo * kDay,
                             g.signInDaysAgo < 0 ? QVariant() : QVariant(now - g.signInDaysAgo * kDay),
                             g.deleted ? QVariant(now) : QVariant()});
    return r.ok() ? id : QString();
}

QStringList allIds(Database &db, const GuestQuery &q, int pageSize, QString *error = nullptr) {
    auto c = db.connection();
    QStringList ids;
    std::optional<GuestCursor> cursor;
    for (int guard = 0; guard < 10000; ++guard) {
        auto page = GuestDirectory::fetchPage(*c, db.engine(), q, cursor, pageSize);
        if (!page.ok()) {
            if (error) {
                *error = page.error().message + QLatin1Char(' ') + page.error().detail;
            }
            return {};
        }
        for (const GuestRow &r : page->rows) {
            ids << r.id;
        }
        if (!page->next) {
            break;
        }
        cursor = page->next;
    }
    return ids;
}

QStringList names(Database &db, const GuestQuery &q) {
    auto c = db.connection();
    auto page = GuestDirectory::fetchPage(*c, db.engine(), q, std::nullopt, 1000);
    QStringList out;
    if (page.ok()) {
        for (const GuestRow &r : page->rows) {
            out << r.displayName;
        }
    }
    out.sort();
    return out;
}
} // namespace

class tst_GuestDirectory : public QObject {
    Q_OBJECT
private:
    DirectoryFixture m_fx;
    QHash<QString, std::shared_ptr<Database>> m_small; // hand-made rows, per engine
    qint64 m_now = 0;

    static void engineData() {
        QTest::addColumn<QString>("engine");
        for (const QString &e : DirectoryFixture::engines()) {
            QTest::newRow(qPrintable(e)) << e;
        }
    }

    // A small directory with hand-made guests whose expected answers are known.
    Database &small(const QString &engine) {
        if (!m_small.contains(engine)) {
            auto ctx = m_fx.freshDirectory(engine);
            if (!ctx.ok()) {
                qFatal("fresh directory failed: %s", qPrintable(ctx.error().message));
            }
            Database &db = ctx->db();
            const QList<G> guests{
                {QStringLiteral("Megan Bowen"), QStringLiteral("megan.bowen@contoso.com")},
                {QStringLiteral("megan lower"), QStringLiteral("m.lower@northwind.example"), QStringLiteral("PendingAcceptance"),
                 QStringLiteral("Invitation"), 40, 40},
                {QStringLiteral("Alex Wilber"), QStringLiteral("alex@Contoso.com"), QStringLiteral("Accepted"),
                 QStringLiteral("SelfServiceSignUp"), 200, 199, 100},
                {QStringLiteral("Adele Vance"), QStringLiteral("adele.vance@fabrikamfiber.io"), QStringLiteral("PendingAcceptance"),
                 QStringLiteral("Invitation"), 5, 5},
                {QStringLiteral("José Núñez"), QStringLiteral("jose@tailspin.de"), QStringLiteral("Accepted"),
                 QStringLiteral("Invitation"), 400, 390, 10},
                {QStringLiteral("Deleted Person"), QStringLiteral("deleted.person@contoso.com"), QStringLiteral("Accepted"),
                 QStringLiteral("Invitation"), 10, -1, -1, true},
                {QStringLiteral("=cmd|' /C calc'!A0"), QStringLiteral("evil@attacker.example"), QStringLiteral("Accepted"),
                 QStringLiteral("Invitation"), 3, 3, 1, false, false},
            };
            for (const G &g : guests) {
                if (insertGuest(db, m_now, g).isEmpty()) {
                    qFatal("insert failed");
                }
            }
            m_small.insert(engine, ctx->database());
        }
        return *m_small.value(engine);
    }

private slots:
    void initTestCase() {
        QString error;
        QVERIFY2(m_fx.start(&error), qPrintable(QStringLiteral("PostgreSQL test server: ") + error));
        m_now = m_fx.clock()->nowMs();
    }
    void cleanup() { GuestDirectory::setProbeLimit(GuestDirectory::kProbeLimit); }

    void filters_data() {
        QTest::addColumn<QString>("engine");
        QTest::addColumn<int>("probeLimit"); // 1 forces the index walk, the default materializes
        QTest::addColumn<QString>("search");
        QTest::addColumn<QString>("state");
        QTest::addColumn<QString>("domain");
        QTest::addColumn<QString>("creation");
        QTest::addColumn<int>("pendingDays");
        QTest::addColumn<int>("noSignInDays");
        QTest::addColumn<QStringList>("expected");
        const QStringList everyone{QStringLiteral("Megan Bowen"), QStringLiteral("megan lower"), QStringLiteral("Alex Wilber"),
                                   QStringLiteral("Adele Vance"), QStringLiteral("José Núñez"),
                                   QStringLiteral("=cmd|' /C calc'!A0")};
        for (const QString &e : DirectoryFixture::engines()) {
            for (const int probe : {1, GuestDirectory::kProbeLimit}) {
                const QByteArray p = e.toLatin1() + (probe == 1 ? " walk " : " few ");
                auto row = [&](const char *name) -> QTestData & { return QTest::newRow(QByteArray(p + name).constData()) << e << probe; };
                row("no filter") << "" << "" << "" << "" << 0 << 0 << everyone;
                row("name prefix, any case") << "MEG" << "" << "" << "" << 0 << 0
                                             << QStringList{QStringLiteral("Megan Bowen"), QStringLiteral("megan lower")};
                row("second word") << "bow" << "" << "" << "" << 0 << 0 << QStringList{QStringLiteral("Megan Bowen")};
                row("two words") << "megan low" << "" << "" << "" << 0 << 0 << QStringList{QStringLiteral("megan lower")};
                row("not infix") << "egan" << "" << "" << "" << 0 << 0 << QStringList{};
                row("mail local part") << "adele.va" << "" << "" << "" << 0 << 0 << QStringList{QStringLiteral("Adele Vance")};
                row("whole mail prefix") << "Alex@Cont" << "" << "" << "" << 0 << 0 << QStringList{QStringLiteral("Alex Wilber")};
                row("domain word") << "contoso" << "" << "" << "" << 0 << 0
                                   << QStringList{QStringLiteral("Alex Wilber"), QStringLiteral("Megan Bowen")};
                row("domain with dot") << "fabrikamfiber.i" << "" << "" << "" << 0 << 0
                                       << QStringList{QStringLiteral("Adele Vance")};
                row("deleted never found") << "deleted" << "" << "" << "" << 0 << 0 << QStringList{};
                row("state pending") << "" << "PendingAcceptance" << "" << "" << 0 << 0
                                     << QStringList{QStringLiteral("Adele Vance"), QStringLiteral("megan lower")};
                row("domain filter") << "" << "" << "CONTOSO.com" << "" << 0 << 0
                                     << QStringList{QStringLiteral("Alex Wilber"), QStringLiteral("Megan Bowen")};
                row("domain and search") << "meg" << "" << "contoso.com" << "" << 0 << 0
                                         << QStringList{QStringLiteral("Megan Bowen")};
                row("creation type") << "" << "" << "" << "SelfServiceSignUp" << 0 << 0
                                     << QStringList{QStringLiteral("Alex Wilber")};
                row("pending > 30 days") << "" << "" << "" << "" << 30 << 0 << QStringList{QStringLiteral("megan lower")};
                // Never signed in counts from creation: Megan Bowen (10 d) and Adele (5 d) are not inactive.
                row("no sign-in 90 days") << "" << "" << "" << "" << 0 << 90
                                          << QStringList{QStringLiteral("Alex Wilber")};
                row("no sign-in 7 days") << "" << "" << "" << "" << 0 << 7
                                         << QStringList{QStringLiteral("Alex Wilber"), QStringLiteral("José Núñez"),
                                                        QStringLiteral("Megan Bowen"), QStringLiteral("megan lower")};
                row("search and state") << "megan" << "Accepted" << "" << "" << 0 << 0
                                        << QStringList{QStringLiteral("Megan Bowen")};
                row("diacritics in name") << "núñ" << "" << "" << "" << 0 << 0 << QStringList{QStringLiteral("José Núñez")};
                // Filters each of which matches someone, together nobody (at 1 M guests this walked
                // the whole sort index before the filters became a source of their own).
                row("filters, none in all") << "" << "PendingAcceptance" << "" << "SelfServiceSignUp" << 0 << 90
                                            << QStringList{};
                row("filters and search") << "meg" << "PendingAcceptance" << "" << "Invitation" << 0 << 7
                                          << QStringList{QStringLiteral("megan lower")};
                row("domain and state") << "" << "Accepted" << "contoso.com" << "" << 0 << 0
                                        << QStringList{QStringLiteral("Alex Wilber"), QStringLiteral("Megan Bowen")};
            }
        }
    }
    void filters() {
        QFETCH(QString, engine);
        QFETCH(int, probeLimit);
        QFETCH(QString, search);
        QFETCH(QString, state);
        QFETCH(QString, domain);
        QFETCH(QString, creation);
        QFETCH(int, pendingDays);
        QFETCH(int, noSignInDays);
        QFETCH(QStringList, expected);
        GuestDirectory::setProbeLimit(probeLimit);
        GuestQuery q;
        q.search = search;
        if (!state.isEmpty()) {
            q.state = externalUserStateFromString(state);
        }
        q.domain = domain;
        if (!creation.isEmpty()) {
            q.creationType = creationTypeFromString(creation);
        }
        q.pendingOlderThanDays = pendingDays;
        q.noSignInDays = noSignInDays;
        q.asOfMs = m_now;
        Database &db = small(engine);
        expected.sort();
        QCOMPARE(names(db, q), expected);
        auto c = db.connection();
        auto n = GuestDirectory::count(*c, db.engine(), q);
        QVERIFY(n.ok());
        QCOMPARE(n->count, qint64(expected.size()));
        QVERIFY(!n->capped);
        if (engine == QLatin1String("sqlite") && !search.isEmpty() && !expected.isEmpty() && probeLimit == 1) {
            QCOMPARE(GuestDirectory::lastPlan(), QStringLiteral("walk"));
        }
        // Keyset pages of one row give the same rows in the same order as one page, on every plan.
        (void)names(db, q);
        const QString plan = GuestDirectory::lastPlan();
        QString error;
        QStringList onePage = allIds(db, q, 1000, &error);
        QCOMPARE(allIds(db, q, 1, &error), onePage);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        if (engine == QLatin1String("sqlite") && probeLimit > 1 && search.isEmpty() &&
            (!state.isEmpty() || !domain.isEmpty() || !creation.isEmpty() || pendingDays > 0)) {
            // Few guests: the filters drive (their covering index), never a walk of the sort index.
            QVERIFY2(plan == QLatin1String("few:filters") || (noSignInDays > 0 && plan == QLatin1String("few:inactive")),
                     qPrintable(plan));
        } else if (engine == QLatin1String("sqlite") && probeLimit > 1 && search.isEmpty() && noSignInDays > 0) {
            QCOMPARE(plan, QStringLiteral("few:inactive"));
        }
    }

    void rowContents_data() { engineData(); }
    void rowContents() {
        QFETCH(QString, engine);
        auto ctx = m_fx.freshDirectory(engine);
        QVERIFY(ctx.ok());
        const QString inviter = ctx->op().userId;
        const QString id = insertGuest(ctx->db(), m_now, {QStringLiteral("Megan Bowen"), QStringLiteral("megan@contoso.com")});
        auto c = ctx->db().connection();
        QVERIFY(Database::exec(*c, QStringLiteral("UPDATE users SET invited_by = ? WHERE id = ?"), {inviter, id}).ok());
        QVERIFY(Database::exec(*c, QStringLiteral("INSERT INTO directory_groups (id, display_name, created_at) VALUES ('grp', 'Auditors', 0)")).ok());
        QVERIFY(Database::exec(*c, QStringLiteral("INSERT INTO sponsors (user_id, sponsor_id, sponsor_type) VALUES (?, ?, 'user'), (?, 'grp', 'group')"),
                               {id, inviter, id}).ok());
        GuestQuery q;
        auto page = GuestDirectory::fetchPage(*c, ctx->db().engine(), q, std::nullopt, 10);
        QVERIFY(page.ok());
        QCOMPARE(page->rows.size(), 1);
        const GuestRow &r = page->rows.first();
        QCOMPARE(r.id, id);
        QCOMPARE(r.invitedBy, QStringLiteral("Ada Admin"));
        QCOMPARE(r.sponsorNames, (QStringList{QStringLiteral("Ada Admin"), QStringLiteral("Auditors")}));
        QCOMPARE(r.sponsors, QStringLiteral("Ada Admin +1"));
        QCOMPARE(r.text(GuestColumn::State), QStringLiteral("Accepted"));
        QCOMPARE(r.invitedOn, m_now - 10 * kDay);
        QVERIFY(!r.signInBlocked);
        QVERIFY(!page->next);
        // Renaming the inviter keeps "invited by" (and its sort key) current.
        QVERIFY(Database::exec(*c, QStringLiteral("UPDATE users SET display_name = 'Ada Lovelace' WHERE id = ?"), {inviter}).ok());
        q.sortColumn = GuestColumn::InvitedBy;
        page = GuestDirectory::fetchPage(*c, ctx->db().engine(), q, std::nullopt, 10);
        QVERIFY(page.ok());
        QCOMPARE(page->rows.first().invitedBy, QStringLiteral("Ada Lovelace"));
        QCOMPARE(page->rows.first().sponsors, QStringLiteral("Ada Lovelace +1"));
        // A renamed guest is found by the new name only.
        QVERIFY(Database::exec(*c, QStringLiteral("UPDATE users SET display_name = 'Megan Smith' WHERE id = ?"), {id}).ok());
        q.search = QStringLiteral("bowen");
        QCOMPARE(names(ctx->db(), q), QStringList{});
        q.search = QStringLiteral("smi");
        QCOMPARE(names(ctx->db(), q), QStringList{QStringLiteral("Megan Smith")});
    }

    // Every column, both orders: keyset paging visits every guest exactly once, in the database's
    // own order, even where hundreds of rows share a sort value (ties broken by id).
    void sortAndPaging_data() {
        QTest::addColumn<QString>("engine");
        QTest::addColumn<int>("column");
        QTest::addColumn<int>("order");
        for (const QString &e : DirectoryFixture::engines()) {
            for (int c = 0; c < kGuestColumnCount; ++c) {
                for (const int o : {0, 1}) {
                    QTest::newRow(qPrintable(QStringLiteral("%1 %2 %3")
                                                 .arg(e, guestColumnKey(static_cast<GuestColumn>(c)),
                                                      o ? QStringLiteral("desc") : QStringLiteral("asc"))))
                        << e << c << o;
                }
            }
        }
    }
    void sortAndPaging() {
        QFETCH(QString, engine);
        QFETCH(int, column);
        QFETCH(int, order);
        static QHash<QString, std::shared_ptr<Database>> seeded;
        if (!seeded.contains(engine)) {
            auto ctx = m_fx.freshDirectory(engine);
            QVERIFY(ctx.ok());
            auto n = seedGuests(ctx->db(), *m_fx.clock(), 240, {});
            QVERIFY2(n.ok(), qPrintable(n.ok() ? QString() : n.error().message + n.error().detail));
            QCOMPARE(*n, 240);
            // 60 guests identical in every sort column but the id and the UPN.
            for (int i = 0; i < 60; ++i) {
                G g{QStringLiteral("Same Name"), QStringLiteral("same.%1@same.example").arg(i)};
                g.createdDaysAgo = 7;
                insertGuest(ctx->db(), m_now, g);
            }
            insertGuest(ctx->db(), m_now, {QStringLiteral("Gone"), QStringLiteral("gone@same.example"),
                                           QStringLiteral("Accepted"), QStringLiteral("Invitation"), 1, -1, -1, true});
            seeded.insert(engine, ctx->database());
        }
        Database &db = *seeded.value(engine);
        GuestQuery q;
        q.sortColumn = static_cast<GuestColumn>(column);
        q.order = order ? Qt::DescendingOrder : Qt::AscendingOrder;
        QString error;
        const QStringList ids = allIds(db, q, 7, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(ids.size(), 300);
        QCOMPARE(QSet<QString>(ids.cbegin(), ids.cend()).size(), 300);
        // The first page without a cursor equals the start of the paged walk, and pages of another
        // size give the same order.
        QCOMPARE(allIds(db, q, 50), ids);
        // Rows are in non-decreasing (ascending) / non-increasing order of the sort key.
        auto c = db.connection();
        std::optional<GuestCursor> cursor;
        QVariant previous;
        QString previousId;
        for (;;) {
            auto page = GuestDirectory::fetchPage(*c, db.engine(), q, cursor, 64);
            QVERIFY(page.ok());
            for (const GuestRow &r : page->rows) {
                if (previous.isValid()) {
                    const bool desc = (order == 1) != (q.sortColumn == GuestColumn::SignInBlocked);
                    const auto cmp = QVariant::compare(previous, r.sortKey);
                    if (r.sortKey.typeId() != QMetaType::QString || engine == QLatin1String("sqlite")) {
                        // Text order on PostgreSQL follows the server collation, not code points.
                        QVERIFY2(desc ? cmp != QPartialOrdering::Less : cmp != QPartialOrdering::Greater,
                                 qPrintable(previous.toString() + QStringLiteral(" then ") + r.sortKey.toString()));
                    }
                }
                previous = r.sortKey;
                previousId = r.id;
            }
            if (!page->next) {
                break;
            }
            cursor = page->next;
        }
    }

    void countCap_data() { engineData(); }
    void countCap() {
        QFETCH(QString, engine);
        Database &db = small(engine);
        auto c = db.connection();
        GuestQuery q;
        auto n = GuestDirectory::count(*c, db.engine(), q);
        QVERIFY(n.ok());
        QCOMPARE(n->count, qint64(6));
        QCOMPARE(n->text(), QStringLiteral("6 guest(s)"));
    }

    void exportCsv_data() { engineData(); }
    void exportCsv() {
        QFETCH(QString, engine);
        Database &db = small(engine);
        auto c = db.connection();
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        GuestQuery q;
        q.search = QStringLiteral("evil@");
        auto n = GuestDirectory::exportCsv(*c, db.engine(), q, &buffer);
        QVERIFY(n.ok());
        QCOMPARE(*n, 1);
        const QString text = QString::fromUtf8(buffer.data());
        const QStringList lines = text.split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 2);
        QVERIFY(lines.at(0).endsWith(QStringLiteral("displayName,mail,userPrincipalName,externalUserState,creationType,"
                                                    "userType,invitedBy,invitedOn,externalUserStateChangeDateTime,"
                                                    "lastSignIn,sponsors,signInBlocked,id")));
        // The formula is neutralised (leading apostrophe) and, holding a quote, RFC 4180-quoted.
        QVERIFY2(lines.at(1).startsWith(QStringLiteral("'=cmd|' /C calc'!A0,evil@attacker.example,")), qPrintable(lines.at(1)));
        QVERIFY(lines.at(1).contains(QStringLiteral(",true,g-")));
        // Cancelling stops the export with a clear error.
        QBuffer other;
        other.open(QIODevice::WriteOnly);
        auto cancelled = GuestDirectory::exportCsv(*c, db.engine(), GuestQuery{}, &other, [](qint64) { return false; });
        QVERIFY(!cancelled.ok());
        QCOMPARE(cancelled.error().code, ErrorCode::Cancelled);
    }

    void seedIsRealistic_data() { engineData(); }
    void seedIsRealistic() {
        QFETCH(QString, engine);
        auto ctx = m_fx.freshDirectory(engine);
        QVERIFY(ctx.ok());
        auto n = seedGuests(ctx->db(), *m_fx.clock(), 500, {});
        QVERIFY(n.ok());
        auto c = ctx->db().connection();
        QSqlQuery q(*c);
        QVERIFY(q.exec(QStringLiteral("SELECT count(*), count(DISTINCT mail_domain), sum(CASE WHEN external_user_state = "
                                      "'PendingAcceptance' THEN 1 ELSE 0 END), sum(CASE WHEN last_sign_in_at IS NULL "
                                      "THEN 1 ELSE 0 END) FROM users WHERE user_type = 'Guest'")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), 500);
        QVERIFY(q.value(1).toInt() > 20);
        QVERIFY(q.value(2).toInt() > 50 && q.value(2).toInt() < 250);
        QVERIFY(q.value(3).toInt() > 50);
        // Seeding twice adds more without colliding on UPNs.
        auto again = seedGuests(ctx->db(), *m_fx.clock(), 10, {});
        QVERIFY2(again.ok(), qPrintable(again.ok() ? QString() : again.error().detail));
    }

    // The bulk path (drop indexes and insert triggers, load, create them again from sqlite_master,
    // rebuild FTS) must leave exactly the directory that row-by-row writing leaves: same rows, same
    // schema, same answers from every plan, and both databases pass their integrity checks.
    void bulkSeedEqualsRowByRow() {
        auto rowDb = m_fx.freshDatabase(QStringLiteral("sqlite"));
        auto bulkDb = m_fx.freshDatabase(QStringLiteral("sqlite"));
        QVERIFY(rowDb.ok() && bulkDb.ok());
        Database &a = **rowDb;
        Database &b = **bulkDb;
        const auto dump = [](Database &db, const QString &sql) {
            auto c = db.connection();
            QSqlQuery q(*c);
            if (!q.exec(sql)) {
                return QStringList{QStringLiteral("ERROR ") + q.lastError().text()};
            }
            QStringList out;
            while (q.next()) {
                QStringList cells;
                for (int i = 0; i < q.record().count(); ++i) {
                    cells << (q.isNull(i) ? QStringLiteral("<null>") : q.value(i).toString());
                }
                out << cells.join(QLatin1Char('|'));
            }
            return out;
        };
        const QString schema = QStringLiteral("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_stat%' ORDER BY name");
        const QStringList schemaBefore = dump(b, schema);
        SeedOptions rowByRow;
        rowByRow.method = SeedMethod::RowByRow;
        rowByRow.batchSize = 97; // several transactions
        SeedOptions bulk;
        bulk.method = SeedMethod::BulkRebuild;
        int progressCalls = 0;
        bulk.progress = [&](int done, int total) {
            ++progressCalls;
            QVERIFY(done <= total);
        };
        auto na = seedGuests(a, *m_fx.clock(), 600, rowByRow);
        auto nb = seedGuests(b, *m_fx.clock(), 600, bulk);
        QVERIFY2(na.ok(), qPrintable(na.ok() ? QString() : na.error().detail));
        QVERIFY2(nb.ok(), qPrintable(nb.ok() ? QString() : nb.error().detail));
        QCOMPARE(*na, 600);
        QCOMPARE(*nb, 600);
        QVERIFY(progressCalls >= 1);

        QVERIFY(schemaBefore.size() > 50 && !schemaBefore.first().startsWith(QLatin1String("ERROR")));
        QCOMPARE(dump(b, schema), schemaBefore);
        QCOMPARE(dump(b, schema), dump(a, schema));
        const QString users = QStringLiteral("SELECT rowid, * FROM users ORDER BY rowid");
        const QStringList rowsA = dump(a, users);
        QCOMPARE(rowsA.size(), 612); // 12 seeded members
        QVERIFY(rowsA.at(100).contains(QLatin1String("|Guest|")));
        QCOMPARE(dump(b, users), rowsA);
        QCOMPARE(dump(b, QStringLiteral("SELECT * FROM sponsors ORDER BY user_id, sponsor_id")),
                 dump(a, QStringLiteral("SELECT * FROM sponsors ORDER BY user_id, sponsor_id")));
        // The sort key equals what the migration's expression computes.
        QCOMPARE(dump(b, QStringLiteral("SELECT count(*) FROM users WHERE sponsors_sort IS NOT (SELECT "
                                        "min(su.display_name) FROM sponsors s JOIN users su ON su.id = s.sponsor_id "
                                        "WHERE s.user_id = users.id)")),
                 QStringList{QStringLiteral("0")});
        for (Database *db : {&a, &b}) {
            QCOMPARE(dump(*db, QStringLiteral("PRAGMA integrity_check")), QStringList{QStringLiteral("ok")});
            QVERIFY(dump(*db, QStringLiteral("INSERT INTO guest_fts (guest_fts, rank) VALUES ('integrity-check', 1)"))
                        .isEmpty());
        }
        // Every plan: FTS searches (few and walk), mail prefix, domain, filters, every sort.
        QList<GuestQuery> queries;
        for (const char *term : {"m", "an", "meg", "zo", "contoso", "anna.", "qqq"}) {
            GuestQuery q;
            q.search = QString::fromUtf8(term);
            queries << q;
        }
        {
            GuestQuery q;
            q.domain = dump(a, QStringLiteral("SELECT mail_domain FROM users WHERE user_type = 'Guest' LIMIT 1")).first();
            queries << q;
            q.state = ExternalUserState::PendingAcceptance;
            queries << q;
        }
        for (int c = 0; c < kGuestColumnCount; ++c) {
            GuestQuery q;
            q.sortColumn = static_cast<GuestColumn>(c);
            q.order = c % 2 ? Qt::DescendingOrder : Qt::AscendingOrder;
            queries << q;
        }
        for (const int probe : {1, 1000000}) {
            GuestDirectory::setProbeLimit(probe);
            for (const GuestQuery &q : queries) {
                QString err;
                const QStringList idsA = allIds(a, q, 70, &err);
                QVERIFY2(err.isEmpty(), qPrintable(err));
                QVERIFY(!idsA.isEmpty() || q.search == QLatin1String("qqq"));
                QCOMPARE(allIds(b, q, 70), idsA);
            }
        }
        GuestDirectory::setProbeLimit(GuestDirectory::kProbeLimit);
        // Later writes through the restored triggers keep the search index right.
        auto c = b.connection();
        QVERIFY(Database::exec(*c, QStringLiteral("UPDATE users SET display_name = 'Quincy Qqq' WHERE rowid = 100"), {}).ok());
        GuestQuery q;
        q.search = QStringLiteral("qqq");
        QCOMPARE(allIds(b, q, 10).size(), 1);
    }
};

QTEST_GUILESS_MAIN(tst_GuestDirectory)
#include "tst_guestdirectory.moc"
