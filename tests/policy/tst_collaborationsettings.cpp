#include "core/policy/collaborationsettings.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace atrium::core;

namespace {
QJsonObject parse(const char *json) {
    return QJsonDocument::fromJson(QByteArray(json)).object();
}

// n entries of the form dNNNNN.example, each exactly `len` characters long (len >= 13).
QStringList domainsOfLength(int n, int len) {
    QStringList out;
    for (int i = 0; i < n; ++i) {
        const QString head = QStringLiteral("d%1").arg(i, 5, 10, QLatin1Char('0'));
        out.append(head + QString(len - int(head.size()) - 8, QLatin1Char('x')) + QStringLiteral(".example"));
    }
    return out;
}
} // namespace

class tst_CollaborationSettings : public QObject {
    Q_OBJECT
private slots:
    void defaults() {
        const CollaborationSettings s;
        const QJsonObject j = s.toJson();
        // Stable keys and SPEC spellings: these are stored and exported.
        QCOMPARE(j.value(QStringLiteral("guestUserAccess")).toString(), QStringLiteral("limited"));
        QCOMPARE(j.value(QStringLiteral("allowInvitesFrom")).toString(), QStringLiteral("everyone"));
        QCOMPARE(j.value(QStringLiteral("selfServiceSignUpEnabled")).toBool(true), false);
        QCOMPARE(j.value(QStringLiteral("allowExternalUsersToLeave")).toBool(false), true);
        QCOMPARE(j.value(QStringLiteral("restriction")).toString(), QStringLiteral("allowAny"));
        QVERIFY(j.value(QStringLiteral("domains")).isArray());
        QCOMPARE(j.value(QStringLiteral("emailOtpEnabled")).toBool(false), true);
        QCOMPARE(j.size(), 7);
        QVERIFY(s.validate().ok());

        const auto empty = CollaborationSettings::fromJson(QJsonObject{});
        QVERIFY(empty.ok());
        QVERIFY(*empty == s);
    }

    void roundTrip() {
        CollaborationSettings s;
        s.guestUserAccess = GuestUserAccess::sameAsMembers;
        s.allowInvitesFrom = AllowInvitesFrom::adminsGuestInvitersAndAllMembers;
        s.selfServiceSignUpEnabled = true;
        s.allowExternalUsersToLeave = false;
        s.restriction = CollaborationRestriction::denyListed;
        s.domains = {QStringLiteral("contoso.com"), QStringLiteral("*.fabrikam.example"),
                     QStringLiteral("xn--bcher-kva.example")};
        s.emailOtpEnabled = false;
        QVERIFY(s.validate().ok());
        const auto back = CollaborationSettings::fromJson(s.toJson());
        QVERIFY2(back.ok(), qPrintable(back.ok() ? QString() : back.error().message));
        QVERIFY(*back == s);
        // Through text too, as it is stored.
        const QJsonObject reparsed = QJsonDocument::fromJson(QJsonDocument(s.toJson()).toJson()).object();
        QVERIFY(*CollaborationSettings::fromJson(reparsed) == s);
    }

    void fromJsonNormalizes() {
        const auto s =
            CollaborationSettings::fromJson(parse("{\"restriction\":\"allowOnlyListed\",\"domains\":[\"Contoso.COM.\","
                                                  "\"contoso.com\",\"B\\u00dcCHER.example\","
                                                  "\"xn--bcher-kva.example\",\"*.Fabrikam.Example\"]}"));
        QVERIFY2(s.ok(), qPrintable(s.ok() ? QString() : s.error().message));
        QCOMPARE(s->domains, (QStringList{QStringLiteral("contoso.com"), QStringLiteral("xn--bcher-kva.example"),
                                          QStringLiteral("*.fabrikam.example")}));
        QVERIFY(s->restriction == CollaborationRestriction::allowOnlyListed);
    }

    void fromJsonRefuses_data() {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("field");
        QTest::newRow("enum spelling") << QByteArray("{\"allowInvitesFrom\":\"Everyone\"}") << "allowInvitesFrom";
        QTest::newRow("enum unknown") << QByteArray("{\"guestUserAccess\":\"full\"}") << "guestUserAccess";
        QTest::newRow("enum type") << QByteArray("{\"restriction\":1}") << "restriction";
        QTest::newRow("bool type") << QByteArray("{\"emailOtpEnabled\":\"yes\"}") << "emailOtpEnabled";
        QTest::newRow("bool null") << QByteArray("{\"selfServiceSignUpEnabled\":null}") << "selfServiceSignUpEnabled";
        QTest::newRow("domains type") << QByteArray("{\"restriction\":\"denyListed\",\"domains\":\"contoso.com\"}")
                                      << "domains";
        QTest::newRow("domain item type")
            << QByteArray("{\"restriction\":\"denyListed\",\"domains\":[1]}") << "domains";
        QTest::newRow("bad domain") << QByteArray("{\"restriction\":\"denyListed\",\"domains\":[\"https://x.com\"]}")
                                    << "domains";
        QTest::newRow("bad wildcard") << QByteArray("{\"restriction\":\"denyListed\",\"domains\":[\"*.com\"]}")
                                      << "domains";
        QTest::newRow("list without mode") << QByteArray("{\"domains\":[\"contoso.com\"]}") << "domains";
    }
    void fromJsonRefuses() {
        QFETCH(QByteArray, json);
        QFETCH(QString, field);
        const auto s = CollaborationSettings::fromJson(QJsonDocument::fromJson(json).object());
        QVERIFY(!s.ok());
        QCOMPARE(s.error().code, ErrorCode::Invalid);
        QCOMPARE(s.error().field, field);
        QVERIFY(!s.error().message.isEmpty());
    }

    void validateRefusesUnnormalized() {
        CollaborationSettings s;
        s.restriction = CollaborationRestriction::denyListed;
        s.domains = {QStringLiteral("Contoso.com")};
        QVERIFY(!s.validate().ok());
        s.domains = {QStringLiteral("contoso.com"), QStringLiteral("contoso.com")};
        QVERIFY(!s.validate().ok());
        s.domains = {QStringLiteral("contoso.com")};
        QVERIFY(s.validate().ok());
    }

    void policySizeIsCompactJson() {
        CollaborationSettings s;
        s.restriction = CollaborationRestriction::allowOnlyListed;
        s.domains = domainsOfLength(10, 20);
        QCOMPARE(s.policySize(), int(QJsonDocument(s.toJson()).toJson(QJsonDocument::Compact).size()));
        CollaborationSettings longer = s;
        longer.domains.append(QStringLiteral("abc.example"));
        QCOMPARE(longer.policySize(), s.policySize() + 11 + 3); // quotes and comma
    }

    // SPEC §4: the whole policy is at most 25,000 characters; exactly at the limit is fine.
    void sizeLimit() {
        CollaborationSettings s;
        s.restriction = CollaborationRestriction::denyListed;
        const int base = [&] {
            CollaborationSettings e = s;
            return e.policySize();
        }();
        // base + n*(len+3) - 1 = 25000 with len 20 → choose n and pad the last entry.
        const int per = 23;
        const int n = (kMaxPolicyChars - base + 1) / per;
        s.domains = domainsOfLength(n, 20);
        const int missing = kMaxPolicyChars - s.policySize();
        QVERIFY(missing >= 0 && missing < per);
        s.domains.last() = domainsOfLength(n, 20 + missing).last();
        QCOMPARE(s.policySize(), kMaxPolicyChars);
        QVERIFY(s.validate().ok());
        QVERIFY(CollaborationSettings::fromJson(s.toJson()).ok());

        s.domains.last() = domainsOfLength(n, 21 + missing).last();
        QCOMPARE(s.policySize(), kMaxPolicyChars + 1);
        const Status tooBig = s.validate();
        QVERIFY(!tooBig.ok());
        QCOMPARE(tooBig.error().field, QStringLiteral("domains"));
        QVERIFY(tooBig.error().message.contains(QStringLiteral("25000")) ||
                tooBig.error().message.contains(QStringLiteral("25,000")));
        QVERIFY(!CollaborationSettings::fromJson(s.toJson()).ok());
    }

    void leaveEffective() {
        CollaborationSettings s;
        QVERIFY(s.leaveEffective(true));
        QVERIFY(!s.leaveEffective(false));
        s.allowExternalUsersToLeave = false;
        QVERIFY(!s.leaveEffective(true));
    }
};

QTEST_GUILESS_MAIN(tst_CollaborationSettings)
#include "tst_collaborationsettings.moc"
