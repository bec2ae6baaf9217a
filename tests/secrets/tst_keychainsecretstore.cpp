#include "core/secrets/keychainsecretstore.h"

#include <QProcess>
#include <QTest>
#include <QThread>

#include <atomic>
#include <memory>
#include <vector>

using namespace atrium::core;

// Runs under tests/support/keychainsession.sh: a private session bus with gnome-keyring unlocked.
// If that keychain is missing, every test here fails with the "no keychain" message.
class TstKeychainSecretStore final : public QObject {
    Q_OBJECT

private:
    // What libsecret's own command-line tool sees, to prove the entry is in the real keyring under
    // the documented service and key.
    static QString secretToolLookup(const QString &keychainKey) {
        QProcess p;
        p.start(QStringLiteral("secret-tool"), {QStringLiteral("lookup"), QStringLiteral("user"), keychainKey,
                                                QStringLiteral("server"), KeychainSecretStore::serviceName()});
        if (!p.waitForFinished(30000) || p.exitCode() != 0) {
            return QStringLiteral("<secret-tool: %1>").arg(QString::fromLocal8Bit(p.readAllStandardError()));
        }
        return QString::fromUtf8(p.readAllStandardOutput());
    }

private slots:
    void writeReadOverwriteRemove() {
        KeychainSecretStore store(QStringLiteral("tenant-a"));
        const QString key = QStringLiteral("smtp/relay.example.com");
        QVERIFY2(store.write(key, QStringLiteral("first")).ok(), "write failed");
        auto r = store.read(key);
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        QCOMPARE(*r, QStringLiteral("first"));
        QCOMPARE(secretToolLookup(QStringLiteral("atrium/tenant-a/smtp/relay.example.com")), QStringLiteral("first"));

        QVERIFY(store.write(key, QStringLiteral("second")).ok());
        r = store.read(key);
        QVERIFY(r.ok());
        QCOMPARE(*r, QStringLiteral("second"));

        QVERIFY(store.remove(key).ok());
        r = store.read(key);
        QVERIFY(!r.ok());
        QCOMPARE(errorCodeName(r.error().code), errorCodeName(ErrorCode::NotFound));
    }

    void readMissingIsNotFound() {
        KeychainSecretStore store(QStringLiteral("tenant-a"));
        const auto r = store.read(QStringLiteral("never-written"));
        QVERIFY(!r.ok());
        QCOMPARE(errorCodeName(r.error().code), errorCodeName(ErrorCode::NotFound));
        QVERIFY2(r.error().message.contains(QLatin1String("never-written")), qPrintable(r.error().message));
    }

    void removeMissingSucceeds() {
        KeychainSecretStore store(QStringLiteral("tenant-a"));
        const Status s = store.remove(QStringLiteral("never-written"));
        QVERIFY2(s.ok(), qPrintable(s.ok() ? QString() : s.error().message));
    }

    void emptyKeyIsInvalid() {
        KeychainSecretStore store(QStringLiteral("tenant-a"));
        QCOMPARE(errorCodeName(store.write(QString(), QStringLiteral("x")).error().code),
                 errorCodeName(ErrorCode::Invalid));
        KeychainSecretStore noNamespace{QString()};
        QCOMPARE(errorCodeName(noNamespace.read(QStringLiteral("k")).error().code), errorCodeName(ErrorCode::Invalid));
    }

    void roundTripsAnySecret_data() {
        QTest::addColumn<QString>("secret");
        QTest::newRow("ascii") << QStringLiteral("correct horse battery staple");
        QTest::newRow("latin") << QStringLiteral("Zoë-Ærøskøbing-ß");
        QTest::newRow("cjk") << QStringLiteral("東京の秘密");
        QTest::newRow("emoji") << QStringLiteral("🔑🗝️ key");
        QTest::newRow("rtl") << QStringLiteral("סוד سر");
        QTest::newRow("quotes and escapes") << QStringLiteral("a'b\"c\\d$e`f%1");
        QTest::newRow("newlines and tabs") << QStringLiteral("line1\nline2\tend\n");
        QTest::newRow("long") << QString(4096, QLatin1Char('x')) + QStringLiteral("end");
        QTest::newRow("empty") << QString();
    }

    void roundTripsAnySecret() {
        QFETCH(QString, secret);
        KeychainSecretStore store(QStringLiteral("tenant-ü"));
        const QString key = QStringLiteral("unicode/") + QString::fromLatin1(QTest::currentDataTag());
        QVERIFY(store.write(key, secret).ok());
        const auto r = store.read(key);
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        QCOMPARE(*r, secret);
        QVERIFY(store.remove(key).ok());
    }

    void namespacesAreIsolated() {
        KeychainSecretStore a(QStringLiteral("tenant-a"));
        KeychainSecretStore b(QStringLiteral("tenant-b"));
        const QString key = QStringLiteral("idp/google");
        QVERIFY(a.write(key, QStringLiteral("secret-of-a")).ok());
        auto fromB = b.read(key);
        QVERIFY(!fromB.ok());
        QCOMPARE(errorCodeName(fromB.error().code), errorCodeName(ErrorCode::NotFound));

        QVERIFY(b.write(key, QStringLiteral("secret-of-b")).ok());
        QCOMPARE(*a.read(key), QStringLiteral("secret-of-a"));
        QCOMPARE(*b.read(key), QStringLiteral("secret-of-b"));

        QVERIFY(b.remove(key).ok());
        QCOMPARE(*a.read(key), QStringLiteral("secret-of-a"));
        QVERIFY(a.remove(key).ok());
    }

    // The services call the store from worker threads, several at once.
    void concurrentCallsFromWorkerThreads() {
        constexpr int threads = 4;
        constexpr int rounds = 5;
        std::atomic<int> failures{0};
        std::vector<std::unique_ptr<QThread>> workers;
        for (int t = 0; t < threads; ++t) {
            workers.emplace_back(QThread::create([t, &failures] {
                KeychainSecretStore store(QStringLiteral("tenant-%1").arg(t));
                for (int i = 0; i < rounds; ++i) {
                    const QString value = QStringLiteral("value-%1-%2").arg(t).arg(i);
                    if (!store.write(QStringLiteral("k"), value).ok()) {
                        ++failures;
                        continue;
                    }
                    const auto r = store.read(QStringLiteral("k"));
                    if (!r.ok() || *r != value) {
                        ++failures;
                    }
                }
                if (!store.remove(QStringLiteral("k")).ok()) {
                    ++failures;
                }
            }));
            workers.back()->start();
        }
        for (auto &w : workers) {
            QVERIFY(w->wait(QDeadlineTimer(90000)));
        }
        QCOMPARE(failures.load(), 0);
    }

    void keychainKeyFormat() {
        KeychainSecretStore store(QStringLiteral("0b6f-tenant"));
        QCOMPARE(store.keychainKey(QStringLiteral("smtp")), QStringLiteral("atrium/0b6f-tenant/smtp"));
        QCOMPARE(KeychainSecretStore::serviceName(), QStringLiteral("Atrium"));
    }

    void postgresKey_data() {
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");
        QTest::addColumn<QString>("database");
        QTest::addColumn<QString>("expected");
        QTest::newRow("plain") << QStringLiteral("ada") << QStringLiteral("db.example.com") << 5432
                               << QStringLiteral("atrium") << QStringLiteral("postgresql/ada@db.example.com:5432/atrium");
        QTest::newRow("host case") << QStringLiteral("Ada") << QStringLiteral("DB.Example.COM") << 5433
                                   << QStringLiteral("Dir") << QStringLiteral("postgresql/Ada@db.example.com:5433/Dir");
        QTest::newRow("ipv4") << QStringLiteral("ada") << QStringLiteral("127.0.0.1") << 6000 << QStringLiteral("d")
                              << QStringLiteral("postgresql/ada@127.0.0.1:6000/d");
        QTest::newRow("ipv6") << QStringLiteral("ada") << QStringLiteral("::1") << 5432 << QStringLiteral("d")
                              << QStringLiteral("postgresql/ada@[::1]:5432/d");
        QTest::newRow("ipv6 bracketed") << QStringLiteral("ada") << QStringLiteral("[fe80::1]") << 5432
                                        << QStringLiteral("d") << QStringLiteral("postgresql/ada@[fe80::1]:5432/d");
    }

    void postgresKey() {
        QFETCH(QString, user);
        QFETCH(QString, host);
        QFETCH(int, port);
        QFETCH(QString, database);
        QFETCH(QString, expected);
        QCOMPARE(secretKeyForPostgres(user, host, port, database), expected);
    }
};

QTEST_GUILESS_MAIN(TstKeychainSecretStore)
#include "tst_keychainsecretstore.moc"
