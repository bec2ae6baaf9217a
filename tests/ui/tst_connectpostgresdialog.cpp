#include "models/dbexecutor.h"
#include "support/fakeclock.h"
#include "ui/connectpostgresdialog.h"
#include "ui/messageboxes.h"

#include <QAbstractButton>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTcpServer>
#include <QTest>

using namespace atrium;

class TestConnectPostgresDialog final : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { ui::MessageBoxes::setNonInteractive(true); }
    void refusesMissingFieldsWithoutTrying();
    void showsTheConnectionErrorAndStaysOpen();
    void prefillsButNeverAPassword();
};

void TestConnectPostgresDialog::refusesMissingFieldsWithoutTrying() {
    models::DbExecutor executor;
    ui::ConnectPostgresDialog dialog(&executor, std::make_shared<test::FakeClock>());
    dialog.show();
    QSignalSpy finished(&dialog, &ui::ConnectPostgresDialog::connectFinished);
    QTest::mouseClick(dialog.findChild<QAbstractButton *>(QStringLiteral("connectButton")), Qt::LeftButton);
    auto *error = dialog.findChild<QLabel *>(QStringLiteral("generalError"));
    QVERIFY(error->isVisible());
    QVERIFY(!error->text().isEmpty());
    QCOMPARE(finished.count(), 0); // nothing was attempted
    QVERIFY(dialog.isVisible());
}

void TestConnectPostgresDialog::showsTheConnectionErrorAndStaysOpen() {
    // A port nobody listens on: bind one, note it, close it.
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost));
    const int port = probe.serverPort();
    probe.close();

    models::DbExecutor executor;
    ui::ConnectPostgresDialog dialog(&executor, std::make_shared<test::FakeClock>());
    dialog.show();
    dialog.findChild<QLineEdit *>(QStringLiteral("hostEdit"))->setText(QStringLiteral("127.0.0.1"));
    dialog.findChild<QSpinBox *>(QStringLiteral("portSpinBox"))->setValue(port);
    dialog.findChild<QLineEdit *>(QStringLiteral("databaseEdit"))->setText(QStringLiteral("atrium"));
    dialog.findChild<QLineEdit *>(QStringLiteral("passwordEdit"))->setText(QStringLiteral("secret"));
    QSignalSpy finished(&dialog, &ui::ConnectPostgresDialog::connectFinished);
    QTest::mouseClick(dialog.findChild<QAbstractButton *>(QStringLiteral("connectButton")), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
    QCOMPARE(finished.first().first().toBool(), false);
    auto *error = dialog.findChild<QLabel *>(QStringLiteral("generalError"));
    QVERIFY(error->isVisible());
    QVERIFY(!error->text().isEmpty());
    QVERIFY(!error->text().contains(QLatin1String("secret")));
    QVERIFY(dialog.isVisible());
    QVERIFY(!dialog.session());
    QCOMPARE(dialog.connection().password, QStringLiteral("secret")); // held for this session only
}

void TestConnectPostgresDialog::prefillsButNeverAPassword() {
    models::DbExecutor executor;
    ui::ConnectPostgresDialog dialog(&executor, std::make_shared<test::FakeClock>());
    auto info = core::ConnectionInfo::parse(QStringLiteral("postgresql://alice@db.example:6543/atrium"));
    QVERIFY(info.ok());
    info->password = QStringLiteral("must-not-appear");
    dialog.setConnection(*info);
    QCOMPARE(dialog.findChild<QLineEdit *>(QStringLiteral("hostEdit"))->text(), QStringLiteral("db.example"));
    QCOMPARE(dialog.findChild<QSpinBox *>(QStringLiteral("portSpinBox"))->value(), 6543);
    QCOMPARE(dialog.findChild<QLineEdit *>(QStringLiteral("userEdit"))->text(), QStringLiteral("alice"));
    QVERIFY(dialog.findChild<QLineEdit *>(QStringLiteral("passwordEdit"))->text().isEmpty());
}

QTEST_MAIN(TestConnectPostgresDialog)
#include "tst_connectpostgresdialog.moc"
