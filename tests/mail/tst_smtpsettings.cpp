#include "core/mail/smtpsettings.h"

#include <QJsonDocument>
#include <QTest>

using namespace atrium::core;

namespace {

QJsonObject valid() {
    return QJsonObject{{QStringLiteral("host"), QStringLiteral("smtp.fabrikam.example")},
                       {QStringLiteral("port"), 465},
                       {QStringLiteral("security"), QStringLiteral("tls")},
                       {QStringLiteral("username"), QStringLiteral("atrium")},
                       {QStringLiteral("fromAddress"), QStringLiteral("invites@fabrikam.example")},
                       {QStringLiteral("fromName"), QStringLiteral("Fabrikam Invitations")},
                       {QStringLiteral("timeoutSeconds"), 20},
                       {QStringLiteral("verifyPeer"), false},
                       {QStringLiteral("caFile"), QStringLiteral("/etc/atrium/ca.pem")}};
}

} // namespace

class tst_SmtpSettings : public QObject {
    Q_OBJECT
private slots:
    void roundTrip() {
        const auto s = SmtpSettings::fromJson(valid());
        QVERIFY2(s.ok(), qPrintable(s.ok() ? QString() : s.error().message));
        QCOMPARE(s->host, QStringLiteral("smtp.fabrikam.example"));
        QCOMPARE(s->port, 465);
        QCOMPARE(s->security, SmtpSettings::Security::Tls);
        QCOMPARE(s->timeoutSeconds, 20);
        QCOMPARE(s->verifyPeer, false);
        QCOMPARE(s->toJson(), valid());
        QVERIFY(!s->toJson().contains(QStringLiteral("password")));
    }

    void defaults() {
        const auto s = SmtpSettings::fromJson(QJsonObject{{QStringLiteral("host"), QStringLiteral("10.0.0.5")},
                                                          {QStringLiteral("fromAddress"), QStringLiteral("a@b.example")}});
        QVERIFY(s.ok());
        QCOMPARE(s->port, 587);
        QCOMPARE(s->security, SmtpSettings::Security::StartTls);
        QCOMPARE(s->timeoutSeconds, 30);
        QVERIFY(s->verifyPeer);
    }

    void refused_data() {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QJsonValue>("value");
        QTest::newRow("host empty") << "host" << QJsonValue(QString());
        QTest::newRow("host url") << "host" << QJsonValue(QStringLiteral("smtp://x.example"));
        QTest::newRow("host with path") << "host" << QJsonValue(QStringLiteral("x.example/y"));
        QTest::newRow("host with userinfo") << "host" << QJsonValue(QStringLiteral("u@x.example"));
        QTest::newRow("host newline") << "host" << QJsonValue(QStringLiteral("x.example\nRCPT TO:<a@b>"));
        QTest::newRow("port zero") << "port" << QJsonValue(0);
        QTest::newRow("port high") << "port" << QJsonValue(70000);
        QTest::newRow("port fraction") << "port" << QJsonValue(25.5);
        QTest::newRow("port string") << "port" << QJsonValue(QStringLiteral("25"));
        QTest::newRow("security unknown") << "security" << QJsonValue(QStringLiteral("ssl3"));
        QTest::newRow("timeout zero") << "timeoutSeconds" << QJsonValue(0);
        QTest::newRow("from bad") << "fromAddress" << QJsonValue(QStringLiteral("invites"));
        QTest::newRow("from missing") << "fromAddress" << QJsonValue(QString());
        QTest::newRow("verify string") << "verifyPeer" << QJsonValue(QStringLiteral("yes"));
        QTest::newRow("username newline") << "username" << QJsonValue(QStringLiteral("a\r\nb"));
    }
    void refused() {
        QFETCH(QString, key);
        QFETCH(QJsonValue, value);
        QJsonObject json = valid();
        json.insert(key, value);
        const auto s = SmtpSettings::fromJson(json);
        QVERIFY2(!s.ok(), qPrintable(QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact))));
        QCOMPARE(s.error().code, ErrorCode::Invalid);
        QCOMPARE(s.error().field, key);
        QVERIFY(!s.error().message.isEmpty());
    }

    void ipv6Host() {
        QJsonObject json = valid();
        json.insert(QStringLiteral("host"), QStringLiteral("::1"));
        QVERIFY(SmtpSettings::fromJson(json).ok());
    }
};

QTEST_GUILESS_MAIN(tst_SmtpSettings)
#include "tst_smtpsettings.moc"
