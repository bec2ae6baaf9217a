#include "core/invitations/bulkinvite.h"
#include "core/policy/collaborationsettings.h"
#include "core/secrets/keychainsecretstore.h"
#include "core/services/roleservice.h"
#include "core/services/settingsservice.h"
#include "core/services/userservice.h"
#include "directoryfixture.h"

#include <QBuffer>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

using namespace atrium::core;
using atrium::test::DirectoryFixture;

namespace {
int scalar(const ServiceContext &ctx, const QString &sql, const QVariantList &values = {}) {
    auto c = ctx.db().connection();
    auto q = Database::exec(*c, sql, values);
    if (!q.ok() || !q->next()) {
        return -1;
    }
    return q->value(0).toInt();
}

const char *kHeader = "version:v1.0\r\n"
                      "Email address to invite [inviteeEmail] Required,Redirection url [inviteRedirectURL] Required,"
                      "Send invitation message (true or false) [sendEmail],Customized invitation message "
                      "[customizedMessageBody],Name of invitee [inviteeName],Department (ignored)\r\n";

QByteArray file(const QStringList &rows) {
    QByteArray b("\xEF\xBB\xBF"); // Excel's BOM
    b += kHeader;
    for (const QString &r : rows) {
        b += r.toUtf8() + "\r\n";
    }
    return b;
}

Result<BulkSummary> runFile(InvitationService &service, const QByteArray &bytes, BulkOptions options = {}) {
    QBuffer buf;
    buf.setData(bytes);
    buf.open(QIODevice::ReadOnly);
    BulkInviteRunner runner(service);
    return runner.run(&buf, QStringLiteral("guests.csv"), options);
}
} // namespace

class tst_BulkInvite : public QObject {
    Q_OBJECT
private:
    DirectoryFixture m_fx;
    std::shared_ptr<SecretStore> m_secrets = std::make_shared<KeychainSecretStore>(QStringLiteral("tests"));
    static void engineData() {
        QTest::addColumn<QString>("engine");
        for (const QString &e : DirectoryFixture::engines()) {
            QTest::newRow(qPrintable(e)) << e;
        }
    }

private slots:
    void initTestCase() {
        QString error;
        QVERIFY2(m_fx.start(&error), qPrintable(QStringLiteral("PostgreSQL test server: ") + error));
    }

    void goodAndBadRows_data() { engineData(); }
    void goodAndBadRows() {
        QFETCH(QString, engine);
        auto ctx = m_fx.freshDirectory(engine);
        QVERIFY(ctx.ok());
        // Deny one partner so that a policy refusal sits among the good rows.
        CollaborationSettings cs;
        cs.restriction = CollaborationRestriction::denyListed;
        cs.domains = {QStringLiteral("blocked.example")};
        QVERIFY(SettingsService(*ctx)
                    .set(settingkey::Collaboration,
                         QString::fromUtf8(QJsonDocument(cs.toJson()).toJson(QJsonDocument::Compact)), -1)
                    .ok());
        InvitationService service(*ctx, m_secrets);
        const QByteArray bytes = file({
            QStringLiteral("anna@partner.example,https://myapps.example,false,,Anna,Sales"),
            QStringLiteral("BEN@PARTNER.EXAMPLE,https://myapps.example,true,\"Hello, Ben \"\"the\"\" builder\nsee you\",Ben,"),
            QStringLiteral(""),
            QStringLiteral("not-an-address,https://myapps.example,false,,,"),
            QStringLiteral("carl@partner.example,http://insecure.example,false,,,"),
            QStringLiteral("dora@blocked.example,https://myapps.example,false,,,"),
            QStringLiteral("anna@partner.example,https://myapps.example,false,,Anna again,"),
            QStringLiteral("eve@partner.example,https://myapps.example,maybe,,,"),
        });
        auto r = runFile(service, bytes);
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        QCOMPARE(r->total, 7);
        QCOMPARE(r->succeeded, 2);
        QCOMPARE(r->failed, 5);
        QStringList statuses;
        for (const BulkRowResult &row : r->rows) {
            statuses << QStringLiteral("%1:%2").arg(row.row).arg(row.status);
        }
        QCOMPARE(statuses.join(QLatin1Char(' ')),
                 QStringLiteral("3:Succeeded 4:Succeeded 6:Failed 7:Failed 8:Failed 9:Failed 10:Failed"));
        QVERIFY(r->rows.at(5).message.contains(QStringLiteral("row 3")));
        QCOMPARE(scalar(*ctx, QStringLiteral("SELECT COUNT(*) FROM users WHERE user_type = 'Guest'")), 2);
        QCOMPARE(scalar(*ctx, QStringLiteral("SELECT COUNT(*) FROM outbox")), 1); // only Ben asked for mail
        QCOMPARE(scalar(*ctx, QStringLiteral("SELECT COUNT(*) FROM invitations WHERE message LIKE ?"),
                        {QStringLiteral("Hello, Ben \"the\" builder\nsee you")}),
                 1);
        // One correlation id ties the job together.
        QCOMPARE(scalar(*ctx, QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE correlation_id = ?"), {r->correlationId}),
                 4); // uploaded + 2 invites + processed
        QCOMPARE(scalar(*ctx, QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE activity = ? AND correlation_id = ?"),
                        {activity::BatchUploaded, r->correlationId}),
                 1);
        QCOMPARE(scalar(*ctx, QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE activity = ? AND correlation_id = ?"),
                        {activity::BatchProcessed, r->correlationId}),
                 1);

        // Re-running the same file creates no duplicates.
        auto again = runFile(service, bytes);
        QVERIFY(again.ok());
        QCOMPARE(again->succeeded, 0);
        QCOMPARE(again->alreadyInvited, 2);
        QCOMPARE(scalar(*ctx, QStringLiteral("SELECT COUNT(*) FROM users WHERE user_type = 'Guest'")), 2);

        // The results file is RFC 4180 with formula-guarded cells.
        QBuffer out;
        out.open(QIODevice::WriteOnly);
        QVERIFY(writeBulkResults(&out, *r).ok());
        const QString csv = QString::fromUtf8(out.data());
        QVERIFY(csv.contains(QStringLiteral("Succeeded")));
        QVERIFY(csv.contains(QStringLiteral("\r\n")));
    }

    // No keychain (a service without a secret store, as atriumctl has when no keychain answers):
    // the job stops before its first row with one error, and nothing is written. A dry run needs
    // no token key and still judges the rows.
    void noKeychainStopsBeforeFirstRow_data() { engineData(); }
    void noKeychainStopsBeforeFirstRow() {
        QFETCH(QString, engine);
        auto ctx = m_fx.freshDirectory(engine);
        QVERIFY(ctx.ok());
        InvitationService service(*ctx, nullptr);
        const QByteArray bytes = file({
            QStringLiteral("anna@partner.example,https://myapps.example,false,,Anna,"),
            QStringLiteral("ben@partner.example,https://myapps.example,true,,Ben,"),
        });
        auto r = runFile(service, bytes);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::Secret);
        QVERIFY2(r.error().message.contains(QStringLiteral("keychain")), qPrintable(r.error().message));
        QCOMPARE(scalar(*ctx, QStringLiteral("SELECT COUNT(*) FROM users WHERE user_type = 'Guest'")), 0);
        QCOMPARE(scalar(*ctx, QStringLiteral("SELECT COUNT(*) FROM bulk_jobs")), 0);
        QCOMPARE(scalar(*ctx, QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE activity = ?"),
                        {activity::BatchUploaded}),
                 0);
        BulkOptions dry;
        dry.dryRun = true;
        auto d = runFile(service, bytes, dry);
        QVERIFY2(d.ok(), qPrintable(d.ok() ? QString() : d.error().message));
        QCOMPARE(d->succeeded, 2);
    }

    void dryRunWritesNothing() {
        auto ctx = m_fx.freshDirectory(QStringLiteral("sqlite"));
        QVERIFY(ctx.ok());
        InvitationService service(*ctx, m_secrets);
        const int auditBefore = scalar(*ctx, QStringLiteral("SELECT COUNT(*) FROM audit_log"));
        BulkOptions o;
        o.dryRun = true;
        auto r = runFile(service, file({QStringLiteral("a@p.example,https://x.example,false,,,"),
                                        QStringLiteral("bad,https://x.example,false,,,")}),
                         o);
        QVERIFY(r.ok());
        QCOMPARE(r->succeeded, 1);
        QCOMPARE(r->failed, 1);
        QCOMPARE(r->rows.first().status, QStringLiteral("Valid"));
        QCOMPARE(scalar(*ctx, QStringLiteral("SELECT COUNT(*) FROM users WHERE user_type = 'Guest'")), 0);
        QCOMPARE(scalar(*ctx, QStringLiteral("SELECT COUNT(*) FROM audit_log")), auditBefore);
    }

    void brokenFileIsRefusedWhole() {
        auto ctx = m_fx.freshDirectory(QStringLiteral("sqlite"));
        QVERIFY(ctx.ok());
        InvitationService service(*ctx, m_secrets);
        // A good row, then an unterminated quote: nothing is invited from a broken file.
        auto r = runFile(service, file({QStringLiteral("a@p.example,https://x.example,false,,,"),
                                        QStringLiteral("b@p.example,https://x.example,false,\"never closed,,")}));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::Invalid);
        QCOMPARE(scalar(*ctx, QStringLiteral("SELECT COUNT(*) FROM users WHERE user_type = 'Guest'")), 0);
        auto noVersion = runFile(service, QByteArray("Email address to invite [inviteeEmail] Required\r\na@b.example\r\n"));
        QVERIFY(!noVersion.ok());
    }

    void cancelKeepsWholeBatches() {
        auto ctx = m_fx.freshDirectory(QStringLiteral("sqlite"));
        QVERIFY(ctx.ok());
        InvitationService service(*ctx, m_secrets);
        QStringList rows;
        for (int i = 0; i < 50; ++i) {
            rows << QStringLiteral("guest%1@p.example,https://x.example,false,,,").arg(i);
        }
        BulkOptions o;
        o.batchSize = 10;
        o.progress = [](int done, int, qint64) { return done < 20; }; // cancel after the second batch
        auto r = runFile(service, file(rows), o);
        QVERIFY(r.ok());
        QVERIFY(r->cancelled);
        QCOMPARE(r->succeeded, 20);
        QCOMPARE(scalar(*ctx, QStringLiteral("SELECT COUNT(*) FROM users WHERE user_type = 'Guest'")), 20);
        QCOMPARE(scalar(*ctx, QStringLiteral("SELECT COUNT(*) FROM invitations")), 20);
        // A re-run finishes the job.
        auto rest = runFile(service, file(rows));
        QVERIFY(rest.ok());
        QCOMPARE(rest->succeeded, 30);
        QCOMPARE(rest->alreadyInvited, 20);
        QCOMPARE(scalar(*ctx, QStringLiteral("SELECT COUNT(*) FROM users WHERE user_type = 'Guest'")), 50);
    }

    void onlyAdminsBulkInvite() {
        auto ctx = m_fx.freshDirectory(QStringLiteral("sqlite"));
        QVERIFY(ctx.ok());
        auto ivy = UserService(*ctx).addMember({QStringLiteral("Ivy"), QStringLiteral("ivy@fabrikam.example"), {}});
        QVERIFY(RoleService(*ctx).assign(Role::GuestInviter, ivy->id).ok());
        ServiceContext asIvy = m_fx.as(*ctx, ivy->id);
        InvitationService service(asIvy, m_secrets);
        auto r = runFile(service, file({QStringLiteral("a@p.example,https://x.example,false,,,")}));
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::PermissionDenied);
        QCOMPARE(scalar(*ctx, QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE activity = ? AND result = 'denied'"),
                        {activity::BatchUploaded}),
                 1);
    }

    // Plain rows are written with multi-row INSERTs; a row that needs more (a taken UPN, an
    // unsubscribed recipient) or a chunk whose INSERT fails falls back to one row at a time, and the
    // rows end up exactly as the single path writes them.
    void multiRowPathAndFallbacks_data() { engineData(); }
    void multiRowPathAndFallbacks() {
        QFETCH(QString, engine);
        auto ctx = m_fx.freshDirectory(engine);
        QVERIFY(ctx.ok());
        auto c = ctx->db().connection();
        QVERIFY(c.ok());
        // Someone already holds the UPN that taken@p.example would get first.
        QVERIFY(Database::exec(*c,
                               QStringLiteral("INSERT INTO users (id, display_name, user_principal_name, upn_lower, "
                                              "user_type, created_at) VALUES ('holder', 'Holder', ?, ?, 'Member', 1)"),
                               {QStringLiteral("taken_p.example#EXT#@fabrikam.example"),
                                QStringLiteral("taken_p.example#ext#@fabrikam.example")})
                    .ok());
        QVERIFY(Database::exec(*c, QStringLiteral("INSERT INTO unsubscribed (email_lower, at_ms) VALUES (?, 1)"),
                               {QStringLiteral("quiet@p.example")})
                    .ok());
        // The database refuses one invitation (as a constraint would), in the middle of a chunk.
        const bool sqlite = engine == QLatin1String("sqlite");
        const QStringList ddl =
            sqlite ? QStringList{QStringLiteral(
                         "CREATE TRIGGER test_refuse BEFORE INSERT ON invitations WHEN new.email_lower = "
                         "'refused@p.example' BEGIN SELECT RAISE(ABORT, 'refused by the test'); END")}
                   : QStringList{QStringLiteral("CREATE FUNCTION test_refuse() RETURNS trigger LANGUAGE plpgsql AS $$ "
                                                "BEGIN IF NEW.email_lower = 'refused@p.example' THEN RAISE EXCEPTION "
                                                "'refused by the test'; END IF; RETURN NEW; END $$"),
                                 QStringLiteral("CREATE TRIGGER test_refuse BEFORE INSERT ON invitations FOR EACH ROW "
                                                "EXECUTE FUNCTION test_refuse()")};
        for (const QString &sql : ddl) {
            QSqlQuery q(*c);
            QVERIFY2(q.exec(sql), qPrintable(q.lastError().text()));
        }
        InvitationService service(*ctx, m_secrets);
        QStringList rows;
        for (int i = 0; i < 30; ++i) {
            rows << QStringLiteral("g%1@p.example,https://x.example,%2,,Guest %1,")
                        .arg(i)
                        .arg(i % 2 ? QLatin1String("true") : QLatin1String("false"));
        }
        rows.insert(10, QStringLiteral("taken@p.example,https://x.example,false,,,"));
        rows.insert(20, QStringLiteral("quiet@p.example,https://x.example,true,,,"));
        auto r = runFile(service, file(rows));
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        QCOMPARE(r->succeeded, 32);
        QCOMPARE(r->failed, 0);
        const int guests = scalar(*ctx, QStringLiteral("SELECT COUNT(*) FROM users WHERE user_type = 'Guest'"));
        QCOMPARE(guests, 32);
        // The taken UPN got the collision suffix; the unsubscribed address got no mail and its audit row.
        QCOMPARE(scalar(*ctx, QStringLiteral("SELECT COUNT(*) FROM users WHERE mail_lower = 'taken@p.example' AND "
                                             "upn_lower <> 'taken_p.example#ext#@fabrikam.example'")),
                 1);
        QCOMPARE(scalar(*ctx, QStringLiteral("SELECT COUNT(*) FROM outbox WHERE recipient = 'quiet@p.example'")), 0);
        QCOMPARE(scalar(*ctx, QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE activity = ?"),
                        {activity::EmailNotSentUnsubscribed}),
                 1);
        QCOMPARE(scalar(*ctx, QStringLiteral("SELECT COUNT(*) FROM outbox")), 15);
        // Every guest has exactly the single path's rows: identity, the inviter as sponsor, one
        // invitation with a token hash, one audit row, and the guest list's sort keys.
        const QString complete = QStringLiteral(
            "SELECT COUNT(*) FROM users u WHERE u.user_type = 'Guest' AND u.invited_by_name = 'Ada Admin' AND "
            "u.sponsors_sort = 'Ada Admin' AND u.external_user_state = 'PendingAcceptance' AND "
            "(SELECT COUNT(*) FROM user_identities i WHERE i.user_id = u.id AND i.issuer = 'fabrikam.example' AND "
            "i.issuer_assigned_id = u.user_principal_name) = 1 AND "
            "(SELECT COUNT(*) FROM sponsors s WHERE s.user_id = u.id AND s.sponsor_id = u.invited_by) = 1 AND "
            "(SELECT COUNT(*) FROM invitations v WHERE v.user_id = u.id AND length(v.token_hash) = 64 AND "
            "v.correlation_id = ?) = 1 AND "
            "(SELECT COUNT(*) FROM audit_log a WHERE a.target_id = u.id AND a.activity = ?) = 1");
        QCOMPARE(scalar(*ctx, complete, {r->correlationId, activity::InviteExternalUser}), 32);

        // The refused row fails alone; the rest of its chunk is invited.
        QStringList more;
        for (int i = 0; i < 20; ++i) {
            more << QStringLiteral("h%1@p.example,https://x.example,false,,,").arg(i);
        }
        more.insert(7, QStringLiteral("refused@p.example,https://x.example,false,,,"));
        auto m = runFile(service, file(more));
        QVERIFY2(m.ok(), qPrintable(m.ok() ? QString() : m.error().message));
        QCOMPARE(m->succeeded, 20);
        QCOMPARE(m->failed, 1);
        QCOMPARE(m->rows.at(7).status, QStringLiteral("Failed"));
        QCOMPARE(m->rows.at(7).email, QStringLiteral("refused@p.example"));
        QCOMPARE(scalar(*ctx, QStringLiteral("SELECT COUNT(*) FROM users WHERE mail_lower = 'refused@p.example'")), 0);
        QCOMPARE(scalar(*ctx, QStringLiteral("SELECT COUNT(*) FROM users WHERE user_type = 'Guest'")), 52);
        QCOMPARE(scalar(*ctx, complete, {m->correlationId, activity::InviteExternalUser}), 20);
    }
};

QTEST_GUILESS_MAIN(tst_BulkInvite)
#include "tst_bulkinvite.moc"
