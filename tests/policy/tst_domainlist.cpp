#include "core/base/domainname.h"
#include "core/policy/collaborationsettings.h"
#include "core/policy/domainfastpath.h"
#include "core/policy/domainlist.h"

#include <QTest>

using namespace atrium::core;

namespace {
QList<int> lines(const QList<QPair<int, QString>> &items) {
    QList<int> out;
    for (const auto &p : items) {
        out.append(p.first);
    }
    return out;
}
} // namespace

class tst_DomainList : public QObject {
    Q_OBJECT
private slots:
    void parse_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("domains");
        QTest::addColumn<QList<int>>("problemLines");
        QTest::addColumn<QList<int>>("duplicateLines");
        const QString c = QStringLiteral("contoso.com");
        const QString f = QStringLiteral("fabrikam.example");
        QTest::newRow("empty") << QString() << QStringList() << QList<int>() << QList<int>();
        QTest::newRow("blank lines") << "\n \n\t\n" << QStringList() << QList<int>() << QList<int>();
        QTest::newRow("one per line") << "contoso.com\nfabrikam.example" << QStringList{c, f} << QList<int>()
                                      << QList<int>();
        QTest::newRow("windows line ends") << "contoso.com\r\nfabrikam.example\r\n"
                                           << QStringList{c, f} << QList<int>() << QList<int>();
        QTest::newRow("separators") << "a.example, b.example;c.example d.example\te.example,,;"
                                    << QStringList{QStringLiteral("a.example"), QStringLiteral("b.example"),
                                                   QStringLiteral("c.example"), QStringLiteral("d.example"),
                                                   QStringLiteral("e.example")}
                                    << QList<int>() << QList<int>();
        QTest::newRow("normalized") << "  CONTOSO.com.  " << QStringList{c} << QList<int>() << QList<int>();
        QTest::newRow("duplicate after normalizing")
            << "contoso.com\nfabrikam.example\nContoso.COM." << QStringList{c, f} << QList<int>() << QList<int>{3};
        QTest::newRow("idna duplicate") << QStringLiteral("bücher.example\nXN--BCHER-KVA.example")
                                        << QStringList{QStringLiteral("xn--bcher-kva.example")} << QList<int>()
                                        << QList<int>{2};
        QTest::newRow("wildcard") << "*.Contoso.com\ncontoso.com" << QStringList{QStringLiteral("*.contoso.com"), c}
                                  << QList<int>() << QList<int>();
        QTest::newRow("bad entries keep line numbers")
            << "https://contoso.com\n\nfabrikam.example\nbad_domain.com, x@y.com\nlocalhost" << QStringList{f}
            << QList<int>{1, 4, 4, 5} << QList<int>();
        QTest::newRow("bad wildcards") << "*contoso.com\na.*.example\n*.com\n*\n**.contoso.com" << QStringList()
                                       << QList<int>{1, 2, 3, 4, 5} << QList<int>();
        QTest::newRow("port") << "contoso.com:443" << QStringList() << QList<int>{1} << QList<int>();
        QTest::newRow("label too long") << QString(64, QLatin1Char('a')) + QStringLiteral(".com") << QStringList()
                                        << QList<int>{1} << QList<int>();
    }
    void parse() {
        QFETCH(QString, text);
        QFETCH(QStringList, domains);
        QFETCH(QList<int>, problemLines);
        QFETCH(QList<int>, duplicateLines);
        const DomainListParse p = parseDomainList(text);
        QCOMPARE(p.domains, domains);
        QCOMPARE(lines(p.problems), problemLines);
        QCOMPARE(lines(p.duplicates), duplicateLines);
        QCOMPARE(p.ok(), problemLines.isEmpty());
        for (const auto &problem : p.problems) {
            QVERIFY(!problem.second.isEmpty());
        }
    }

    void problemNamesTheEntry() {
        const DomainListParse p = parseDomainList(QStringLiteral("ok.example\nhttps://contoso.com"));
        QCOMPARE(p.problems.size(), 1);
        QVERIFY2(p.problems.at(0).second.contains(QStringLiteral("https://contoso.com")),
                 qPrintable(p.problems.at(0).second));
        const DomainListParse d = parseDomainList(QStringLiteral("contoso.com\ncontoso.com"));
        QVERIFY2(d.duplicates.at(0).second.contains(QStringLiteral("contoso.com")),
                 qPrintable(d.duplicates.at(0).second));
    }

    // The size problem appears exactly when the resulting policy exceeds 25,000 characters, on the
    // line of the first entry that does not fit, and takes the other settings into account.
    void sizeLimit_data() {
        QTest::addColumn<int>("allowInvitesFrom");
        QTest::newRow("everyone") << int(AllowInvitesFrom::everyone);
        QTest::newRow("longer other settings") << int(AllowInvitesFrom::adminsGuestInvitersAndAllMembers);
    }
    void sizeLimit() {
        QFETCH(int, allowInvitesFrom);
        CollaborationSettings others;
        others.allowInvitesFrom = AllowInvitesFrom(allowInvitesFrom);
        others.restriction = CollaborationRestriction::denyListed;

        QStringList lines;
        for (int i = 0; i < 2000; ++i) {
            lines.append(QStringLiteral("partner%1.example").arg(i, 5, 10, QLatin1Char('0'))); // 19 chars
        }
        const QString text = lines.join(QLatin1Char('\n'));
        const DomainListParse p = parseDomainList(text, others);
        QCOMPARE(p.domains.size(), 2000); // entries are kept; the problem blocks saving
        QCOMPARE(p.problems.size(), 1);
        const int line = p.problems.at(0).first;

        CollaborationSettings fits = others;
        fits.domains = p.domains.mid(0, line - 1);
        QVERIFY(fits.policySize() <= kMaxPolicyChars);
        CollaborationSettings over = others;
        over.domains = p.domains.mid(0, line);
        QVERIFY(over.policySize() > kMaxPolicyChars);

        // The prefix that fits parses clean.
        const DomainListParse clean = parseDomainList(lines.mid(0, line - 1).join(QLatin1Char('\n')), others);
        QVERIFY(clean.ok());
    }

    void entry_data() {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected"); // empty = refused
        QTest::newRow("plain") << "contoso.com"
                               << "contoso.com";
        QTest::newRow("wildcard") << "*.EU.Contoso.com."
                                  << "*.eu.contoso.com";
        QTest::newRow("wildcard idna") << QStringLiteral("*.bücher.example") << "*.xn--bcher-kva.example";
        QTest::newRow("wildcard tld") << "*.com"
                                      << "";
        QTest::newRow("inner wildcard") << "a.*.com"
                                        << "";
        QTest::newRow("partial wildcard") << "*x.contoso.com"
                                          << "";
        QTest::newRow("bare star") << "*"
                                   << "";
        QTest::newRow("star dot") << "*."
                                  << "";
    }
    void entry() {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        const auto r = normalizeDomainListEntry(input);
        QCOMPARE(r.ok(), !expected.isEmpty());
        if (r.ok()) {
            QCOMPARE(*r, expected);
            QVERIFY(isWildcardEntry(*r) == input.startsWith(QLatin1Char('*')));
        } else {
            QVERIFY(!r.error().message.isEmpty());
        }
    }

    // The engine's ASCII fast path must agree with normalizeDomain on everything it accepts, and
    // normalizeDomainFast must agree with it everywhere.
    void fastPathAgrees_data() {
        QTest::addColumn<QString>("input");
        for (const char *s : {"contoso.com",
                              "CONTOSO.COM",
                              "contoso.com.",
                              "contoso.com..",
                              "a.b",
                              "a.b.c.d.e.f",
                              "1.2.3.4",
                              "123.example",
                              "a-b.example",
                              "-a.example",
                              "a-.example",
                              "ab--cd.example",
                              "xn--bcher-kva.example",
                              "XN--BCHER-KVA.EXAMPLE",
                              "xn--.example",
                              "localhost",
                              ".com",
                              "a..b",
                              "",
                              ".",
                              "con_toso.com",
                              "contoso.com:80",
                              " contoso.com",
                              "contoso.com ",
                              "a@b.com",
                              "https://a.com"}) {
            QTest::newRow(s) << QString::fromLatin1(s);
        }
        QTest::newRow("unicode") << QStringLiteral("bücher.example");
        QTest::newRow("label 63") << QString(63, QLatin1Char('a')) + QStringLiteral(".com");
        QTest::newRow("label 64") << QString(64, QLatin1Char('a')) + QStringLiteral(".com");
        QString longName;
        while (longName.size() < 250) {
            longName += QStringLiteral("abcdefghi.");
        }
        QTest::newRow("253") << longName.left(249) + QStringLiteral(".com");
        QTest::newRow("254") << longName.left(250) + QStringLiteral(".com");
    }
    void fastPathAgrees() {
        QFETCH(QString, input);
        const auto reference = normalizeDomain(input);
        const auto fast = normalizeDomainFast(input);
        QCOMPARE(fast.ok(), reference.ok());
        if (reference.ok()) {
            QCOMPARE(*fast, *reference);
        } else {
            QCOMPARE(fast.error().message, reference.error().message);
        }
        QString out;
        if (normalizePlainAsciiDomain(input, out)) {
            QVERIFY2(reference.ok(), "the fast path accepted what normalizeDomain refuses");
            QCOMPARE(out, *reference);
        }
    }
};

QTEST_GUILESS_MAIN(tst_DomainList)
#include "tst_domainlist.moc"
