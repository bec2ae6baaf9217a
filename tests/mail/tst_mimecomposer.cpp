#include "core/mail/mimecomposer.h"
#include "mimereader.h"

#include <QTest>

using namespace atrium::core;
using namespace atrium::test;

namespace {

MailMessage sample() {
    MailMessage m;
    m.from = {QStringLiteral("invites@fabrikam.example"), QStringLiteral("Fabrikam Invitations")};
    m.to = {{QStringLiteral("alice@contoso.com"), QStringLiteral("Alice Example")}};
    m.cc = {{QStringLiteral("bob@contoso.com"), QString()}};
    m.replyTo = MailAddress{QStringLiteral("carol@fabrikam.example"), QStringLiteral("Carol")};
    m.subject = QStringLiteral("Carol invited you to access applications within Fabrikam");
    m.textBody = QStringLiteral("Hello Alice,\nplease accept.\n");
    m.htmlBody = QStringLiteral("<p>Hello Alice,</p>\n<p>please accept.</p>\n");
    m.messageId = QStringLiteral("inv-1@fabrikam.example");
    m.date = QDateTime(QDate(2026, 1, 15), QTime(9, 0, 0), Qt::UTC);
    m.extraHeaders = {{QByteArrayLiteral("List-Unsubscribe"), QStringLiteral("<https://portal.example/u/abc>")}};
    return m;
}

QByteArray compose(const MailMessage &m) {
    auto r = composeMime(m);
    if (!r) {
        qWarning() << r.error().message;
        return {};
    }
    return *r;
}

// Every line ends in CRLF, none is longer than `limit` (without CRLF).
bool linesWellFormed(const QByteArray &raw, int limit, QByteArray *bad) {
    if (!raw.endsWith("\r\n")) {
        *bad = "no final CRLF";
        return false;
    }
    const QList<QByteArray> lines = raw.split('\n');
    for (qsizetype i = 0; i + 1 < lines.size(); ++i) {
        const QByteArray &l = lines.at(i);
        if (!l.endsWith('\r') || l.chopped(1).contains('\r')) {
            *bad = "bare LF or CR: " + l;
            return false;
        }
        if (l.size() - 1 > limit) {
            *bad = "too long: " + l;
            return false;
        }
    }
    return true;
}

QByteArray headerBlock(const QByteArray &raw) { return raw.left(raw.indexOf("\r\n\r\n") + 2); }

} // namespace

class tst_MimeComposer : public QObject {
    Q_OBJECT
private slots:
    void headers() {
        const QByteArray raw = compose(sample());
        QVERIFY(!raw.isEmpty());
        QByteArray bad;
        QVERIFY2(linesWellFormed(raw, 78, &bad), bad.constData());
        const MimeEntity e = parseEntity(raw);
        QCOMPARE(e.header("Date"), QByteArray("Thu, 15 Jan 2026 09:00:00 +0000"));
        QCOMPARE(e.header("From"), QByteArray("Fabrikam Invitations <invites@fabrikam.example>"));
        QCOMPARE(e.header("To"), QByteArray("Alice Example <alice@contoso.com>"));
        QCOMPARE(e.header("Cc"), QByteArray("bob@contoso.com"));
        QCOMPARE(e.header("Reply-To"), QByteArray("Carol <carol@fabrikam.example>"));
        QCOMPARE(decodeHeader(e.header("Subject")), sample().subject);
        QCOMPARE(e.header("Message-ID"), QByteArray("<inv-1@fabrikam.example>"));
        QCOMPARE(e.header("MIME-Version"), QByteArray("1.0"));
        QCOMPARE(e.header("List-Unsubscribe"), QByteArray("<https://portal.example/u/abc>"));
        QCOMPARE(e.headerCount("Subject"), 1);
        QVERIFY(e.header("Bcc").isEmpty());
        QVERIFY(e.header("Content-Type").startsWith("multipart/alternative; boundary=\""));
    }

    void multipartAlternative() {
        const QByteArray raw = compose(sample());
        const MimeEntity e = parseEntity(raw);
        const QList<MimeEntity> p = parts(e);
        QCOMPARE(p.size(), 2);
        QCOMPARE(p.at(0).header("Content-Type"), QByteArray("text/plain; charset=UTF-8"));
        QCOMPARE(p.at(1).header("Content-Type"), QByteArray("text/html; charset=UTF-8"));
        QCOMPARE(p.at(0).header("Content-Transfer-Encoding"), QByteArray("quoted-printable"));
        QCOMPARE(QString::fromUtf8(decodeBody(p.at(0))), sample().textBody);
        QCOMPARE(QString::fromUtf8(decodeBody(p.at(1))), sample().htmlBody);
        // The boundary occurs exactly as delimiter lines: two parts and the close.
        const QByteArray boundary = e.header("Content-Type").split('"').at(1);
        QCOMPARE(raw.count(QByteArray("--" + boundary)), 3);
        QVERIFY(raw.contains(QByteArray("\r\n--" + boundary + "--\r\n")));
    }

    void singlePart_data() {
        QTest::addColumn<bool>("html");
        QTest::newRow("text only") << false;
        QTest::newRow("html only") << true;
    }
    void singlePart() {
        QFETCH(bool, html);
        MailMessage m = sample();
        (html ? m.textBody : m.htmlBody).clear();
        const MimeEntity e = parseEntity(compose(m));
        QCOMPARE(e.header("Content-Type"),
                 html ? QByteArray("text/html; charset=UTF-8") : QByteArray("text/plain; charset=UTF-8"));
        QCOMPARE(e.header("Content-Transfer-Encoding"), QByteArray("quoted-printable"));
        QCOMPARE(QString::fromUtf8(decodeBody(e)), html ? m.htmlBody : m.textBody);
        QVERIFY(parts(e).isEmpty());
    }

    void injectionRefused_data() {
        QTest::addColumn<QString>("where");
        QTest::addColumn<QString>("field");
        const QStringList places = {QStringLiteral("from.address"), QStringLiteral("from.name"),
                                    QStringLiteral("to.address"),   QStringLiteral("to.name"),
                                    QStringLiteral("cc.address"),   QStringLiteral("cc.name"),
                                    QStringLiteral("replyTo.address"), QStringLiteral("replyTo.name"),
                                    QStringLiteral("subject"),      QStringLiteral("messageId"),
                                    QStringLiteral("extra.value"),  QStringLiteral("extra.name")};
        const QStringList fields = {QStringLiteral("From"),     QStringLiteral("From"),     QStringLiteral("To"),
                                    QStringLiteral("To"),       QStringLiteral("Cc"),       QStringLiteral("Cc"),
                                    QStringLiteral("Reply-To"), QStringLiteral("Reply-To"), QStringLiteral("Subject"),
                                    QStringLiteral("Message-ID"), QStringLiteral("X-Atrium-Test"),
                                    QStringLiteral("X-Atrium")};
        for (qsizetype i = 0; i < places.size(); ++i) {
            for (const char *ch : {"CR", "LF", "NUL"}) {
                QTest::addRow("%s %s", qPrintable(places.at(i)), ch) << places.at(i) + QLatin1Char('/') +
                                                                            QLatin1String(ch)
                                                                     << fields.at(i);
            }
        }
    }
    void injectionRefused() {
        QFETCH(QString, where);
        QFETCH(QString, field);
        const QString kind = where.section(QLatin1Char('/'), 1);
        const QString place = where.section(QLatin1Char('/'), 0, 0);
        const QChar bad = kind == QLatin1String("CR") ? QLatin1Char('\r')
                          : kind == QLatin1String("LF") ? QLatin1Char('\n')
                                                        : QChar(0);
        const QString payload = QStringLiteral("x") + bad + QStringLiteral("Bcc: victim@evil.example");
        MailMessage m = sample();
        m.extraHeaders.append({QByteArrayLiteral("X-Atrium-Test"), QStringLiteral("ok")});
        if (place == QLatin1String("from.address")) {
            m.from.address += payload;
        } else if (place == QLatin1String("from.name")) {
            m.from.displayName += payload;
        } else if (place == QLatin1String("to.address")) {
            m.to[0].address += payload;
        } else if (place == QLatin1String("to.name")) {
            m.to[0].displayName += payload;
        } else if (place == QLatin1String("cc.address")) {
            m.cc[0].address += payload;
        } else if (place == QLatin1String("cc.name")) {
            m.cc[0].displayName += payload;
        } else if (place == QLatin1String("replyTo.address")) {
            m.replyTo->address += payload;
        } else if (place == QLatin1String("replyTo.name")) {
            m.replyTo->displayName += payload;
        } else if (place == QLatin1String("subject")) {
            m.subject += payload;
        } else if (place == QLatin1String("messageId")) {
            m.messageId += payload;
        } else if (place == QLatin1String("extra.value")) {
            m.extraHeaders.last().second += payload;
        } else {
            m.extraHeaders.append({QByteArray("X-Atrium") + payload.toLatin1(), QStringLiteral("v")});
        }
        const auto r = composeMime(m);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, ErrorCode::Invalid);
        QVERIFY2(r.error().field.startsWith(field), qPrintable(r.error().field));
        QVERIFY2(r.error().message.contains(field), qPrintable(r.error().message));
    }

    void unicodeDisplayNames_data() {
        QTest::addColumn<QString>("name");
        QTest::newRow("umlauts") << QStringLiteral("Jürgen Müller");
        QTest::newRow("cjk") << QStringLiteral("山田 太郎");
        QTest::newRow("emoji") << QStringLiteral("Ada 🚀 Lovelace");
        QTest::newRow("long mixed") << QString(QStringLiteral("Ünïcödé 🚀 ")).repeated(12);
    }
    void unicodeDisplayNames() {
        QFETCH(QString, name);
        MailMessage m = sample();
        m.to[0].displayName = name;
        m.from.displayName = name;
        const QByteArray raw = compose(m);
        QByteArray bad;
        QVERIFY2(linesWellFormed(raw, 78, &bad), bad.constData());
        const QByteArray head = headerBlock(raw);
        for (const char c : head) {
            QVERIFY2(static_cast<unsigned char>(c) < 0x80, "non-ASCII byte in the header");
        }
        const MimeEntity e = parseEntity(raw);
        QVERIFY(e.header("To").contains("=?UTF-8?B?"));
        QCOMPARE(decodeHeader(e.header("To")), name.trimmed() + QStringLiteral(" <alice@contoso.com>"));
        QCOMPARE(decodeHeader(e.header("From")), name.trimmed() + QStringLiteral(" <invites@fabrikam.example>"));
        // Each encoded-word is whole UTF-8 on its own (no character split across words).
        static const QRegularExpression word(QStringLiteral("=\\?UTF-8\\?B\\?([^?]*)\\?="));
        auto it = word.globalMatch(QString::fromLatin1(e.header("To")));
        while (it.hasNext()) {
            const auto match = it.next();
            QVERIFY(match.captured(0).size() <= 75);
            const QString part = QString::fromUtf8(QByteArray::fromBase64(match.captured(1).toLatin1()));
            QVERIFY2(!part.contains(QChar::ReplacementCharacter), qPrintable(part));
        }
    }

    void asciiDisplayNames_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("atoms") << QStringLiteral("Alice Example") << QByteArray("Alice Example <alice@contoso.com>");
        QTest::newRow("comma") << QStringLiteral("Example, Alice")
                               << QByteArray("\"Example, Alice\" <alice@contoso.com>");
        QTest::newRow("quote and backslash") << QStringLiteral("A \"B\" \\ C")
                                             << QByteArray("\"A \\\"B\\\" \\\\ C\" <alice@contoso.com>");
        QTest::newRow("angle brackets") << QStringLiteral("evil <x@evil.example>")
                                        << QByteArray("\"evil <x@evil.example>\" <alice@contoso.com>");
        QTest::newRow("encoded-word look-alike") << QStringLiteral("=?UTF-8?B?SGk=?=")
                                                 << QByteArray("\"=?UTF-8?B?SGk=?=\" <alice@contoso.com>");
        QTest::newRow("empty") << QString() << QByteArray("alice@contoso.com");
    }
    void asciiDisplayNames() {
        QFETCH(QString, name);
        QFETCH(QByteArray, expected);
        MailMessage m = sample();
        m.to[0].displayName = name;
        QCOMPARE(parseEntity(compose(m)).header("To"), expected);
    }

    void subjectFolding_data() {
        QTest::addColumn<QString>("subject");
        QTest::addColumn<bool>("encoded");
        QTest::newRow("short ascii") << QStringLiteral("Hello") << false;
        QTest::newRow("long ascii")
            << QStringLiteral("A very long inviter display name invited you to access applications within "
                              "a very long organization name that goes on and on, Incorporated and Partners")
            << false;
        QTest::newRow("long unicode")
            << QStringLiteral("Jürgen Müller hat Sie eingeladen, auf Anwendungen von Bücher & Söhne GmbH "
                              "zuzugreifen – größer, schöner, überall 🚀")
            << true;
        QTest::newRow("one long word") << QString(120, QLatin1Char('x')) << true;
        QTest::newRow("encoded-word look-alike") << QStringLiteral("=?UTF-8?B?SGk=?=") << true;
    }
    void subjectFolding() {
        QFETCH(QString, subject);
        QFETCH(bool, encoded);
        MailMessage m = sample();
        m.subject = subject;
        const QByteArray raw = compose(m);
        QByteArray bad;
        QVERIFY2(linesWellFormed(raw, 78, &bad), bad.constData());
        const MimeEntity e = parseEntity(raw);
        QCOMPARE(e.header("Subject").contains("=?UTF-8?B?"), encoded);
        QCOMPARE(decodeHeader(e.header("Subject")), subject);
        if (subject.size() > 78) {
            const QByteArray head = headerBlock(raw);
            const qsizetype start = head.indexOf("Subject: ");
            QVERIFY2(head.mid(start, head.indexOf("\r\nMessage-ID") - start).contains("\r\n "), "not folded");
        }
    }

    void longExtraHeaderStaysUsable() {
        // A long URL cannot be folded inside; it must stay one token (List-Unsubscribe is structured).
        MailMessage m = sample();
        const QString url = QStringLiteral("<https://portal.example/unsubscribe?token=") +
                            QString(120, QLatin1Char('a')) + QLatin1Char('>');
        m.extraHeaders = {{QByteArrayLiteral("List-Unsubscribe"), url}};
        QCOMPARE(QString::fromLatin1(parseEntity(compose(m)).header("List-Unsubscribe")), url);
    }

    void quotedPrintableBody() {
        MailMessage m = sample();
        m.htmlBody.clear();
        m.textBody = QStringLiteral(".leading dot\nequals = sign\ntrailing space \nUnicode: Grüße 🚀\n") +
                     QString(200, QLatin1Char('y')) + QStringLiteral("\r\nwindows line\rold mac\n--=_atrium_x\n");
        const QByteArray raw = compose(m);
        QByteArray bad;
        QVERIFY2(linesWellFormed(raw, 78, &bad), bad.constData());
        const QByteArray body = raw.mid(raw.indexOf("\r\n\r\n") + 4);
        for (const QByteArray &line : body.split('\n')) {
            QVERIFY2(line.size() <= 77, line.constData()); // 76 + CR
            QVERIFY2(!line.startsWith('.'), "a line starts with a dot");
            QVERIFY2(!line.chopped(line.endsWith('\r') ? 1 : 0).endsWith(' '), "trailing space not encoded");
            for (const char c : line) {
                QVERIFY(static_cast<unsigned char>(c) < 0x80);
            }
        }
        QVERIFY(body.contains("=3D"));
        QString expected = m.textBody;
        expected.replace(QStringLiteral("\r\n"), QStringLiteral("\n")).replace(QLatin1Char('\r'), QLatin1Char('\n'));
        QCOMPARE(QString::fromUtf8(decodeBody(parseEntity(raw))), expected);
    }

    void addresses_data() {
        QTest::addColumn<QString>("address");
        QTest::addColumn<QString>("wire"); // empty = refused
        QTest::newRow("plain") << "alice@contoso.com" << "alice@contoso.com";
        QTest::newRow("upper domain") << "Alice@Contoso.COM" << "Alice@contoso.com";
        QTest::newRow("idn") << QStringLiteral("a@bücher.example") << "a@xn--bcher-kva.example";
        QTest::newRow("plus tag") << "a+tag@contoso.com" << "a+tag@contoso.com";
        QTest::newRow("surrounding spaces") << " a@contoso.com " << "a@contoso.com";
        QTest::newRow("no at") << "alice.contoso.com" << "";
        QTest::newRow("no local") << "@contoso.com" << "";
        QTest::newRow("no domain") << "alice@" << "";
        QTest::newRow("two at") << "a@b@contoso.com" << "";
        QTest::newRow("space") << "a b@contoso.com" << "";
        QTest::newRow("angle") << "<a@contoso.com>" << "";
        QTest::newRow("list") << "a@contoso.com, b@contoso.com" << "";
        QTest::newRow("double dot") << "a..b@contoso.com" << "";
        QTest::newRow("bad domain") << "a@contoso..com" << "";
        QTest::newRow("domain underscore") << "a@con_toso.com" << "";
        QTest::newRow("non-ascii local") << QStringLiteral("jürgen@contoso.com") << "";
        QTest::newRow("quote") << "\"a\"@contoso.com" << "";
    }
    void addresses() {
        QFETCH(QString, address);
        QFETCH(QString, wire);
        const auto r = wireMailAddress(address, QStringLiteral("To"));
        if (wire.isEmpty()) {
            QVERIFY2(!r.ok(), qPrintable(address));
            QCOMPARE(r.error().code, ErrorCode::Invalid);
            QCOMPARE(r.error().field, QStringLiteral("To"));
            MailMessage m = sample();
            m.to[0].address = address;
            QVERIFY(!composeMime(m).ok());
        } else {
            QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
            QCOMPARE(*r, wire);
        }
    }

    void extraHeaderRules_data() {
        QTest::addColumn<QByteArray>("name");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("list-unsubscribe") << QByteArray("List-Unsubscribe") << true;
        QTest::newRow("x header") << QByteArray("X-Atrium-Invitation") << true;
        QTest::newRow("bcc") << QByteArray("Bcc") << false;
        QTest::newRow("subject lower") << QByteArray("subject") << false;
        QTest::newRow("content-type") << QByteArray("Content-Type") << false;
        QTest::newRow("from") << QByteArray("FROM") << false;
        QTest::newRow("space in name") << QByteArray("X Atrium") << false;
        QTest::newRow("colon in name") << QByteArray("X-A:b") << false;
        QTest::newRow("empty name") << QByteArray() << false;
    }
    void extraHeaderRules() {
        QFETCH(QByteArray, name);
        QFETCH(bool, accepted);
        MailMessage m = sample();
        m.extraHeaders = {{name, QStringLiteral("value")}};
        const auto r = composeMime(m);
        QCOMPARE(r.ok(), accepted);
        if (accepted) {
            QCOMPARE(parseEntity(*r).header(name), QByteArray("value"));
        } else {
            QCOMPARE(r.error().code, ErrorCode::Invalid);
        }
    }

    void unicodeExtraHeaderIsEncoded() {
        MailMessage m = sample();
        m.extraHeaders = {{QByteArrayLiteral("X-Atrium-Organization"), QStringLiteral("Bücher & Söhne")}};
        const MimeEntity e = parseEntity(compose(m));
        QCOMPARE(decodeHeader(e.header("X-Atrium-Organization")), QStringLiteral("Bücher & Söhne"));
    }

    void defaultsFilledIn() {
        MailMessage m = sample();
        m.messageId.clear();
        m.date = QDateTime();
        const MimeEntity a = parseEntity(compose(m));
        const MimeEntity b = parseEntity(compose(m));
        static const QRegularExpression idRe(QStringLiteral("^<[0-9a-f-]{36}@fabrikam\\.example>$"));
        QVERIFY2(idRe.match(QString::fromLatin1(a.header("Message-ID"))).hasMatch(), a.header("Message-ID"));
        QVERIFY(a.header("Message-ID") != b.header("Message-ID"));
        const QDateTime date = QDateTime::fromString(QString::fromLatin1(a.header("Date")), Qt::RFC2822Date);
        QVERIFY2(date.isValid(), a.header("Date"));
        QVERIFY(qAbs(date.secsTo(QDateTime::currentDateTimeUtc())) < 120);
    }

    void dateKeepsOffset() {
        MailMessage m = sample();
        m.date = QDateTime(QDate(2026, 7, 1), QTime(14, 5, 9), Qt::OffsetFromUTC, -(3 * 3600 + 30 * 60));
        QCOMPARE(parseEntity(compose(m)).header("Date"), QByteArray("Wed, 01 Jul 2026 14:05:09 -0330"));
    }

    void refusesWithoutRecipient() {
        MailMessage m = sample();
        m.to.clear();
        const auto r = composeMime(m);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().field, QStringLiteral("To"));
    }

    void refusesBadMessageId() {
        MailMessage m = sample();
        m.messageId = QStringLiteral("no-at-sign");
        QVERIFY(!composeMime(m).ok());
        m.messageId = QStringLiteral("<a b@c>");
        QVERIFY(!composeMime(m).ok());
        m.messageId = QStringLiteral("<ok@fabrikam.example>");
        QCOMPARE(parseEntity(compose(m)).header("Message-ID"), QByteArray("<ok@fabrikam.example>"));
    }
};

QTEST_GUILESS_MAIN(tst_MimeComposer)
#include "tst_mimecomposer.moc"
