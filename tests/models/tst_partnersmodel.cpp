// PartnersModel on a real SQLite directory with 10,000 partners: first page at once, keyset paging in
// name order, search by tenant id, name and domain at the database, all under QAbstractItemModelTester.
#include "core/crosstenant/crosstenantservice.h"
#include "core/crosstenant/graphjson.h"
#include "core/services/directoryservice.h"
#include "models/dbexecutor.h"
#include "models/partnersmodel.h"
#include "support/fakeclock.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace atrium;

namespace {
constexpr int kPartners = 10000;

QString tenantId(int i) { return QStringLiteral("%1-0000-4000-8000-000000000000").arg(i, 8, 16, QLatin1Char('0')); }
QString name(int i) { return QStringLiteral("Partner %1").arg(i, 5, 10, QLatin1Char('0')); }
QString domain(int i) { return QStringLiteral("p%1.example").arg(i); }
} // namespace

class tst_PartnersModel final : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    std::unique_ptr<models::DbExecutor> m_executor;
    models::SessionPtr m_session;

    void loadAll(models::PartnersModel &model) {
        while (model.canFetchMore({}) || model.isLoading()) {
            if (model.canFetchMore({})) {
                model.fetchMore({});
            }
            QTest::qWait(2);
        }
    }

private slots:
    void initTestCase() {
        m_executor = std::make_unique<models::DbExecutor>();
        core::ConnectionInfo info;
        info.path = m_dir.filePath(QStringLiteral("fabrikam.sqlite"));
        core::NewDirectory spec;
        spec.displayName = QStringLiteral("Fabrikam");
        spec.initialDomain = QStringLiteral("fabrikam.example");
        spec.creatorDisplayName = QStringLiteral("Ada Admin");
        spec.osAccount = core::currentOsAccount();
        auto clock = std::make_shared<test::FakeClock>();
        auto session = m_executor
                           ->run<core::Result<models::SessionPtr>>([info, spec, clock]() -> core::Result<models::SessionPtr> {
                               auto s = models::DirectorySession::create(info, spec, clock);
                               if (!s.ok()) {
                                   return s.error();
                               }
                               // One import: 10,000 partners in one transaction.
                               core::CrossTenantDocument doc;
                               for (int i = 0; i < kPartners; ++i) {
                                   doc.partners << core::CrossTenantConfiguration::partner(tenantId(i), name(i), {domain(i)});
                               }
                               doc.partners[7].b2bCollaborationInbound = core::B2BSetting::all(core::AccessType::blocked);
                               auto r = core::CrossTenantService((*s)->context())
                                            .importJson(QJsonDocument(core::GraphJson::toJson(doc)).toJson(), false);
                               if (!r.ok()) {
                                   return r.error();
                               }
                               if (!r->applied) {
                                   return core::Error::invalid(r->problems.value(0).message);
                               }
                               return *s;
                           })
                           .result();
        QVERIFY2(session.ok(), qPrintable(session.ok() ? QString() : session.error().message));
        m_session = *session;
        m_executor->registerDatabase(m_session->database);
    }
    void cleanupTestCase() { m_executor.reset(); }

    void firstPageAndCount() {
        models::PartnersModel model(m_executor.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy total(&model, &models::PartnersModel::totalCountChanged);
        model.setSession(m_session);
        QTRY_VERIFY(!model.isLoading() && model.rowCount() > 0);
        QCOMPARE(model.rowCount(), models::PartnersModel::kPageSize); // a window, not 10,000 rows
        QVERIFY(model.canFetchMore({}));
        QTRY_COMPARE(model.totalCount(), qint64(kPartners));
        QCOMPARE(total.count(), 1);
        QCOMPARE(model.index(0, models::PartnersModel::NameColumn).data().toString(), name(0));
        QCOMPARE(model.index(0, models::PartnersModel::TenantIdColumn).data().toString(), tenantId(0));
        QCOMPARE(model.index(0, models::PartnersModel::DomainsColumn).data().toString(), domain(0));
        QCOMPARE(model.index(0, 0).data(models::PartnersModel::TenantIdRole).toString(), tenantId(0));
        QCOMPARE(model.index(0, models::PartnersModel::CustomizedColumn).data().toString(),
                 QStringLiteral("Inherited from default"));
        QCOMPARE(model.index(7, 0).data(models::PartnersModel::CustomizedCountRole).toInt(), 1);
        QVERIFY(model.index(7, 0).data(models::PartnersModel::RowVersionRole).toLongLong() > 0);
        QCOMPARE(model.rowOf(tenantId(7)), 7);
        QCOMPARE(model.rowOf(tenantId(9999)), -1); // not loaded yet
    }

    void pagesThroughAllInOrder() {
        models::PartnersModel model(m_executor.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSession(m_session);
        QTRY_VERIFY(!model.isLoading() && model.rowCount() > 0);
        loadAll(model);
        QCOMPARE(model.rowCount(), kPartners);
        for (int r = 0; r < model.rowCount(); ++r) {
            QCOMPARE(model.index(r, 0).data().toString(), name(r)); // no row twice, none missing
        }
    }

    void search_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("tenants");
        QTest::newRow("tenant id") << tenantId(4242) << QStringList{tenantId(4242)};
        QTest::newRow("tenant id upper case") << tenantId(4242).toUpper() << QStringList{tenantId(4242)};
        QTest::newRow("exact name") << name(1234) << QStringList{tenantId(1234)};
        QTest::newRow("part of name") << QStringLiteral("tner 00999") << QStringList{tenantId(999)};
        QTest::newRow("domain") << domain(77) << QStringList{tenantId(77)};
        QTest::newRow("domain start") << QStringLiteral("p9999.") << QStringList{tenantId(9999)};
        QTest::newRow("nothing") << QStringLiteral("northwind") << QStringList{};
    }
    void search() {
        QFETCH(QString, text);
        QFETCH(QStringList, tenants);
        models::PartnersModel model(m_executor.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSession(m_session);
        QTRY_VERIFY(!model.isLoading());
        model.setSearch(text);
        QTRY_VERIFY(!model.isLoading());
        loadAll(model);
        QStringList got;
        for (int r = 0; r < model.rowCount(); ++r) {
            got << model.index(r, 0).data(models::PartnersModel::TenantIdRole).toString();
        }
        QCOMPARE(got, tenants);
        // The count stays the directory's, not the hits'.
        QTRY_COMPARE(model.totalCount(), qint64(kPartners));
    }

    void searchIsAnsweredQuickly() {
        // Not a timed assertion of speed, only of "does not load everything": the first page of a
        // broad search holds one page, not every hit.
        models::PartnersModel model(m_executor.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSession(m_session);
        model.setSearch(QStringLiteral("Partner"));
        QTRY_VERIFY(!model.isLoading() && model.rowCount() > 0);
        QCOMPARE(model.rowCount(), models::PartnersModel::kPageSize);
        QVERIFY(model.canFetchMore({}));
    }
};

QTEST_MAIN(tst_PartnersModel)
#include "tst_partnersmodel.moc"
