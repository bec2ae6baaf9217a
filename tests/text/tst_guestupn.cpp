#include "core/text/guestupn.h"

#include <QCryptographicHash>
#include <QSet>
#include <QTest>

using namespace atrium::core;

namespace {
EmailAddress address(const QString &text) {
    const auto r = parseEmailAddress(text);
    if (!r.ok()) {
        qFatal("test address %s refused: %s", qPrintable(text), qPrintable(r.error().message));
    }
    return r.value();
}

QString prefixOf(const QString &upn) {
    return upn.left(upn.lastIndexOf(QLatin1Char('@')));
}
} // namespace

class tst_GuestUpn : public QObject {
    Q_OBJECT
private slots:
    void base_data() {
        QTest::addColumn<QString>("email");
        QTest::addColumn<QString>("initialDomain");
        QTest::addColumn<QString>("upn");
        QTest::newRow("spec example") << "alice@contoso.com"
                                      << "fabrikam.example"
                                      << "alice_contoso.com#EXT#@fabrikam.example";
        QTest::newRow("upper case") << "Alice.Smith@Contoso.COM"
                                    << "Fabrikam.Example"
                                    << "alice.smith_contoso.com#EXT#@fabrikam.example";
        QTest::newRow("underscore in local") << "a_b@contoso.com"
                                             << "fabrikam.example"
                                             << "a_b_contoso.com#EXT#@fabrikam.example";
        QTest::newRow("idna domain") << QStringLiteral("jan@bücher.example") << "fabrikam.example"
                                     << "jan_xn--bcher-kva.example#EXT#@fabrikam.example";
        QTest::newRow("apostrophe") << "o'brien@contoso.com"
                                    << "fabrikam.example"
                                    << "o'brien_contoso.com#EXT#@fabrikam.example";
    }
    void base() {
        QFETCH(QString, email);
        QFETCH(QString, initialDomain);
        QFETCH(QString, upn);
        QCOMPARE(guestUpnBase(address(email), initialDomain), upn);
        QCOMPARE(guestUpnCandidate(address(email), initialDomain, 0), upn);
    }

    void collisionSuffix() {
        const EmailAddress alice = address(QStringLiteral("alice@contoso.com"));
        const QString domain = QStringLiteral("fabrikam.example");
        QCOMPARE(guestUpnCandidate(alice, domain, 1), QStringLiteral("alice_contoso.com_2#EXT#@fabrikam.example"));
        QCOMPARE(guestUpnCandidate(alice, domain, 2), QStringLiteral("alice_contoso.com_3#EXT#@fabrikam.example"));
        QCOMPARE(guestUpnCandidate(alice, domain, 9), QStringLiteral("alice_contoso.com_10#EXT#@fabrikam.example"));
        // Deterministic: the same inputs give the same candidates.
        QCOMPARE(guestUpnCandidate(alice, domain, 4), guestUpnCandidate(alice, domain, 4));
    }

    void candidatesAreDistinct() {
        const EmailAddress alice = address(QStringLiteral("alice@contoso.com"));
        const EmailAddress other = address(QStringLiteral("alice_contoso.com@x.example"));
        QSet<QString> seen;
        for (int attempt = 0; attempt < 50; ++attempt) {
            const QString upn = guestUpnCandidate(alice, QStringLiteral("fabrikam.example"), attempt);
            QVERIFY2(!seen.contains(upn), qPrintable(upn));
            seen.insert(upn);
        }
        QVERIFY(!seen.contains(guestUpnBase(other, QStringLiteral("fabrikam.example"))));
    }

    void longAddressIsCutDeterministically() {
        // 64-character local part and a long domain: the prefix would be 64 + 1 + 120 + 5 characters.
        const QString local = QString(64, QLatin1Char('a'));
        const QString domain = QString(60, QLatin1Char('b')) + QStringLiteral(".") + QString(55, QLatin1Char('c')) +
                               QStringLiteral(".com");
        const EmailAddress first = address(local + QLatin1Char('@') + domain);
        const EmailAddress second =
            address(local + QLatin1Char('@') + QString(60, QLatin1Char('b')) + QStringLiteral(".") +
                    QString(55, QLatin1Char('d')) + QStringLiteral(".com"));
        const QString initial = QStringLiteral("fabrikam.example");
        for (int attempt : {0, 1, 99, 12345}) {
            const QString upn = guestUpnCandidate(first, initial, attempt);
            QVERIFY2(prefixOf(upn).size() <= kGuestUpnMaxPrefix, qPrintable(upn));
            QVERIFY(upn.endsWith(QStringLiteral("#EXT#@fabrikam.example")));
            QVERIFY(upn.startsWith(local + QLatin1Char('_') + QString(10, QLatin1Char('b'))));
            QCOMPARE(upn, guestUpnCandidate(first, initial, attempt));
            // Same first 100 characters, different address: still a different UPN (the hash).
            QVERIFY(upn != guestUpnCandidate(second, initial, attempt));
        }
        QCOMPARE(prefixOf(guestUpnBase(first, initial)).size(), kGuestUpnMaxPrefix);
        // The suffix survives truncation, so collisions still resolve.
        QVERIFY(prefixOf(guestUpnCandidate(first, initial, 1)).endsWith(QStringLiteral("_2#EXT#")));
        // The hash is the first 8 hex digits of SHA-256 of the normalized address.
        const QString base = guestUpnBase(first, initial);
        const QString hash = prefixOf(base).chopped(5).right(8);
        QCOMPARE(hash.size(), 8);
        QCOMPARE(QString::fromLatin1(
                     QCryptographicHash::hash(first.normalized().toUtf8(), QCryptographicHash::Sha256).toHex().left(8)),
                 hash);
    }

    void exactlyAtTheLimitIsNotCut() {
        // prefix = local(64) + '_' + domain(43) + "#EXT#" = 113: fits exactly, no hash.
        const QString local = QString(64, QLatin1Char('a'));
        const QString domain = QString(39, QLatin1Char('b')) + QStringLiteral(".com");
        const QString upn = guestUpnBase(address(local + QLatin1Char('@') + domain), QStringLiteral("f.example"));
        QCOMPARE(upn, local + QLatin1Char('_') + domain + QStringLiteral("#EXT#@f.example"));
        QCOMPARE(prefixOf(upn).size(), 113);
        // One more character is cut and hashed.
        const QString longer =
            guestUpnBase(address(local + QStringLiteral("@b") + domain), QStringLiteral("f.example"));
        QCOMPARE(prefixOf(longer).size(), 113);
        QVERIFY(!longer.contains(domain));
    }
};

QTEST_GUILESS_MAIN(tst_GuestUpn)
#include "tst_guestupn.moc"
