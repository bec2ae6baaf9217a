#include "core/invitations/bulkinvite.h"
#include "core/policy/collaborationsettings.h"
#include "core/secrets/keychainsecretstore.h"
#include "core/services/roleservice.h"
#include "core/services/settingsservice.h"
#include "core/services/userservice.h"
#include "directoryfixture.h"

#include <QBuffer>
#include <QJsonDocument>
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
};

QTEST_GUILESS_MAIN(tst_BulkInvite)
#include "tst_bulkinvite.moc"
