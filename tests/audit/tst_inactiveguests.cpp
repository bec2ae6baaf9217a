#include "core/audit/inactiveguests.h"
#include "core/services/settingsservice.h"
#include "core/storage/database.h"
#include "directoryfixture.h"

#include <QTest>

using namespace atrium;
using namespace atrium::core;
using atrium::test::DirectoryFixture;

class tst_InactiveGuests final : public QObject {
    Q_OBJECT
    DirectoryFixture m_fx;
    static constexpr qint64 kDay = 24LL * 3600 * 1000;

    static void guest(QSqlDatabase &db, const QString &id, qint64 created, std::optional<qint64> lastSignIn,
                      const QString &type = QStringLiteral("Guest")) {
        auto r = Database::exec(db,
                                QStringLiteral("INSERT INTO users (id, display_name, user_principal_name, upn_lower, "
                                               "user_type, created_at, last_sign_in_at) VALUES (?, ?, ?, ?, ?, ?, ?)"),
                                {id, id, QString(id + QStringLiteral("#EXT#@fabrikam.example")),
                                 QString(id + QStringLiteral("#ext#@fabrikam.example")), type, created,
                                 lastSignIn ? QVariant(*lastSignIn) : QVariant()});
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().detail));
    }

private slots:
    void initTestCase() {
        QString error;
        QVERIFY2(m_fx.start(&error), qPrintable(QStringLiteral("PostgreSQL test server: ") + error));
    }

    void report_data() {
        QTest::addColumn<QString>("engine");
        for (const QString &engine : DirectoryFixture::engines()) {
            QTest::newRow(qPrintable(engine)) << engine;
        }
    }
    void report() {
        QFETCH(QString, engine);
        auto ctx = m_fx.freshDirectory(engine);
        QVERIFY(ctx.ok());
        const qint64 now = ctx->clock().nowMs();
        QVERIFY(ctx->db().transaction([&](QSqlDatabase &db) -> Status {
                             guest(db, QStringLiteral("never-old"), now - 200 * kDay, std::nullopt);   // 200 days
                             guest(db, QStringLiteral("never-new"), now - 10 * kDay, std::nullopt);    // created lately
                             guest(db, QStringLiteral("signed-old"), now - 400 * kDay, now - 95 * kDay); // 95 days
                             guest(db, QStringLiteral("signed-new"), now - 400 * kDay, now - 2 * kDay);
                             guest(db, QStringLiteral("edge"), now - 90 * kDay, std::nullopt); // exactly 90: active
                             guest(db, QStringLiteral("member"), now - 500 * kDay, std::nullopt, QStringLiteral("Member"));
                             return {};
                         }).ok());
        InactiveGuestsReport report(*ctx);
        auto rows = report.inactiveGuests(0); // the default setting: 90 days
        QVERIFY2(rows.ok(), qPrintable(rows.ok() ? QString() : rows.error().message));
        QStringList ids;
        for (const InactiveGuest &g : *rows) {
            ids << g.id;
        }
        QCOMPARE(ids, (QStringList{QStringLiteral("never-old"), QStringLiteral("signed-old")}));
        QCOMPARE(rows->at(0).inactiveDays, 200);
        QCOMPARE(rows->at(0).lastSignInAt, 0);
        QCOMPARE(rows->at(1).inactiveDays, 95);

        // The setting changes the threshold.
        auto set = SettingsService(*ctx).set(settingkey::InactiveGuestDays, QStringLiteral("5"), -1);
        QVERIFY2(set.ok(), qPrintable(set.ok() ? QString() : set.error().message));
        QCOMPARE(*report.configuredDays(), 5);
        auto more = report.inactiveGuests(0);
        QVERIFY(more.ok());
        QCOMPARE(more->size(), 4); // + never-new (10 days) and edge (90 days)
        QCOMPARE(report.inactiveGuests(300)->size(), 0);
        QCOMPARE(InactiveGuestsReport::inactiveCsvRecord(rows->at(0)).size(),
                 InactiveGuestsReport::inactiveCsvHeader().size());
    }

    void unredeemedInvitationsByAge_data() { report_data(); }
    void unredeemedInvitationsByAge() {
        QFETCH(QString, engine);
        auto ctx = m_fx.freshDirectory(engine);
        QVERIFY(ctx.ok());
        const qint64 now = ctx->clock().nowMs();
        QVERIFY(ctx->db().transaction([&](QSqlDatabase &db) -> Status {
                             int n = 0;
                             for (const auto &[id, age, status] :
                                  {std::tuple{"old", 40, "PendingAcceptance"}, std::tuple{"young", 3, "PendingAcceptance"},
                                   std::tuple{"done", 50, "Completed"}}) {
                                 const QString user = QString::fromLatin1(id);
                                 guest(db, user, now - age * kDay, std::nullopt);
                                 auto r = Database::exec(
                                     db,
                                     QStringLiteral("INSERT INTO invitations (id, user_id, invited_email, email_lower, "
                                                    "redirect_url, status, token_nonce, token_hash, send_email, "
                                                    "correlation_id, created_at) VALUES (?, ?, ?, ?, 'https://x', ?, "
                                                    "'n', ?, 1, 'c', ?)"),
                                     {QString(QStringLiteral("inv-") + user), user, QString(user + QStringLiteral("@p.example")),
                                      QString(user + QStringLiteral("@p.example")), QString::fromLatin1(status),
                                      QStringLiteral("h%1").arg(++n), now - age * kDay});
                                 if (!r.ok()) {
                                     return r.error();
                                 }
                             }
                             return {};
                         }).ok());
        InactiveGuestsReport report(*ctx);
        auto all = report.unredeemedInvitations(0);
        QVERIFY2(all.ok(), qPrintable(all.ok() ? QString() : all.error().message));
        QCOMPARE(all->size(), 2);
        QCOMPARE(all->at(0).invitationId, QStringLiteral("inv-old")); // oldest first
        QCOMPARE(all->at(0).ageDays, 40);
        QCOMPARE(all->at(1).ageDays, 3);
        auto aged = report.unredeemedInvitations(30);
        QVERIFY(aged.ok());
        QCOMPARE(aged->size(), 1);
    }
};

QTEST_GUILESS_MAIN(tst_InactiveGuests)
#include "tst_inactiveguests.moc"
