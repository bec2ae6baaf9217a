#include "core/services/overviewservice.h"
#include "models/dbexecutor.h"
#include "models/directorysession.h"
#include "support/fakeclock.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace atrium;
using models::DirectorySession;
using models::SessionPtr;

class TestDirectorySession final : public QObject {
    Q_OBJECT
private slots:
    void openMissingIsNotFound();
    void createRefusesBadInput_data();
    void createRefusesBadInput();
    void createOpensTheNewDirectory();
    void createRefusesASecondDirectory();
    void sampleIsCreatedOnceThenOpened();

private:
    core::ConnectionInfo sqlite(const QString &name) const {
        core::ConnectionInfo info;
        info.path = m_dir.filePath(name);
        return info;
    }
    template <typename T> T onWorker(std::function<T()> fn) { return m_executor.run<T>(std::move(fn)).result(); }

    QTemporaryDir m_dir;
    models::DbExecutor m_executor;
    std::shared_ptr<test::FakeClock> m_clock = std::make_shared<test::FakeClock>();
};

void TestDirectorySession::openMissingIsNotFound() {
    const auto info = sqlite(QStringLiteral("missing.sqlite"));
    const auto clock = m_clock;
    auto s = onWorker<core::Result<SessionPtr>>([info, clock] { return DirectorySession::open(info, clock); });
    QVERIFY(!s.ok());
    QCOMPARE(s.error().code, core::ErrorCode::NotFound);
    QVERIFY(!QFile::exists(info.path));
    auto exists = onWorker<core::Result<bool>>([info] { return DirectorySession::exists(info); });
    QVERIFY(exists.ok());
    QCOMPARE(*exists, false);
}

void TestDirectorySession::createRefusesBadInput_data() {
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("domain");
    QTest::addColumn<QString>("field");
    QTest::newRow("empty name") << QString() << QStringLiteral("contoso.example") << QStringLiteral("name");
    QTest::newRow("blank name") << QStringLiteral("   ") << QStringLiteral("contoso.example") << QStringLiteral("name");
    QTest::newRow("empty domain") << QStringLiteral("Contoso") << QString() << QStringLiteral("domain");
    QTest::newRow("spaces in domain") << QStringLiteral("Contoso") << QStringLiteral("not a domain")
                                      << QStringLiteral("domain");
    QTest::newRow("single label") << QStringLiteral("Contoso") << QStringLiteral("contoso") << QStringLiteral("domain");
}

void TestDirectorySession::createRefusesBadInput() {
    QFETCH(QString, name);
    QFETCH(QString, domain);
    QFETCH(QString, field);
    const auto info =
        sqlite(QStringLiteral("refused-%1.sqlite")
                   .arg(QString::fromLatin1(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('-'))));
    const auto clock = m_clock;
    core::NewDirectory spec;
    spec.displayName = name;
    spec.initialDomain = domain;
    auto s = onWorker<core::Result<SessionPtr>>([=] { return DirectorySession::create(info, spec, clock); });
    QVERIFY(!s.ok());
    QCOMPARE(s.error().code, core::ErrorCode::Invalid);
    QCOMPARE(s.error().field, field);
    QVERIFY(!s.error().message.isEmpty());
    // A refused creation leaves nothing behind.
    QVERIFY(!QFile::exists(info.path));
    QVERIFY(!QFile::exists(info.path + QStringLiteral("-wal")));
}

void TestDirectorySession::createOpensTheNewDirectory() {
    const auto info = sqlite(QStringLiteral("contoso.sqlite"));
    const auto clock = m_clock;
    core::NewDirectory spec;
    spec.displayName = QStringLiteral("Contoso");
    spec.initialDomain = QStringLiteral("Contoso.Example");
    auto s = onWorker<core::Result<SessionPtr>>([=] { return DirectorySession::create(info, spec, clock); });
    QVERIFY2(s.ok(), qPrintable(s.ok() ? QString() : s.error().message));
    const SessionPtr session = *s;
    QCOMPARE(session->directory.displayName, QStringLiteral("Contoso"));
    QCOMPARE(session->directory.initialDomain, QStringLiteral("contoso.example"));
    QVERIFY(!session->isUnbound());
    QVERIFY(session->op.roles.contains(core::Role::GlobalAdministrator));
    QVERIFY(session->connection.password.isEmpty());
    auto exists = onWorker<core::Result<bool>>([info] { return DirectorySession::exists(info); });
    QVERIFY(exists.ok() && *exists);
    m_executor.retire(session->database).waitForFinished();
}

void TestDirectorySession::createRefusesASecondDirectory() {
    const auto info = sqlite(QStringLiteral("contoso.sqlite")); // created by the previous test
    QVERIFY(QFile::exists(info.path));
    const auto clock = m_clock;
    core::NewDirectory spec;
    spec.displayName = QStringLiteral("Other");
    spec.initialDomain = QStringLiteral("other.example");
    auto s = onWorker<core::Result<SessionPtr>>([=] { return DirectorySession::create(info, spec, clock); });
    QVERIFY(!s.ok());
    QCOMPARE(s.error().code, core::ErrorCode::AlreadyExists);
    QVERIFY(QFile::exists(info.path)); // an existing directory is never removed
    auto reopened = onWorker<core::Result<SessionPtr>>([=] { return DirectorySession::open(info, clock); });
    QVERIFY(reopened.ok());
    QCOMPARE((*reopened)->directory.displayName, QStringLiteral("Contoso"));
    m_executor.retire((*reopened)->database).waitForFinished();
}

void TestDirectorySession::sampleIsCreatedOnceThenOpened() {
    const auto info = sqlite(QStringLiteral("sample.sqlite"));
    const auto clock = m_clock;
    // What a load killed midway left beside the path (tst_crashbulkinvite kills real ones) is
    // cleared; the sample appears at the path only whole.
    {
        QFile stale(info.path + QStringLiteral(".part"));
        QVERIFY(stale.open(QIODevice::WriteOnly));
        stale.write("half a sample");
    }
    auto first = onWorker<core::Result<SessionPtr>>([=] { return DirectorySession::openOrCreateSample(info, clock); });
    QVERIFY2(first.ok(), qPrintable(first.ok() ? QString() : first.error().message));
    QCOMPARE((*first)->directory.displayName, QStringLiteral("Fabrikam"));
    const auto ctx = (*first)->context();
    auto counts = onWorker<core::Result<core::OverviewCounts>>([ctx] { return core::OverviewService(ctx).counts(); });
    QVERIFY(counts.ok());
    QVERIFY(counts->members > 1); // the sample has members in every role
    QVERIFY(counts->groups > 0);
    QVERIFY(counts->guests > 0);
    QVERIFY(!QFile::exists(info.path + QStringLiteral(".part")));
    m_executor.retire((*first)->database).waitForFinished();

    auto second = onWorker<core::Result<SessionPtr>>([=] { return DirectorySession::openOrCreateSample(info, clock); });
    QVERIFY2(second.ok(), qPrintable(second.ok() ? QString() : second.error().message));
    const auto ctx2 = (*second)->context();
    auto again = onWorker<core::Result<core::OverviewCounts>>([ctx2] { return core::OverviewService(ctx2).counts(); });
    QVERIFY(again.ok());
    QCOMPARE(again->members, counts->members); // opened as it was, not seeded twice
    QCOMPARE(again->groups, counts->groups);
    m_executor.retire((*second)->database).waitForFinished();
}

QTEST_GUILESS_MAIN(TestDirectorySession)
#include "tst_directorysession.moc"
