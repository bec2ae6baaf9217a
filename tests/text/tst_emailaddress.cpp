#include "core/text/emailaddress.h"

#include <QTest>

using namespace atrium::core;

class tst_EmailAddress : public QObject {
    Q_OBJECT
private slots:
    void parse_data() {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("normalized"); // empty = refused
        QTest::addColumn<QString>("mention");    // refused: the message contains this

        QTest::newRow("plain") << "alice@contoso.com"
                               << "alice@contoso.com"
                               << "";
        QTest::newRow("upper case") << "Alice.Smith@CONTOSO.COM"
                                    << "alice.smith@contoso.com"
                                    << "";
        QTest::newRow("surrounding spaces") << "  alice@contoso.com\t"
                                            << "alice@contoso.com"
                                            << "";
        QTest::newRow("dot inside") << "a.b@contoso.com"
                                    << "a.b@contoso.com"
                                    << "";
        QTest::newRow("hyphen inside") << "a-b@contoso.com"
                                       << "a-b@contoso.com"
                                       << "";
        QTest::newRow("underscore start") << "_alice@contoso.com"
                                          << "_alice@contoso.com"
                                          << "";
        QTest::newRow("underscore end") << "alice_@contoso.com"
                                        << "alice_@contoso.com"
                                        << "";
        QTest::newRow("underscore only") << "_@contoso.com"
                                         << "_@contoso.com"
                                         << "";
        QTest::newRow("underscore inside") << "a_l_i_c_e@contoso.com"
                                           << "a_l_i_c_e@contoso.com"
                                           << "";
        QTest::newRow("apostrophe") << "o'brien@contoso.com"
                                    << "o'brien@contoso.com"
                                    << "";
        QTest::newRow("digits") << "007@contoso.com"
                                << "007@contoso.com"
                                << "";
        QTest::newRow("subdomain") << "a@mail.contoso.co.uk"
                                   << "a@mail.contoso.co.uk"
                                   << "";
        QTest::newRow("idna unicode") << QStringLiteral("jan@bücher.example") << "jan@xn--bcher-kva.example"
                                      << "";
        QTest::newRow("idna ace") << "jan@XN--BCHER-KVA.example"
                                  << "jan@xn--bcher-kva.example"
                                  << "";
        QTest::newRow("idna upper unicode") << QStringLiteral("Jan@BÜCHER.example") << "jan@xn--bcher-kva.example"
                                            << "";
        QTest::newRow("local 64") << QString(64, QLatin1Char('a')) + QStringLiteral("@contoso.com")
                                  << QString(64, QLatin1Char('a')) + QStringLiteral("@contoso.com") << "";

        // Every character SPEC §2 disallows, each alone in the middle of the local part.
        const QString disallowed = QStringLiteral("~!#$%^&*()+=[]{}\\/|;:\"<>?,");
        for (const QChar c : disallowed) {
            const QString name = QStringLiteral("disallowed ") + c;
            QTest::newRow(qPrintable(name)) << QStringLiteral("al") + c + QStringLiteral("ice@contoso.com") << ""
                                            << QStringLiteral("\"") + c + QStringLiteral("\"");
        }
        QTest::newRow("dot start") << ".alice@contoso.com"
                                   << ""
                                   << "start or end";
        QTest::newRow("dot end") << "alice.@contoso.com"
                                 << ""
                                 << "start or end";
        QTest::newRow("hyphen start") << "-alice@contoso.com"
                                      << ""
                                      << "start or end";
        QTest::newRow("hyphen end") << "alice-@contoso.com"
                                    << ""
                                    << "start or end";
        QTest::newRow("double dot") << "al..ice@contoso.com"
                                    << ""
                                    << "two dots";
        QTest::newRow("two at") << "alice@bob@contoso.com"
                                << ""
                                << "more than one";
        QTest::newRow("no at") << "alice.contoso.com"
                               << ""
                               << "no \"@\"";
        QTest::newRow("empty local") << "@contoso.com"
                                     << ""
                                     << "nothing before";
        QTest::newRow("empty domain") << "alice@"
                                      << ""
                                      << "no domain";
        QTest::newRow("empty") << ""
                               << ""
                               << "empty";
        QTest::newRow("only spaces") << "   "
                                     << ""
                                     << "empty";
        QTest::newRow("inner space") << "al ice@contoso.com"
                                     << ""
                                     << "space";
        QTest::newRow("space before at") << "alice @contoso.com"
                                         << ""
                                         << "space";
        QTest::newRow("cr") << "alice@contoso.com\r"
                            << ""
                            << "line break";
        QTest::newRow("lf") << "alice@contoso.com\nBcc: x@evil.example"
                            << ""
                            << "line break";
        QTest::newRow("crlf inside") << "ali\r\nce@contoso.com"
                                     << ""
                                     << "line break";
        QTest::newRow("nul") << QStringLiteral("alice@contoso.com") + QChar(0) << ""
                             << "NUL";
        QTest::newRow("control") << QStringLiteral("ali") + QChar(0x7) + QStringLiteral("ce@contoso.com") << ""
                                 << "U+0007";
        QTest::newRow("zero width") << QStringLiteral("ali") + QChar(0x200B) + QStringLiteral("ce@contoso.com") << ""
                                    << "U+200B";
        QTest::newRow("non-ascii local") << QStringLiteral("jörg@contoso.com") << "" << QStringLiteral("\"ö\"");
        QTest::newRow("local 65") << QString(65, QLatin1Char('a')) + QStringLiteral("@contoso.com") << ""
                                  << "64";
        QTest::newRow("total 255") << QStringLiteral("a@") + QString(63, QLatin1Char('b')) + QLatin1Char('.') +
                                          QString(63, QLatin1Char('c')) + QLatin1Char('.') +
                                          QString(63, QLatin1Char('d')) + QLatin1Char('.') +
                                          QString(61, QLatin1Char('e'))
                                   << ""
                                   << "254";
        QTest::newRow("huge") << QString(100000, QLatin1Char('a')) + QStringLiteral("@contoso.com") << ""
                              << "254";
        QTest::newRow("single label domain") << "alice@localhost"
                                             << ""
                                             << "two labels";
        QTest::newRow("domain underscore") << "alice@con_toso.com"
                                           << ""
                                           << "\"_\"";
        QTest::newRow("domain double dot") << "alice@contoso..com"
                                           << ""
                                           << "contoso..com";
        QTest::newRow("domain trailing dot") << "alice@contoso.com."
                                             << ""
                                             << "ends with a dot";
        QTest::newRow("ip literal") << "alice@[192.0.2.1]"
                                    << ""
                                    << "";
        QTest::newRow("display form") << "Alice <alice@contoso.com>"
                                      << ""
                                      << "space";
        QTest::newRow("quoted local") << "\"alice\"@contoso.com"
                                      << ""
                                      << "\"\"\"";
    }
    void parse() {
        QFETCH(QString, input);
        QFETCH(QString, normalized);
        QFETCH(QString, mention);
        const auto r = parseEmailAddress(input);
        if (normalized.isEmpty()) {
            QVERIFY2(!r.ok(), qPrintable(input.left(80)));
            QCOMPARE(r.error().code, ErrorCode::Invalid);
            QCOMPARE(r.error().field, QStringLiteral("email"));
            QVERIFY2(r.error().message.contains(mention), qPrintable(r.error().message));
        } else {
            QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
            QCOMPARE(r->normalized(), normalized);
        }
    }

    void boundaryLengths() {
        // 254 in total is allowed, 255 is not: local 64 + '@' + a 189-character domain.
        const QString domain189 = QString(63, QLatin1Char('b')) + QLatin1Char('.') + QString(63, QLatin1Char('c')) +
                                  QLatin1Char('.') + QString(57, QLatin1Char('d')) + QStringLiteral(".com");
        const QString domain190 = QString(63, QLatin1Char('b')) + QLatin1Char('.') + QString(63, QLatin1Char('c')) +
                                  QLatin1Char('.') + QString(58, QLatin1Char('d')) + QStringLiteral(".com");
        QCOMPARE(domain189.size(), 189);
        const QString local64(64, QLatin1Char('a'));
        QVERIFY(parseEmailAddress(local64 + QLatin1Char('@') + domain189).ok());
        QVERIFY(!parseEmailAddress(local64 + QLatin1Char('@') + domain190).ok());
        // The limit applies to the ASCII (ACE) form that goes on the wire.
        // 6 labels of 24 CJK characters: 157 characters as typed, 247 in ACE form.
        QStringList labels;
        for (int i = 0; i < 6; ++i) {
            labels << QStringLiteral("日本語").repeated(8);
        }
        const auto r =
            parseEmailAddress(local64 + QLatin1Char('@') + labels.join(QLatin1Char('.')) + QStringLiteral(".example"));
        QVERIFY(!r.ok());
        QVERIFY2(r.error().message.contains(QLatin1String("encoded")), qPrintable(r.error().message));
    }

    void keepsCaseOfLocalPart() {
        const auto r = parseEmailAddress(QStringLiteral("Alice.Smith@Bücher.Example"));
        QVERIFY(r.ok());
        QCOMPARE(r->local, QStringLiteral("Alice.Smith"));
        QCOMPARE(r->domain, QStringLiteral("xn--bcher-kva.example"));
        QCOMPARE(r->normalized(), QStringLiteral("alice.smith@xn--bcher-kva.example"));
        // display() shows Unicode where Qt's IDN whitelist allows it (.de), else the ACE form, as
        // domainForDisplay() does everywhere (protection against look-alike domains).
        QCOMPARE(r->display(), QStringLiteral("Alice.Smith@xn--bcher-kva.example"));
        const auto de = parseEmailAddress(QStringLiteral("Jan@BÜCHER.de"));
        QVERIFY(de.ok());
        QCOMPARE(de->display(), QStringLiteral("Jan@bücher.de"));
    }

    void sameInviteeRegardlessOfCase() {
        const auto a = parseEmailAddress(QStringLiteral("ALICE@CONTOSO.COM"));
        const auto b = parseEmailAddress(QStringLiteral("alice@contoso.com"));
        QVERIFY(a.ok() && b.ok());
        QVERIFY(!(a.value() == b.value()));
        QCOMPARE(a->normalized(), b->normalized());
    }
};

QTEST_GUILESS_MAIN(tst_EmailAddress)
#include "tst_emailaddress.moc"
