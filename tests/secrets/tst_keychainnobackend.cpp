#include "core/secrets/keychainsecretstore.h"

#include <QTest>

using namespace atrium::core;

// Without a reachable keychain every call must fail fast with ErrorCode::Secret and a message that
// tells the user what to install or run — never fall back to storing secrets in a file.
class TstKeychainNoBackend final : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        // Also when run by hand: no session bus, no way to autolaunch one, no KDE detection.
        qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/atrium-no-session-bus");
        qunsetenv("DISPLAY");
        qunsetenv("WAYLAND_DISPLAY");
        qunsetenv("XDG_CURRENT_DESKTOP");
        qunsetenv("KDE_FULL_SESSION");
        qunsetenv("DESKTOP_SESSION");
    }

    void everyCallReportsNoKeychain_data() {
        QTest::addColumn<QString>("operation");
        QTest::newRow("read") << QStringLiteral("read");
        QTest::newRow("write") << QStringLiteral("write");
        QTest::newRow("remove") << QStringLiteral("remove");
    }

    void everyCallReportsNoKeychain() {
        QFETCH(QString, operation);
        KeychainSecretStore store(QStringLiteral("tenant-a"));
        store.setTimeout(std::chrono::seconds(60));
        Error error;
        if (operation == QLatin1String("read")) {
            auto r = store.read(QStringLiteral("smtp"));
            QVERIFY(!r.ok());
            error = r.error();
        } else if (operation == QLatin1String("write")) {
            auto r = store.write(QStringLiteral("smtp"), QStringLiteral("s3cret-value"));
            QVERIFY(!r.ok());
            error = r.error();
        } else {
            auto r = store.remove(QStringLiteral("smtp"));
            QVERIFY(!r.ok());
            error = r.error();
        }
        QCOMPARE(errorCodeName(error.code), errorCodeName(ErrorCode::Secret));
        QVERIFY2(error.message.contains(QLatin1String("No keychain is available")), qPrintable(error.message));
        QVERIFY2(error.message.contains(QLatin1String("gnome-keyring")), qPrintable(error.message));
        QVERIFY2(error.message.contains(QLatin1String("KWallet")), qPrintable(error.message));
        QVERIFY2(!error.detail.startsWith(QLatin1String("timeout")), qPrintable(error.detail));
        QVERIFY(!error.message.contains(QLatin1String("s3cret-value")));
        QVERIFY(!error.detail.contains(QLatin1String("s3cret-value")));
    }
};

QTEST_GUILESS_MAIN(TstKeychainNoBackend)
#include "tst_keychainnobackend.moc"
