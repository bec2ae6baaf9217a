// The outbox against a real SMTP server (aiosmtpd on loopback): the invitation mail arrives with a
// working link; an SMTP outage loses nothing and each mail goes out once when the server returns; a
// permanent refusal is recorded, not retried forever.
#include "core/invitations/invitationservice.h"
#include "core/invitations/invitationtoken.h"
#include "core/invitations/outboxsender.h"
#include "core/mail/smtpsettings.h"
#include "core/mail/smtptransport.h"
#include "core/secrets/keychainsecretstore.h"
#include "core/services/settingsservice.h"
#include "directoryfixture.h"
#include "smtpsink.h"

#include <QJsonDocument>
#include <QRegularExpression>
#include <QTest>

using namespace atrium::core;
using atrium::test::DirectoryFixture;
using atrium::test::SmtpSink;

namespace {
int scalar(const ServiceContext &ctx, const QString &sql, const QVariantList &values = {}) {
    auto c = ctx.db().connection();
    auto q = Database::exec(*c, sql, values);
    if (!q.ok() || !q->next()) {
        return -1;
    }
    return q->value(0).toInt();
}

QString decodeQuotedPrintable(const QByteArray &raw) {
    QByteArray out;
    for (int i = 0; i < raw.size(); ++i) {
        if (raw[i] == '=' && i + 2 < raw.size()) {
            if (raw[i + 1] == '\r' || raw[i + 1] == '\n') {
                i += raw[i + 1] == '\r' ? 2 : 1;
                continue;
            }
            const QByteArray byte = QByteArray::fromHex(raw.mid(i + 1, 2));
            if (byte.size() == 1) {
                out += byte;
                i += 2;
            } else {
                out += raw[i];
            }
        } else {
            out += raw[i];
        }
    }
    return QString::fromUtf8(out);
}
} // namespace

class tst_Outbox : public QObject {
    Q_OBJECT
private:
    DirectoryFixture m_fx;
    std::shared_ptr<SecretStore> m_secrets = std::make_shared<KeychainSecretStore>(QStringLiteral("tests"));
    SmtpSink m_sink;

    std::shared_ptr<MailTransport> transport() {
        SmtpSettings s;
        s.host = QStringLiteral("127.0.0.1");
        s.port = m_sink.port();
        s.security = SmtpSettings::Security::None;
        s.fromAddress = QStringLiteral("invites@fabrikam.example");
        s.timeoutSeconds = 5;
        return std::make_shared<SmtpTransport>(s, QString());
    }
    GuestInvite invite(const QString &email) {
        GuestInvite g;
        g.email = email;
        g.redirectUrl = QStringLiteral("https://myapps.fabrikam.example/");
        g.sendEmail = true;
        g.message = QStringLiteral("See you on Monday");
        return g;
    }

private slots:
    void initTestCase() {
        QString error;
        QVERIFY2(m_fx.start(&error), qPrintable(QStringLiteral("PostgreSQL test server: ") + error));
        QVERIFY2(m_sink.start(&error), qPrintable(QStringLiteral("SMTP sink: ") + error));
    }

    void mailArrivesWithWorkingLink_data() {
        QTest::addColumn<QString>("engine");
        for (const QString &e : DirectoryFixture::engines()) {
            QTest::newRow(qPrintable(e)) << e;
        }
    }
    void mailArrivesWithWorkingLink() {
        QFETCH(QString, engine);
        auto ctx = m_fx.freshDirectory(engine);
        QVERIFY(ctx.ok());
        InvitationService service(*ctx, m_secrets);
        const QString email = QStringLiteral("link-%1@contoso.com").arg(engine);
        auto r = service.invite(invite(email));
        QVERIFY(r.ok());
        QVERIFY(r->emailQueued);
        const int before = m_sink.messages().size();
        OutboxSender sender(ctx->database(), ctx->clockPtr(), m_secrets, transport(),
                            {QStringLiteral("invites@fabrikam.example"), QStringLiteral("Fabrikam")});
        auto report = sender.drainOnce(10);
        QVERIFY2(report.ok(), qPrintable(report.ok() ? QString() : report.error().message));
        QCOMPARE(report->sent, 1);
        QVERIFY(m_sink.waitForMessages(before + 1, 10000));
        const QString mail = decodeQuotedPrintable(m_sink.messages().last());
        QVERIFY(mail.contains(QStringLiteral("Subject: ")));
        QVERIFY(mail.contains(QStringLiteral("invited you to access applications within Fabrikam")));
        QVERIFY(mail.contains(QStringLiteral("See you on Monday")));
        const QRegularExpression link(QStringLiteral("http://127\\.0\\.0\\.1:8443/redeem/([A-Za-z0-9_-]{43})"));
        const auto m = link.match(mail);
        QVERIFY2(m.hasMatch(), qPrintable(mail.left(2000)));
        // The link in the mail is the invitation's: its hash is what the database holds.
        QCOMPARE(m.captured(0), r->redeemUrl);
        QCOMPARE(scalar(*ctx, QStringLiteral("SELECT COUNT(*) FROM invitations WHERE token_hash = ?"),
                        {hashToken(m.captured(1))}),
                 1);
        QCOMPARE(scalar(*ctx, QStringLiteral("SELECT COUNT(*) FROM outbox WHERE status = 'sent'")), 1);
        // Nothing left to send: a second run sends nothing again.
        QCOMPARE(sender.drainOnce(10)->sent, 0);
    }

    void outageLosesNothing() {
        auto ctx = m_fx.freshDirectory(QStringLiteral("sqlite"));
        QVERIFY(ctx.ok());
        InvitationService service(*ctx, m_secrets);
        for (int i = 0; i < 5; ++i) {
            QVERIFY(service.invite(invite(QStringLiteral("outage%1@contoso.com").arg(i))).ok());
        }
        OutboxSender sender(ctx->database(), ctx->clockPtr(), m_secrets, transport(),
                            {QStringLiteral("invites@fabrikam.example"), QStringLiteral("Fabrikam")});
        m_sink.stop();
        auto down = sender.drainOnce(10);
        QVERIFY(down.ok());
        QCOMPARE(down->sent, 0);
        QCOMPARE(down->retrying, 1); // stops at the first transient failure
        QCOMPARE(down->pending, 5);
        QVERIFY(!down->lastError.isEmpty());
        // Nothing is due until the back-off has passed.
        QString error;
        QVERIFY2(m_sink.start(&error), qPrintable(error));
        const int before = m_sink.messages().size();
        QCOMPARE(sender.drainOnce(10)->sent, 4);
        m_fx.clock()->advanceSecs(3600);
        QCOMPARE(sender.drainOnce(10)->sent, 1);
        QVERIFY(m_sink.waitForMessages(before + 5, 10000));
        QStringList recipients;
        for (const QByteArray &raw : m_sink.messages().mid(before)) {
            const auto to = QRegularExpression(QStringLiteral("^To: .*?(outage\\d)@"), QRegularExpression::MultilineOption)
                                .match(QString::fromUtf8(raw));
            recipients << to.captured(1);
        }
        recipients.sort();
        QCOMPARE(recipients, (QStringList{QStringLiteral("outage0"), QStringLiteral("outage1"), QStringLiteral("outage2"),
                                          QStringLiteral("outage3"), QStringLiteral("outage4")})); // each once
        QCOMPARE(scalar(*ctx, QStringLiteral("SELECT COUNT(*) FROM outbox WHERE status = 'sent'")), 5);
    }

    void permanentRefusalIsRecorded() {
        auto ctx = m_fx.freshDirectory(QStringLiteral("sqlite"));
        QVERIFY(ctx.ok());
        InvitationService service(*ctx, m_secrets);
        SmtpSink::Options o;
        o.refusals = true;
        SmtpSink refusing(o);
        QString error;
        QVERIFY2(refusing.start(&error), qPrintable(error));
        QVERIFY(service.invite(invite(QStringLiteral("refuse550-x@contoso.com"))).ok());
        SmtpSettings s;
        s.host = QStringLiteral("127.0.0.1");
        s.port = refusing.port();
        s.security = SmtpSettings::Security::None;
        s.fromAddress = QStringLiteral("invites@fabrikam.example");
        OutboxSender sender(ctx->database(), ctx->clockPtr(), m_secrets, std::make_shared<SmtpTransport>(s, QString()),
                            {QStringLiteral("invites@fabrikam.example"), QString()});
        auto report = sender.drainOnce(10);
        QVERIFY(report.ok());
        QCOMPARE(report->failed, 1);
        QCOMPARE(scalar(*ctx, QStringLiteral("SELECT COUNT(*) FROM outbox WHERE status = 'failed'")), 1);
        QCOMPARE(scalar(*ctx, QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE activity = 'Send invitation email' AND "
                                             "result = 'failure'")),
                 1);
    }
};

QTEST_GUILESS_MAIN(tst_Outbox)
#include "tst_outbox.moc"
