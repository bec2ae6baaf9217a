#include "core/mail/invitationmail.h"
#include "core/mail/smtptransport.h"
#include "mimereader.h"
#include "smtpsink.h"

#include <QRegularExpression>
#include <QTest>

using namespace atrium::core;
using namespace atrium::test;

namespace {

const QString kAcceptUrl = QStringLiteral("https://portal.fabrikam.example/redeem?t=Q2x5Zk9u-_9&tenant=f1");

MailMessage invitation(const QString &to = QStringLiteral("alice@contoso.com")) {
    InvitationMailData d;
    d.inviterName = QStringLiteral("Carol Admin");
    d.inviterEmail = QStringLiteral("carol@fabrikam.example");
    d.organizationName = QStringLiteral("Fabrikam");
    d.inviteeEmail = to;
    d.inviteeName = QStringLiteral("Alice Müller");
    d.personalMessage = QStringLiteral("Welcome!\n<b>not bold</b>");
    d.acceptUrl = kAcceptUrl;
    d.redirectUrl = QStringLiteral("https://apps.fabrikam.example/project");
    d.privacyStatementUrl = QStringLiteral("https://fabrikam.example/privacy");
    d.unsubscribeUrl = QStringLiteral("https://portal.fabrikam.example/block?t=Zz9");
    auto m = renderInvitationMail(d, {QStringLiteral("invites@fabrikam.example"), QStringLiteral("Fabrikam")});
    if (!m) {
        qFatal("rendering failed: %s", qPrintable(m.error().message));
    }
    return *m;
}

SmtpSettings settingsFor(const SmtpSink &sink, SmtpSettings::Security security) {
    SmtpSettings s;
    s.host = QStringLiteral("127.0.0.1");
    s.port = sink.port();
    s.security = security;
    s.fromAddress = QStringLiteral("invites@fabrikam.example");
    s.timeoutSeconds = 10;
    if (security != SmtpSettings::Security::None) {
        s.host = QStringLiteral("localhost"); // the name in the sink's certificate
        s.caFile = sink.caFile();
    }
    return s;
}

QString describe(const Status &st) {
    return st.ok() ? QStringLiteral("ok") : st.error().message + QStringLiteral(" | ") + st.error().detail;
}

// The href of the Accept button in a delivered message.
QString acceptLink(const QByteArray &raw) {
    const MimeEntity e = parseEntity(raw);
    static const QRegularExpression re(QStringLiteral("<a href=\"([^\"]*)\" id=\"accept\""));
    return re.match(bodyOfType(e, "text/html")).captured(1).replace(QStringLiteral("&amp;"), QStringLiteral("&"));
}

void verifyNetworkError(const Status &st, bool transient, const QString &messagePart) {
    QVERIFY2(!st.ok(), "sending should have failed");
    QCOMPARE(st.error().code, ErrorCode::Network);
    QCOMPARE(st.error().transient, transient);
    QVERIFY2(st.error().detail.startsWith(transient ? QStringLiteral("transient") : QStringLiteral("permanent")),
             qPrintable(st.error().detail));
    QVERIFY2(st.error().message.contains(messagePart, Qt::CaseInsensitive), qPrintable(st.error().message));
}

} // namespace

class tst_SmtpTransport : public QObject {
    Q_OBJECT
private slots:
    void sendPlainAndFollowLink() {
        SmtpSink sink;
        QString error;
        QVERIFY2(sink.start(&error), qPrintable(error));
        MailMessage m = invitation();
        m.cc = {{QStringLiteral("sponsor@fabrikam.example"), QStringLiteral("Sponsor")}};
        SmtpTransport transport(settingsFor(sink, SmtpSettings::Security::None), QString());
        const Status st = transport.send(m);
        QVERIFY2(st.ok(), qPrintable(describe(st)));
        QVERIFY(sink.waitForMessages(1, 10000));
        const QByteArray raw = sink.messages().constFirst();
        const MimeEntity e = parseEntity(raw);
        // Envelope (added by aiosmtpd's Mailbox handler): sender and both recipients.
        QCOMPARE(e.header("X-MailFrom"), QByteArray("invites@fabrikam.example"));
        QCOMPARE(e.header("X-RcptTo"), QByteArray("alice@contoso.com, sponsor@fabrikam.example"));
        QCOMPARE(decodeHeader(e.header("Subject")),
                 QStringLiteral("Carol Admin invited you to access applications within Fabrikam"));
        QCOMPARE(decodeHeader(e.header("To")), QStringLiteral("Alice Müller <alice@contoso.com>"));
        QCOMPARE(e.header("Reply-To"), QByteArray("Carol Admin <carol@fabrikam.example>"));
        QCOMPARE(e.header("List-Unsubscribe"), QByteArray("<https://portal.fabrikam.example/block?t=Zz9>"));
        QCOMPARE(acceptLink(raw), kAcceptUrl);
        QVERIFY(bodyOfType(e, "text/plain").split(QLatin1Char('\n')).contains(kAcceptUrl));
        QVERIFY(bodyOfType(e, "text/html").contains(QStringLiteral("&lt;b&gt;not bold&lt;/b&gt;")));
    }

    void dotLinesSurviveTransport() {
        // SMTP dot-stuffing is libcurl's job; a body line "." must not end the DATA early.
        SmtpSink sink;
        QString error;
        QVERIFY2(sink.start(&error), qPrintable(error));
        MailMessage m = invitation();
        m.htmlBody.clear();
        m.textBody = QStringLiteral("before\n.\n..two\nafter\n");
        SmtpTransport transport(settingsFor(sink, SmtpSettings::Security::None), QString());
        const Status st = transport.send(m);
        QVERIFY2(st.ok(), qPrintable(describe(st)));
        QVERIFY(sink.waitForMessages(1, 10000));
        QCOMPARE(bodyOfType(parseEntity(sink.messages().constFirst()), "text/plain"), m.textBody);
    }

    void outageIsTransientAndRecovers() {
        SmtpSink sink;
        QString error;
        QVERIFY2(sink.start(&error), qPrintable(error));
        const SmtpSettings settings = settingsFor(sink, SmtpSettings::Security::None);
        sink.stop();
        SmtpTransport transport(settings, QString());
        verifyNetworkError(transport.send(invitation()), true, QStringLiteral("could not connect"));
        QVERIFY2(sink.start(&error), qPrintable(error));
        QCOMPARE(sink.port(), settings.port);
        const Status st = transport.send(invitation());
        QVERIFY2(st.ok(), qPrintable(describe(st)));
        QVERIFY(sink.waitForMessages(1, 10000));
    }

    void injectionNeverReachesTheServer() {
        SmtpSink sink;
        QString error;
        QVERIFY2(sink.start(&error), qPrintable(error));
        MailMessage m = invitation();
        m.subject += QStringLiteral("\r\nBcc: victim@evil.example");
        SmtpTransport transport(settingsFor(sink, SmtpSettings::Security::None), QString());
        const Status st = transport.send(m);
        QVERIFY(!st.ok());
        QCOMPARE(st.error().code, ErrorCode::Invalid);
        QVERIFY(!st.error().transient);
        QCOMPARE(st.error().field, QStringLiteral("Subject"));
        QVERIFY(!sink.waitForMessages(1, 500));
    }

    void recipientRefused_data() {
        QTest::addColumn<QString>("recipient");
        QTest::addColumn<bool>("transient");
        QTest::newRow("450") << "refuse450@contoso.com" << true;
        QTest::newRow("550") << "refuse550@contoso.com" << false;
    }
    void recipientRefused() {
        QFETCH(QString, recipient);
        QFETCH(bool, transient);
        SmtpSink::Options options;
        options.refusals = true;
        SmtpSink sink(options);
        QString error;
        QVERIFY2(sink.start(&error), qPrintable(error));
        SmtpTransport transport(settingsFor(sink, SmtpSettings::Security::None), QString());
        const Status st = transport.send(invitation(recipient));
        verifyNetworkError(st, transient, QStringLiteral("refused a recipient"));
        QVERIFY2(st.error().message.contains(recipient.left(9) == QLatin1String("refuse450") ? QStringLiteral("450")
                                                                                             : QStringLiteral("550")),
                 qPrintable(st.error().message));
        // A refused recipient refuses the whole message: nothing half-delivered to the others.
        QVERIFY(!sink.waitForMessages(1, 300));
        QVERIFY2(transport.send(invitation()).ok(), "a good recipient still works");
    }

    void startTlsWithAuth() {
        SmtpSink::Options options;
        options.tls = SmtpSink::Options::Tls::StartTls;
        options.username = QStringLiteral("atrium");
        options.password = QStringLiteral("s3cret pässword");
        SmtpSink sink(options);
        QString error;
        QVERIFY2(sink.start(&error), qPrintable(error));
        SmtpSettings s = settingsFor(sink, SmtpSettings::Security::StartTls);
        s.username = options.username;
        {
            SmtpTransport transport(s, options.password);
            const Status st = transport.send(invitation());
            QVERIFY2(st.ok(), qPrintable(describe(st)));
            QVERIFY(sink.waitForMessages(1, 10000));
            QCOMPARE(acceptLink(sink.messages().constFirst()), kAcceptUrl);
        }
        {
            SmtpTransport transport(s, QStringLiteral("wrong"));
            verifyNetworkError(transport.send(invitation()), false, QStringLiteral("authentication failed"));
        }
        {
            // The server insists on AUTH: no credentials, no mail.
            SmtpSettings anonymous = s;
            anonymous.username.clear();
            SmtpTransport transport(anonymous, QString());
            QVERIFY(!transport.send(invitation()).ok());
        }
        {
            // Without the test CA the self-signed certificate is refused.
            SmtpSettings untrusted = s;
            untrusted.caFile.clear();
            SmtpTransport transport(untrusted, options.password);
            verifyNetworkError(transport.send(invitation()), false, QStringLiteral("TLS"));
        }
        {
            // Connecting by a name the certificate does not carry fails host verification...
            SmtpSettings wrongName = s;
            wrongName.host = QStringLiteral("127.0.0.1");
            SmtpTransport transport(wrongName, options.password);
            verifyNetworkError(transport.send(invitation()), false, QStringLiteral("TLS"));
        }
        {
            // ...unless the admin turned verification off (a private relay without a proper cert).
            SmtpSettings noVerify = s;
            noVerify.caFile.clear();
            noVerify.verifyPeer = false;
            SmtpTransport transport(noVerify, options.password);
            const Status st = transport.send(invitation());
            QVERIFY2(st.ok(), qPrintable(describe(st)));
        }
        QVERIFY(sink.waitForMessages(2, 10000));
        QCOMPARE(sink.messages().size(), 2);
    }

    void implicitTls() {
        SmtpSink::Options options;
        options.tls = SmtpSink::Options::Tls::Implicit;
        options.username = QStringLiteral("atrium");
        options.password = QStringLiteral("pw");
        SmtpSink sink(options);
        QString error;
        QVERIFY2(sink.start(&error), qPrintable(error));
        SmtpSettings s = settingsFor(sink, SmtpSettings::Security::Tls);
        s.username = options.username;
        SmtpTransport transport(s, options.password);
        const Status st = transport.send(invitation());
        QVERIFY2(st.ok(), qPrintable(describe(st)));
        QVERIFY(sink.waitForMessages(1, 10000));
        QCOMPARE(acceptLink(sink.messages().constFirst()), kAcceptUrl);
    }

    void startTlsRequiredButNotOffered() {
        SmtpSink sink; // plain aiosmtpd: no STARTTLS
        QString error;
        QVERIFY2(sink.start(&error), qPrintable(error));
        SmtpTransport transport(settingsFor(sink, SmtpSettings::Security::StartTls), QString());
        verifyNetworkError(transport.send(invitation()), false, QStringLiteral("STARTTLS"));
        QVERIFY(!sink.waitForMessages(1, 300));
    }

    void passwordNeverSentInClear() {
        SmtpSink sink;
        QString error;
        QVERIFY2(sink.start(&error), qPrintable(error));
        SmtpSettings s = settingsFor(sink, SmtpSettings::Security::None);
        s.host = QStringLiteral("smtp.fabrikam.example");
        s.username = QStringLiteral("atrium");
        SmtpTransport transport(s, QStringLiteral("pw"));
        const Status st = transport.send(invitation());
        QVERIFY(!st.ok());
        QCOMPARE(st.error().code, ErrorCode::Invalid);
        QCOMPARE(st.error().field, QStringLiteral("security"));
    }
};

QTEST_GUILESS_MAIN(tst_SmtpTransport)
#include "tst_smtptransport.moc"
