#include "core/mail/invitationmail.h"
#include "core/mail/mimecomposer.h"
#include "mimereader.h"

#include <QFile>
#include <QRegularExpression>
#include <QTest>

using namespace atrium::core;
using namespace atrium::test;

namespace {

InvitationMailData sample() {
    InvitationMailData d;
    d.inviterName = QStringLiteral("Carol Admin");
    d.inviterEmail = QStringLiteral("carol@fabrikam.example");
    d.organizationName = QStringLiteral("Fabrikam");
    d.inviteeEmail = QStringLiteral("alice@contoso.com");
    d.inviteeName = QStringLiteral("Alice Example");
    d.personalMessage = QStringLiteral("Welcome aboard!\nSee you in the project space.");
    d.acceptUrl = QStringLiteral("https://portal.fabrikam.example/redeem?t=AbC123_-x&tenant=f1");
    d.redirectUrl = QStringLiteral("https://apps.fabrikam.example/project");
    d.privacyStatementUrl = QStringLiteral("https://fabrikam.example/privacy");
    d.unsubscribeUrl = QStringLiteral("https://portal.fabrikam.example/block?t=Zz9");
    return d;
}

const MailAddress kFrom{QStringLiteral("invites@fabrikam.example"), QStringLiteral("Fabrikam Invitations")};

MailMessage render(const InvitationMailData &d) {
    auto r = renderInvitationMail(d, kFrom);
    if (!r) {
        qWarning() << r.error().message << r.error().detail;
        return {};
    }
    return *r;
}

QStringList hrefs(const QString &html) {
    static const QRegularExpression re(QStringLiteral("href=\"([^\"]*)\""));
    QStringList out;
    auto it = re.globalMatch(html);
    while (it.hasNext()) {
        out << it.next().captured(1).replace(QStringLiteral("&amp;"), QStringLiteral("&"));
    }
    return out;
}

QString elementText(const QString &html, const QString &id) {
    const QRegularExpression re(QStringLiteral("id=\"%1\"[^>]*>(.*?)</").arg(id),
                                QRegularExpression::DotMatchesEverythingOption);
    return re.match(html).captured(1);
}

} // namespace

class tst_InvitationMail : public QObject {
    Q_OBJECT
private slots:
    void templatesAreCompiledIn() {
        for (const char *path : {":/mail/invitation.txt", ":/mail/invitation.html", ":/mail/de/invitation.txt",
                                 ":/mail/de/invitation.html"}) {
            QVERIFY2(QFile::exists(QString::fromLatin1(path)), path);
        }
    }

    void specElements() {
        const InvitationMailData d = sample();
        const MailMessage m = render(d);
        QCOMPARE(m.subject, QStringLiteral("Carol Admin invited you to access applications within Fabrikam"));
        QCOMPARE(m.from.address, kFrom.address);
        QCOMPARE(m.to.size(), 1);
        QCOMPARE(m.to.at(0).address, d.inviteeEmail);
        QCOMPARE(m.to.at(0).displayName, d.inviteeName);
        QVERIFY(m.replyTo.has_value());
        QCOMPARE(m.replyTo->address, d.inviterEmail);
        QCOMPARE(m.replyTo->displayName, d.inviterName);
        QCOMPARE(m.extraHeaders.size(), 1);
        QCOMPARE(m.extraHeaders.at(0).first, QByteArray("List-Unsubscribe"));
        QCOMPARE(m.extraHeaders.at(0).second, QLatin1Char('<') + d.unsubscribeUrl + QLatin1Char('>'));

        // Text part: every element, URLs verbatim on their own lines.
        const QStringList lines = m.textBody.split(QLatin1Char('\n'));
        QVERIFY(m.textBody.contains(QStringLiteral("Hello Alice Example,")));
        QVERIFY(m.textBody.contains(QStringLiteral("Carol Admin (carol@fabrikam.example) invited you")));
        QVERIFY(m.textBody.contains(QStringLiteral("Welcome aboard!\nSee you in the project space.")));
        QVERIFY(m.textBody.contains(QStringLiteral("only act on this email if you trust")));
        QVERIFY(lines.contains(d.acceptUrl));
        QVERIFY(lines.contains(d.redirectUrl));
        QVERIFY(lines.contains(d.privacyStatementUrl));
        QVERIFY(lines.contains(d.unsubscribeUrl));
        QVERIFY(!m.textBody.contains(QStringLiteral("{{")));
        QVERIFY(!m.textBody.startsWith(QStringLiteral("Subject")));

        // HTML part: the Accept button, privacy and unsubscribe links, redirect URL shown.
        const QString html = m.htmlBody;
        QVERIFY(html.contains(QStringLiteral("<a href=\"https://portal.fabrikam.example/redeem?t=AbC123_-x&amp;"
                                             "tenant=f1\" id=\"accept\"")));
        QCOMPARE(hrefs(html), (QStringList{d.acceptUrl, d.privacyStatementUrl, d.unsubscribeUrl}));
        QCOMPARE(elementText(html, QStringLiteral("redirect-url")), d.redirectUrl);
        QVERIFY(elementText(html, QStringLiteral("phishing-warning")).contains(QStringLiteral("trust")));
        QCOMPARE(elementText(html, QStringLiteral("personal-message")),
                 QStringLiteral("Welcome aboard!<br>\nSee you in the project space."));
        QVERIFY(html.contains(QStringLiteral("Accept invitation")));
        QVERIFY(html.contains(QStringLiteral("Block future invitations from Fabrikam")));
        QVERIFY(html.contains(QStringLiteral("Privacy statement of Fabrikam")));
        QVERIFY(!html.contains(QStringLiteral("{{")));

        // And it composes into a valid message.
        const auto mime = composeMime(m);
        QVERIFY(mime.ok());
        const MimeEntity e = parseEntity(*mime);
        QCOMPARE(decodeHeader(e.header("Subject")), m.subject);
        QCOMPARE(e.header("Reply-To"), QByteArray("Carol Admin <carol@fabrikam.example>"));
        QCOMPARE(e.header("List-Unsubscribe"), QByteArray("<https://portal.fabrikam.example/block?t=Zz9>"));
        QCOMPARE(bodyOfType(e, "text/html"), html);
    }

    void optionalPartsOmitted() {
        InvitationMailData d = sample();
        d.privacyStatementUrl.clear();
        d.personalMessage.clear();
        d.inviteeName.clear();
        const MailMessage m = render(d);
        QVERIFY(!m.subject.isEmpty());
        QVERIFY(!m.htmlBody.contains(QStringLiteral("id=\"privacy\"")));
        QVERIFY(!m.htmlBody.contains(QStringLiteral("personal-message")));
        QVERIFY(!m.htmlBody.contains(QStringLiteral("Hello")));
        QVERIFY(!m.textBody.contains(QStringLiteral("Privacy")));
        QVERIFY(!m.textBody.contains(QStringLiteral("Message from")));
        QVERIFY(!m.textBody.contains(QStringLiteral("\n\n\n")));
        QCOMPARE(hrefs(m.htmlBody), (QStringList{d.acceptUrl, d.unsubscribeUrl}));
        QVERIFY(m.textBody.startsWith(QStringLiteral("Carol Admin (carol@fabrikam.example) invited you")));
    }

    void hostileValuesAreEscaped() {
        InvitationMailData d = sample();
        d.inviterName = QStringLiteral("Mallory <img src=x onerror=alert(1)> \"O'Neil\"");
        d.organizationName = QStringLiteral("Evil & <b>Co</b>");
        d.inviteeName = QStringLiteral("<i>Alice</i>");
        d.personalMessage = QStringLiteral("<script>alert('x')</script>\n<a href=\"https://evil.example\">click</a>"
                                           "\n{{acceptUrl}} & {{#privacyStatementUrl}}");
        const MailMessage m = render(d);
        const QString html = m.htmlBody;
        QVERIFY(!html.contains(QStringLiteral("<script")));
        QVERIFY(!html.contains(QStringLiteral("<img")));
        QVERIFY(!html.contains(QStringLiteral("<b>Co")));
        QVERIFY(!html.contains(QStringLiteral("<i>Alice")));
        QVERIFY(!html.contains(QStringLiteral("evil.example\">")));
        QVERIFY(html.contains(QStringLiteral("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;<br>")));
        QVERIFY(html.contains(QStringLiteral("Mallory &lt;img src=x onerror=alert(1)&gt; &quot;O&#39;Neil&quot;")));
        QVERIFY(html.contains(QStringLiteral("Evil &amp; &lt;b&gt;Co&lt;/b&gt;")));
        // Template syntax in a value is text, not a placeholder (one-pass rendering).
        QVERIFY(html.contains(QStringLiteral("{{acceptUrl}} &amp; {{#privacyStatementUrl}}")));
        QCOMPARE(hrefs(html), (QStringList{d.acceptUrl, d.privacyStatementUrl, d.unsubscribeUrl}));
        // The text part keeps the message as plain text.
        QVERIFY(m.textBody.contains(QStringLiteral("<script>alert('x')</script>\n<a href=")));
        // The subject is exact and unescaped (it is a header, not HTML).
        QCOMPARE(m.subject, d.inviterName + QStringLiteral(" invited you to access applications within ") +
                                d.organizationName);
        QVERIFY(composeMime(m).ok());
    }

    void personalMessageNewlinesAndControls() {
        InvitationMailData d = sample();
        d.personalMessage = QStringLiteral("line1\r\nline2\rline3\x07\x1b[31m\nline4");
        const MailMessage m = render(d);
        QVERIFY(m.textBody.contains(QStringLiteral("line1\nline2\nline3[31m\nline4")));
        QCOMPARE(elementText(m.htmlBody, QStringLiteral("personal-message")),
                 QStringLiteral("line1<br>\nline2<br>\nline3[31m<br>\nline4"));
    }

    void refusesBadInput_data() {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::newRow("inviter name newline") << "inviterName" << "Carol\r\nBcc: x@evil.example";
        QTest::newRow("organization newline") << "organizationName" << "Fab\nrikam";
        QTest::newRow("invitee name newline") << "inviteeName" << "Alice\nBcc: x@evil.example";
        QTest::newRow("inviter name empty") << "inviterName" << "  ";
        QTest::newRow("organization empty") << "organizationName" << "";
        QTest::newRow("invitee email bad") << "inviteeEmail" << "alice";
        QTest::newRow("invitee email injection") << "inviteeEmail" << "alice@contoso.com\r\nBcc: x@evil.example";
        QTest::newRow("inviter email bad") << "inviterEmail" << "carol@";
        QTest::newRow("accept javascript") << "acceptUrl" << "javascript:alert(1)";
        QTest::newRow("accept relative") << "acceptUrl" << "/redeem?t=1";
        QTest::newRow("accept missing") << "acceptUrl" << "";
        QTest::newRow("redirect data") << "redirectUrl" << "data:text/html,<script>alert(1)</script>";
        QTest::newRow("redirect missing") << "redirectUrl" << "";
        QTest::newRow("privacy ftp") << "privacyStatementUrl" << "ftp://fabrikam.example/privacy";
        QTest::newRow("unsubscribe missing") << "unsubscribeUrl" << "";
        QTest::newRow("unsubscribe quote") << "unsubscribeUrl" << "https://x.example/\" onclick=\"alert(1)";
    }
    void refusesBadInput() {
        QFETCH(QString, field);
        QFETCH(QString, value);
        InvitationMailData d = sample();
        QString *target = field == QLatin1String("inviterName")           ? &d.inviterName
                          : field == QLatin1String("organizationName")    ? &d.organizationName
                          : field == QLatin1String("inviteeName")         ? &d.inviteeName
                          : field == QLatin1String("inviteeEmail")        ? &d.inviteeEmail
                          : field == QLatin1String("inviterEmail")        ? &d.inviterEmail
                          : field == QLatin1String("acceptUrl")           ? &d.acceptUrl
                          : field == QLatin1String("redirectUrl")         ? &d.redirectUrl
                          : field == QLatin1String("privacyStatementUrl") ? &d.privacyStatementUrl
                                                                          : &d.unsubscribeUrl;
        *target = value;
        const auto r = renderInvitationMail(d, kFrom);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::Invalid);
        QCOMPARE(r.error().field, field);
    }

    void german() {
        InvitationMailData d = sample();
        d.language = QStringLiteral("de");
        const MailMessage m = render(d);
        QCOMPARE(m.subject, QStringLiteral("Carol Admin hat Sie eingeladen, auf Anwendungen von Fabrikam zuzugreifen"));
        QVERIFY(m.htmlBody.contains(QStringLiteral("lang=\"de\"")));
        QVERIFY(m.htmlBody.contains(QStringLiteral("Einladung annehmen")));
        QVERIFY(m.textBody.contains(QStringLiteral("Künftige Einladungen von Fabrikam blockieren")));
        QCOMPARE(hrefs(m.htmlBody), (QStringList{d.acceptUrl, d.privacyStatementUrl, d.unsubscribeUrl}));
        // Unknown languages fall back to English.
        d.language = QStringLiteral("xx");
        QVERIFY(render(d).subject.contains(QStringLiteral("invited you")));
        d.language = QStringLiteral("de-AT");
        QVERIFY(render(d).subject.contains(QStringLiteral("eingeladen")));
    }

    void unicodeValues() {
        InvitationMailData d = sample();
        d.inviterName = QStringLiteral("Jürgen Müller");
        d.organizationName = QStringLiteral("Bücher & Söhne");
        const MailMessage m = render(d);
        QCOMPARE(m.subject, QStringLiteral("Jürgen Müller invited you to access applications within Bücher & Söhne"));
        const auto mime = composeMime(m);
        QVERIFY(mime.ok());
        const MimeEntity e = parseEntity(*mime);
        QCOMPARE(decodeHeader(e.header("Subject")), m.subject);
        QVERIFY(bodyOfType(e, "text/html").contains(QStringLiteral("Bücher &amp; Söhne")));
    }
};

QTEST_GUILESS_MAIN(tst_InvitationMail)
#include "tst_invitationmail.moc"
