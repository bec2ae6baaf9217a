#include "core/text/csv.h"

#include <QBuffer>
#include <QTest>

using namespace atrium::core;

namespace {
// Hands out at most `chunk` bytes per read, so that every chunk boundary the reader can meet
// (inside a CRLF, a doubled quote, a UTF-8 sequence, the BOM) is exercised.
class TrickleDevice final : public QIODevice {
public:
    TrickleDevice(QByteArray data, qint64 chunk) : m_data(std::move(data)), m_chunk(chunk) {
        open(QIODevice::ReadOnly | QIODevice::Unbuffered);
    }
    qint64 reads = 0;

protected:
    qint64 readData(char *data, qint64 maxSize) override {
        const qint64 n = qMin(qMin(maxSize, m_chunk), qint64(m_data.size()) - m_pos);
        memcpy(data, m_data.constData() + m_pos, size_t(n));
        m_pos += n;
        ++reads;
        return n;
    }
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    QByteArray m_data;
    qint64 m_chunk;
    qint64 m_pos = 0;
};

struct ReadResult {
    QList<QStringList> records;
    QList<int> lines;
    QList<int> rows;
    QString error;
};

ReadResult readAll(QIODevice *device) {
    ReadResult result;
    CsvReader reader(device);
    QStringList fields;
    int line = 0;
    while (reader.readRecord(&fields, &line)) {
        result.records << fields;
        result.lines << line;
        result.rows << reader.rowNumber();
    }
    result.error = reader.errorString();
    return result;
}

QByteArray written(const QList<QStringList> &records, bool bom = false) {
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    CsvWriter writer(&buffer);
    writer.setWriteBom(bom);
    for (const QStringList &record : records) {
        writer.writeRecord(record);
    }
    return buffer.data();
}

QStringList fields(std::initializer_list<const char *> list) {
    QStringList out;
    for (const char *s : list) {
        out << QString::fromUtf8(s);
    }
    return out;
}
} // namespace

class tst_Csv : public QObject {
    Q_OBJECT
private slots:
    void read_data() {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QList<QStringList>>("records");
        QTest::addColumn<QList<int>>("lines");
        QTest::addColumn<QString>("error"); // substring of errorString(), empty = none

        using L = QList<QStringList>;
        QTest::newRow("empty") << QByteArray() << L{} << QList<int>{} << "";
        QTest::newRow("only bom") << QByteArray("\xEF\xBB\xBF") << L{} << QList<int>{} << "";
        QTest::newRow("crlf") << QByteArray("a,b\r\nc,d\r\n") << L{fields({"a", "b"}), fields({"c", "d"})}
                              << QList<int>{1, 2} << "";
        QTest::newRow("lf no final newline")
            << QByteArray("a,b\nc,d") << L{fields({"a", "b"}), fields({"c", "d"})} << QList<int>{1, 2} << "";
        QTest::newRow("mixed line ends") << QByteArray("a\r\nb\nc\rd")
                                         << L{fields({"a"}), fields({"b"}), fields({"c"}), fields({"d"})}
                                         << QList<int>{1, 2, 3, 4} << "";
        QTest::newRow("bom") << QByteArray("\xEF\xBB\xBFversion:v1.0\r\nx\r\n")
                             << L{fields({"version:v1.0"}), fields({"x"})} << QList<int>{1, 2} << "";
        QTest::newRow("blank lines skipped")
            << QByteArray("\r\na\r\n\r\n\nb\n\n") << L{fields({"a"}), fields({"b"})} << QList<int>{2, 5} << "";
        QTest::newRow("empty fields") << QByteArray(",a,,\n") << L{fields({"", "a", "", ""})} << QList<int>{1} << "";
        QTest::newRow("quoted comma") << QByteArray("\"a,b\",c\n") << L{fields({"a,b", "c"})} << QList<int>{1} << "";
        QTest::newRow("doubled quotes") << QByteArray("\"say \"\"hi\"\"\",\"\"\"\"\n")
                                        << L{fields({"say \"hi\"", "\""})} << QList<int>{1} << "";
        QTest::newRow("quoted empty") << QByteArray("\"\",x\n") << L{fields({"", "x"})} << QList<int>{1} << "";
        QTest::newRow("quoted newlines") << QByteArray("\"line1\r\nline2\nline3\",b\r\nnext\r\n")
                                         << L{fields({"line1\r\nline2\nline3", "b"}), fields({"next"})}
                                         << QList<int>{1, 4} << "";
        QTest::newRow("quoted lone cr") << QByteArray("\"a\rb\"\nc\n") << L{fields({"a\rb"}), fields({"c"})}
                                        << QList<int>{1, 3} << "";
        QTest::newRow("quoted at end without newline")
            << QByteArray("a,\"b\"") << L{fields({"a", "b"})} << QList<int>{1} << "";
        QTest::newRow("quote inside unquoted is literal")
            << QByteArray("ab\"c,d\n") << L{fields({"ab\"c", "d"})} << QList<int>{1} << "";
        QTest::newRow("text after closing quote is kept")
            << QByteArray("\"ab\"cd,e\n") << L{fields({"abcd", "e"})} << QList<int>{1} << "";
        QTest::newRow("spaces kept") << QByteArray(" a , b \n") << L{fields({" a ", " b "})} << QList<int>{1} << "";
        QTest::newRow("utf8") << QByteArray("J\xC3\xB6rg,\xE6\x97\xA5\xE6\x9C\xAC\n") << L{fields({"Jörg", "日本"})}
                              << QList<int>{1} << "";
        QTest::newRow("unterminated quote") << QByteArray("a,b\r\nc,\"open\r\nmore\r\n") << L{fields({"a", "b"})}
                                            << QList<int>{1} << "Line 2: a quoted field starts here";
        QTest::newRow("unterminated quote later line")
            << QByteArray("x\n\ny\n\"a\nb\nc") << L{fields({"x"}), fields({"y"})} << QList<int>{1, 3} << "Line 4:";
        QTest::newRow("latin1 file") << QByteArray("a\nJ\xF6rg\n") << L{fields({"a"})} << QList<int>{1}
                                     << "Line 2: the file is not UTF-8";
    }
    void read() {
        QFETCH(QByteArray, input);
        QFETCH(QList<QStringList>, records);
        QFETCH(QList<int>, lines);
        QFETCH(QString, error);
        for (const qint64 chunk : {qint64(1), qint64(2), qint64(3), qint64(7), qint64(1) << 20}) {
            // UTF-8 errors are found per chunk, so fewer records may come before the error.
            if (!error.isEmpty() && error.contains(QLatin1String("UTF-8")) && chunk > 3) {
                TrickleDevice device(input, chunk);
                const ReadResult r = readAll(&device);
                QVERIFY2(r.error.contains(error), qPrintable(r.error));
                continue;
            }
            TrickleDevice device(input, chunk);
            const ReadResult r = readAll(&device);
            QCOMPARE(r.records, records);
            QCOMPARE(r.lines, lines);
            if (error.isEmpty()) {
                QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
            } else {
                QVERIFY2(r.error.contains(error), qPrintable(r.error));
            }
        }
    }

    void trickleReallyTrickles() {
        TrickleDevice device(QByteArray("abc,def\n"), 1);
        readAll(&device);
        QVERIFY(device.reads >= 8);
    }

    void rowNumberCountsSpreadsheetRows() {
        QBuffer buffer;
        buffer.setData("h\r\n\"two\r\nlines\"\r\n\r\nz\r\n");
        buffer.open(QIODevice::ReadOnly);
        const ReadResult r = readAll(&buffer);
        QCOMPARE(r.lines, (QList<int>{1, 2, 5}));
        QCOMPARE(r.rows, (QList<int>{1, 2, 4})); // the blank line is row 3 in a spreadsheet
    }

    void crlfAcrossChunkBoundaryInsideQuotes() {
        // Put a CRLF inside a quoted field exactly at the reader's 64 KiB chunk boundary.
        for (int shift = -2; shift <= 2; ++shift) {
            QByteArray data = "\"";
            data += QByteArray(64 * 1024 - 2 + shift, 'x');
            data += "\r\n\r\ny\",z\r\nlast\r\n";
            QBuffer buffer(&data);
            buffer.open(QIODevice::ReadOnly);
            const ReadResult r = readAll(&buffer);
            QCOMPARE(r.records.size(), 2);
            QCOMPARE(r.lines, (QList<int>{1, 4}));
            QCOMPARE(r.records.at(0).at(1), QStringLiteral("z"));
        }
    }

    void recordLengthLimit() {
        QByteArray data = "a\n\"";
        data += QByteArray(5000, 'x');
        data += "\n";
        QBuffer buffer(&data);
        buffer.open(QIODevice::ReadOnly);
        CsvReader reader(&buffer);
        reader.setMaxRecordLength(1000);
        QStringList f;
        QVERIFY(reader.readRecord(&f));
        QVERIFY(!reader.readRecord(&f));
        QVERIFY(reader.hasError());
        QVERIFY2(reader.errorString().startsWith(QLatin1String("Line 2:")), qPrintable(reader.errorString()));
        QVERIFY(!reader.readRecord(&f)); // stays failed
    }

    void manyFieldsCountTowardsTheLimit() {
        QByteArray data(100000, ',');
        QBuffer buffer(&data);
        buffer.open(QIODevice::ReadOnly);
        CsvReader reader(&buffer);
        reader.setMaxRecordLength(1000);
        QStringList f;
        QVERIFY(!reader.readRecord(&f));
        QVERIFY(reader.hasError());
    }

    void unopenedDevice() {
        QBuffer buffer;
        CsvReader reader(&buffer);
        QStringList f;
        QVERIFY(!reader.readRecord(&f));
        QVERIFY(reader.hasError());
    }

    void safeCell_data() {
        QTest::addColumn<QString>("cell");
        QTest::addColumn<QString>("safe");
        QTest::newRow("equals") << "=1+2"
                                << "'=1+2";
        QTest::newRow("plus") << "+1"
                              << "'+1";
        QTest::newRow("minus") << "-1"
                               << "'-1";
        QTest::newRow("at") << "@SUM(A1)"
                            << "'@SUM(A1)";
        QTest::newRow("tab") << "\t=x"
                             << "'\t=x";
        QTest::newRow("cr") << "\r=x"
                            << "'\r=x";
        QTest::newRow("nul") << QString(QChar(0)) + QStringLiteral("x")
                             << QStringLiteral("'") + QChar(0) + QStringLiteral("x");
        QTest::newRow("hyperlink") << "=HYPERLINK(\"http://evil\")"
                                   << "'=HYPERLINK(\"http://evil\")";
        QTest::newRow("plain") << "alice@contoso.com"
                               << "alice@contoso.com";
        QTest::newRow("inner equals") << "a=b"
                                      << "a=b";
        QTest::newRow("leading space") << " =x"
                                       << " =x";
        QTest::newRow("empty") << ""
                               << "";
        QTest::newRow("apostrophe") << "'quoted"
                                    << "'quoted";
    }
    void safeCell() {
        QFETCH(QString, cell);
        QFETCH(QString, safe);
        QCOMPARE(csvSafeCell(cell), safe);
    }

    void write_data() {
        QTest::addColumn<QStringList>("record");
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("plain") << QStringList{QStringLiteral("a"), QStringLiteral("b")} << QByteArray("a,b\r\n");
        QTest::newRow("comma") << QStringList{QStringLiteral("a,b")} << QByteArray("\"a,b\"\r\n");
        QTest::newRow("quote") << QStringList{QStringLiteral("say \"hi\"")} << QByteArray("\"say \"\"hi\"\"\"\r\n");
        QTest::newRow("newline") << QStringList{QStringLiteral("l1\nl2"), QStringLiteral("x")}
                                 << QByteArray("\"l1\nl2\",x\r\n");
        QTest::newRow("formula") << QStringList{QStringLiteral("=1+2"), QStringLiteral("ok")}
                                 << QByteArray("'=1+2,ok\r\n");
        QTest::newRow("formula with comma")
            << QStringList{QStringLiteral("=SUM(A1,B1)")} << QByteArray("\"'=SUM(A1,B1)\"\r\n");
        QTest::newRow("cr start guarded and quoted")
            << QStringList{QStringLiteral("\r=x")} << QByteArray("\"'\r=x\"\r\n");
        QTest::newRow("minus") << QStringList{QStringLiteral("-5")} << QByteArray("'-5\r\n");
        QTest::newRow("at") << QStringList{QStringLiteral("@x")} << QByteArray("'@x\r\n");
        QTest::newRow("plus") << QStringList{QStringLiteral("+x")} << QByteArray("'+x\r\n");
        QTest::newRow("tab") << QStringList{QStringLiteral("\tx")} << QByteArray("'\tx\r\n");
        QTest::newRow("single empty") << QStringList{QString()} << QByteArray("\"\"\r\n");
        QTest::newRow("two empty") << QStringList{QString(), QString()} << QByteArray(",\r\n");
        QTest::newRow("utf8") << QStringList{QStringLiteral("Jörg")} << QByteArray("J\xC3\xB6rg\r\n");
    }
    void write() {
        QFETCH(QStringList, record);
        QFETCH(QByteArray, bytes);
        QCOMPARE(written({record}), bytes);
    }

    void writerBom() {
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        CsvWriter writer(&buffer);
        writer.writeRecord({QStringLiteral("a")});
        writer.writeRecord({QStringLiteral("b")});
        QCOMPARE(buffer.data(), QByteArray("\xEF\xBB\xBF"
                                           "a\r\nb\r\n"));
        QVERIFY(!writer.hasError());
    }

    void writerReportsFailedWrites() {
        QBuffer buffer; // not open
        CsvWriter writer(&buffer);
        QTest::ignoreMessage(QtWarningMsg, "QIODevice::write (QBuffer): device not open");
        writer.writeRecord({QStringLiteral("a")});
        QVERIFY(writer.hasError());
    }

    void roundTrip() {
        const QList<QStringList> records = {
            {QStringLiteral("Email address to invite [inviteeEmail] Required"), QStringLiteral("x")},
            {QStringLiteral("a,b"), QStringLiteral("say \"hi\""), QStringLiteral("l1\r\nl2\nl3"), QString()},
            {QStringLiteral("Jörg 日本"), QStringLiteral("  spaced  "), QStringLiteral("\"")},
            {QString()},
            {QStringLiteral("'already quoted"), QStringLiteral("a=b")},
        };
        for (const bool bom : {true, false}) {
            QByteArray data = written(records, bom);
            QBuffer buffer(&data);
            buffer.open(QIODevice::ReadOnly);
            const ReadResult r = readAll(&buffer);
            QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
            QCOMPARE(r.records, records);
        }
    }

    void roundTripGuardsFormulas() {
        QByteArray data = written({{QStringLiteral("=cmd|' /C calc'!A0"), QStringLiteral("-1")}});
        QBuffer buffer(&data);
        buffer.open(QIODevice::ReadOnly);
        const ReadResult r = readAll(&buffer);
        QCOMPARE(r.records, (QList<QStringList>{{QStringLiteral("'=cmd|' /C calc'!A0"), QStringLiteral("'-1")}}));
    }
};

QTEST_GUILESS_MAIN(tst_Csv)
#include "tst_csv.moc"
