#include "core/text/bulkinvitecsv.h"

#include <QBuffer>
#include <QTest>

using namespace atrium::core;

namespace {
// The model system's template, as downloaded (UTF-8 with BOM, CRLF).
const QByteArray kVersion = "\xEF\xBB\xBFversion:v1.0\r\n";
const QByteArray kHeadings = "Email address to invite [inviteeEmail] Required,Redirection url [inviteRedirectURL] "
                             "Required,Send invitation message (true or false) [sendEmail],Customized invitation "
                             "message [customizedMessageBody]\r\n";
const QByteArray kExampleRow = "example@example.com,https://myapps.microsoft.com,true,Hello\r\n";

struct Parsed {
    Status header;
    QList<BulkInviteRow> rows;
    QString error;
};

Parsed parse(const QByteArray &bytes) {
    QByteArray data = bytes;
    QBuffer buffer(&data);
    buffer.open(QIODevice::ReadOnly);
    BulkInviteCsvReader reader(&buffer);
    Parsed parsed{reader.readHeader(), {}, {}};
    if (parsed.header) {
        BulkInviteRow row;
        while (reader.next(&row)) {
            parsed.rows << row;
        }
    }
    parsed.error = reader.errorString();
    return parsed;
}

QByteArray templateWith(const QByteArray &rows) {
    return kVersion + kHeadings + rows;
}
} // namespace

class tst_BulkInviteCsv : public QObject {
    Q_OBJECT
private slots:
    void templateWithExampleRow() {
        const Parsed p = parse(templateWith(kExampleRow + "alice@contoso.com,https://myapps.contoso.com,true,Hi\r\n"));
        QVERIFY(p.header.ok());
        QCOMPARE(p.rows.size(), 2);
        QVERIFY(p.rows[0].isExample);
        QVERIFY(!p.rows[0].ok());
        QCOMPARE(p.rows[0].rowNumber, 3);
        QVERIFY2(p.rows[0].problems.join(QLatin1Char(' ')).contains(QLatin1String("example row must be replaced")),
                 qPrintable(p.rows[0].problems.join(QLatin1Char(' '))));
        QVERIFY(p.rows[1].ok());
        QCOMPARE(p.rows[1].rowNumber, 4);
        QVERIFY(p.error.isEmpty());
    }

    void exampleRowVariants() {
        // Case and a trailing slash do not disguise the sample row; another URL makes it a real row.
        const Parsed p = parse(templateWith("EXAMPLE@example.com,https://MyApps.microsoft.com/,,\r\n"
                                            "example@example.com,https://apps.contoso.com,,\r\n"));
        QCOMPARE(p.rows.size(), 2);
        QVERIFY(p.rows[0].isExample);
        QVERIFY(!p.rows[1].isExample);
        QVERIFY(p.rows[1].ok());
    }

    void templateWithoutExampleRow() {
        const Parsed p = parse(templateWith("alice@contoso.com,https://myapps.contoso.com,true,\"Welcome, Alice\"\r\n"
                                            "bob@fabrikam.example,https://apps.contoso.com/x,FALSE,\r\n"
                                            "carol@contoso.com,https://apps.contoso.com,,\r\n"));
        QVERIFY(p.header.ok());
        QCOMPARE(p.rows.size(), 3);
        QCOMPARE(p.rows[0].email, QStringLiteral("alice@contoso.com"));
        QCOMPARE(p.rows[0].address.normalized(), QStringLiteral("alice@contoso.com"));
        QCOMPARE(p.rows[0].redirect.host(), QStringLiteral("myapps.contoso.com"));
        QVERIFY(p.rows[0].sendEmail);
        QCOMPARE(p.rows[0].message, QStringLiteral("Welcome, Alice"));
        QVERIFY(!p.rows[1].sendEmail);
        QVERIFY(!p.rows[2].sendEmail); // empty = false
        for (const BulkInviteRow &row : p.rows) {
            QVERIFY2(row.ok(), qPrintable(row.problems.join(QLatin1Char(' '))));
            QVERIFY(!row.isExample);
            QCOMPARE(row.duplicateOfRow, 0);
        }
        QCOMPARE(p.rows[2].rowNumber, 5);
    }

    void columnsByBracketNameInAnyOrderWithExtrasAndName() {
        const QByteArray data = "version:v1.0\n"
                                "Notes,Name of invitee [inviteeName],Redirection url [INVITEREDIRECTURL] Required,"
                                "Email address to invite [inviteeEmail] Required,Department\n"
                                "vip,Alice Smith,https://apps.contoso.com,alice@contoso.com,Sales\n";
        const Parsed p = parse(data);
        QVERIFY2(p.header.ok(), qPrintable(p.header.ok() ? QString() : p.header.error().message));
        QCOMPARE(p.rows.size(), 1);
        QCOMPARE(p.rows[0].name, QStringLiteral("Alice Smith"));
        QCOMPARE(p.rows[0].email, QStringLiteral("alice@contoso.com"));
        QCOMPARE(p.rows[0].redirectUrl, QStringLiteral("https://apps.contoso.com"));
        QVERIFY(!p.rows[0].sendEmail);
        QVERIFY(p.rows[0].message.isEmpty());
        QVERIFY(p.rows[0].ok());
        QCOMPARE(p.rows[0].rowNumber, 3);
    }

    void header_data() {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QString>("mention"); // empty = accepted
        QTest::newRow("template") << templateWith({}) << "";
        QTest::newRow("version padded by excel") << QByteArray("version:v1.0,,,\r\n") + kHeadings << "";
        QTest::newRow("double bom") << QByteArray("\xEF\xBB\xBF") + kVersion + kHeadings << "";
        QTest::newRow("version upper case") << QByteArray("Version:V1.0\n") + kHeadings << "";
        QTest::newRow("empty file") << QByteArray() << "empty";
        QTest::newRow("only bom") << QByteArray("\xEF\xBB\xBF") << "empty";
        QTest::newRow("no version row") << kHeadings + kExampleRow << "version:v1.0";
        QTest::newRow("other version") << QByteArray("version:v2.0\n") + kHeadings << "v2.0";
        QTest::newRow("no headings") << QByteArray("version:v1.0\n") << "heading row";
        QTest::newRow("missing email") << QByteArray(
                                              "version:v1.0\nRedirection url [inviteRedirectURL] Required,Other\n")
                                       << "Email address to invite [inviteeEmail] Required";
        QTest::newRow("missing redirect")
            << QByteArray("version:v1.0\nEmail address to invite [inviteeEmail] Required\n")
            << "Redirection url [inviteRedirectURL] Required";
        QTest::newRow("missing both") << QByteArray("version:v1.0\nEmail address,Redirection url\n")
                                      << "[inviteeEmail] Required\" and \"Redirection url";
        QTest::newRow("duplicate column")
            << QByteArray("version:v1.0\n[inviteeEmail],[inviteRedirectURL],[inviteeEmail]\n") << "columns 1 and 3";
        QTest::newRow("broken quote in headings")
            << QByteArray("version:v1.0\n\"[inviteeEmail],x\n") << "Line 2: a quoted field";
        QTest::newRow("ansi file") << QByteArray("version:v1.0\n[inviteeEmail],[inviteRedirectURL] J\xF6rg\n")
                                   << "UTF-8";
    }
    void header() {
        QFETCH(QByteArray, data);
        QFETCH(QString, mention);
        QBuffer buffer(&data);
        buffer.open(QIODevice::ReadOnly);
        BulkInviteCsvReader reader(&buffer);
        const Status status = reader.readHeader();
        if (mention.isEmpty()) {
            QVERIFY2(status.ok(), qPrintable(status.ok() ? QString() : status.error().message));
        } else {
            QVERIFY(!status.ok());
            QCOMPARE(status.error().code, ErrorCode::Invalid);
            QVERIFY2(status.error().message.contains(mention), qPrintable(status.error().message));
            BulkInviteRow row;
            QVERIFY(!reader.next(&row));
            QVERIFY(reader.hasError());
        }
    }

    void badRowsAmongGoodOnes() {
        const Parsed p = parse(templateWith("alice@contoso.com,https://apps.contoso.com,true,\r\n"
                                            "not-an-address,https://apps.contoso.com,true,\r\n"
                                            "bob@contoso.com,http://apps.contoso.com,true,\r\n"
                                            "carol@contoso.com,https://apps.contoso.com,maybe,\r\n"
                                            ",https://apps.contoso.com,true,\r\n"
                                            "dave@contoso.com,,,\r\n"
                                            "al!ce@contoso.com,javascript:alert(1),yes,\r\n"
                                            "erin@contoso.com,https://apps.contoso.com,True,fine\r\n"));
        QCOMPARE(p.rows.size(), 8);
        const QList<bool> ok = {true, false, false, false, false, false, false, true};
        for (int i = 0; i < p.rows.size(); ++i) {
            QCOMPARE(p.rows[i].ok(), ok[i]);
            QCOMPARE(p.rows[i].rowNumber, i + 3);
        }
        QVERIFY(p.rows[1].problems.join(QLatin1Char(' ')).contains(QLatin1String("\"@\"")));
        QVERIFY(p.rows[2].problems.join(QLatin1Char(' ')).contains(QLatin1String("https")));
        QVERIFY(p.rows[3].problems.join(QLatin1Char(' ')).contains(QLatin1String("\"maybe\"")));
        QVERIFY(p.rows[4].problems.join(QLatin1Char(' ')).contains(QLatin1String("email address is missing")));
        QVERIFY(p.rows[5].problems.join(QLatin1Char(' ')).contains(QLatin1String("redirect URL is missing")));
        QCOMPARE(p.rows[6].problems.size(), 3); // every problem of a row is reported, not only the first
        QVERIFY(p.rows[7].sendEmail);
    }

    void messageAndNameChecks() {
        const QByteArray longMessage(10001, 'm');
        const QByteArray maxMessage(10000, 'm');
        const QByteArray data =
            "version:v1.0\n[inviteeEmail],[inviteRedirectURL],[customizedMessageBody],[inviteeName]\n"
            "a@contoso.com,https://x.example,\"" +
            maxMessage +
            "\",A\n"
            "b@contoso.com,https://x.example,\"" +
            longMessage +
            "\",B\n"
            "c@contoso.com,https://x.example,\"Dear C,\r\nwelcome.\",\"C\"\n"
            "d@contoso.com,https://x.example,hi,\"Two\nLines\"\n"
            "e@contoso.com,https://x.example,<b>not html</b>,E\n";
        const Parsed p = parse(data);
        QCOMPARE(p.rows.size(), 5);
        QVERIFY(p.rows[0].ok());
        QVERIFY(!p.rows[1].ok());
        QVERIFY(p.rows[1].problems.join(QLatin1Char(' ')).contains(QLatin1String("10000")));
        QVERIFY(p.rows[2].ok());
        QCOMPARE(p.rows[2].message, QStringLiteral("Dear C,\nwelcome."));
        QCOMPARE(p.rows[3].rowNumber, 6);
        QVERIFY(!p.rows[3].ok());
        QVERIFY(p.rows[4].ok()); // plain text: markup is text, escaped wherever it is shown
        QCOMPARE(p.rows[4].message, QStringLiteral("<b>not html</b>"));
        // The spreadsheet row of the row after a two-line cell is one less than its file line.
        QCOMPARE(p.rows[4].rowNumber, 7);
    }

    void robustToFormatting() {
        // LF line ends, no BOM, blank lines, rows of empty cells, short rows, no final newline,
        // upper-case addresses and surrounding spaces.
        const QByteArray data = "version:v1.0\n" + kHeadings +
                                "\n"
                                ",,,\n"
                                "  ALICE@CONTOSO.COM  , https://apps.contoso.com ,TRUE\n"
                                "\n"
                                "bob@contoso.com,https://apps.contoso.com";
        const Parsed p = parse(data);
        QVERIFY(p.error.isEmpty());
        QCOMPARE(p.rows.size(), 2);
        QCOMPARE(p.rows[0].rowNumber, 5);
        QCOMPARE(p.rows[0].email, QStringLiteral("ALICE@CONTOSO.COM"));
        QCOMPARE(p.rows[0].address.normalized(), QStringLiteral("alice@contoso.com"));
        QCOMPARE(p.rows[0].address.local, QStringLiteral("ALICE"));
        QVERIFY(p.rows[0].sendEmail);
        QVERIFY(p.rows[0].ok());
        QCOMPARE(p.rows[1].rowNumber, 7);
        QVERIFY(p.rows[1].ok());
    }

    void duplicates() {
        const Parsed p = parse(templateWith("alice@contoso.com,https://apps.contoso.com,,\r\n"
                                            "bob@contoso.com,https://apps.contoso.com,,\r\n"
                                            "ALICE@Contoso.com,https://other.contoso.com,,\r\n"
                                            "carol@contoso.com,not a url,,\r\n"
                                            "carol@contoso.com,https://apps.contoso.com,,\r\n"
                                            "alice@contoso.com,https://apps.contoso.com,,\r\n"
                                            "CAROL@contoso.com,https://apps.contoso.com,,\r\n"));
        QCOMPARE(p.rows.size(), 7);
        QVERIFY(p.rows[0].ok());
        QVERIFY(p.rows[1].ok());
        QCOMPARE(p.rows[2].duplicateOfRow, 3);
        QVERIFY(p.rows[2].problems.join(QLatin1Char(' ')).contains(QLatin1String("Duplicate of row 3")));
        QVERIFY(!p.rows[3].ok());
        QCOMPARE(p.rows[3].duplicateOfRow, 0);
        // The broken first attempt for carol does not block the corrected one.
        QVERIFY(p.rows[4].ok());
        QCOMPARE(p.rows[5].duplicateOfRow, 3);
        QCOMPARE(p.rows[6].duplicateOfRow, 7);
    }

    void brokenQuoteStopsWithLine() {
        const Parsed p = parse(templateWith("alice@contoso.com,https://apps.contoso.com,,\r\n"
                                            "bob@contoso.com,https://apps.contoso.com,,\"never closed\r\n"
                                            "carol@contoso.com,https://apps.contoso.com,,\r\n"));
        QCOMPARE(p.rows.size(), 1);
        QVERIFY2(p.error.contains(QLatin1String("Line 4")), qPrintable(p.error));
    }

    void nextWithoutReadHeader() {
        QByteArray data = templateWith("alice@contoso.com,https://apps.contoso.com,,\r\n");
        QBuffer buffer(&data);
        buffer.open(QIODevice::ReadOnly);
        BulkInviteCsvReader reader(&buffer);
        BulkInviteRow row;
        QVERIFY(reader.next(&row));
        QVERIFY(row.ok());
        QVERIFY(!reader.next(&row));
        QVERIFY(!reader.hasError());
    }

    void hundredThousandRows() {
        QByteArray data = templateWith({});
        constexpr int kRows = 100000;
        data.reserve(data.size() + kRows * 90);
        for (int i = 0; i < kRows; ++i) {
            data += "user" + QByteArray::number(i) + "@contoso.com,https://apps.contoso.com/welcome,";
            data += (i % 2 ? "true" : "false");
            data += ",\"Hello, user " + QByteArray::number(i) + "\"\r\n";
        }
        data += "user7@contoso.com,https://apps.contoso.com,,\r\n"; // one duplicate at the end
        QBuffer buffer(&data);
        buffer.open(QIODevice::ReadOnly);
        BulkInviteCsvReader reader(&buffer);
        QVERIFY(reader.readHeader().ok());
        BulkInviteRow row;
        int count = 0;
        int good = 0;
        int sending = 0;
        int lastRow = 0;
        int lastDuplicateOf = 0;
        while (reader.next(&row)) {
            lastDuplicateOf = row.duplicateOfRow;
            ++count;
            good += row.ok() ? 1 : 0;
            sending += row.sendEmail ? 1 : 0;
            lastRow = row.rowNumber;
        }
        QVERIFY2(!reader.hasError(), qPrintable(reader.errorString()));
        QCOMPARE(count, kRows + 1);
        QCOMPARE(good, kRows);
        QCOMPARE(sending, kRows / 2);
        QCOMPARE(lastRow, kRows + 3);
        QCOMPARE(lastDuplicateOf, 10); // user7 is on line 10
    }
};

QTEST_GUILESS_MAIN(tst_BulkInviteCsv)
#include "tst_bulkinvitecsv.moc"
