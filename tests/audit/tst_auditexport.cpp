#include "core/audit/auditexport.h"
#include "core/storage/database.h"
#include "directoryfixture.h"

#include <QBuffer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace atrium;
using namespace atrium::core;
using atrium::test::DirectoryFixture;

class tst_AuditExport final : public QObject {
    Q_OBJECT
    DirectoryFixture m_fx;

    static void insert(QSqlDatabase &db, int i, const QString &targetName) {
        auto r = Database::exec(db,
                                QStringLiteral("INSERT INTO audit_log (at_ms, actor_name, activity, category, "
                                               "target_name, result, after_json, correlation_id) "
                                               "VALUES (?, 'x@y.example', 'Exported', 'Test', ?, 'success', ?, ?)"),
                                {qint64(1768467600000) + i, targetName, QStringLiteral("{\"n\":%1}").arg(i),
                                 QStringLiteral("job")});
        QVERIFY(r.ok());
    }

private slots:
    void csvGuardsFormulasAndPages() {
        auto db = m_fx.freshDatabase(QStringLiteral("sqlite"));
        QVERIFY(db.ok());
        auto c = (*db)->connection();
        QVERIFY(c.ok());
        // More rows than one export page (2000), so paging must carry on without repeats.
        QVERIFY((*db)->transaction([&](QSqlDatabase &tx) -> Status {
                         for (int i = 0; i < 2100; ++i) {
                             insert(tx, i, i == 0 ? QStringLiteral("=HYPERLINK(\"http://evil\")")
                                                  : QStringLiteral("Target %1").arg(i));
                         }
                         return {};
                     }).ok());
        AuditFilter f;
        f.correlationId = QStringLiteral("job");
        QBuffer buf;
        buf.open(QIODevice::WriteOnly);
        auto n = AuditExport::write(*c, f, AuditExport::Format::Csv, &buf);
        QVERIFY2(n.ok(), qPrintable(n.ok() ? QString() : n.error().message));
        QCOMPARE(*n, 2100);
        const QString text = QString::fromUtf8(buf.data());
        QVERIFY(buf.data().startsWith("\xEF\xBB\xBF")); // Excel needs the BOM to read UTF-8
        QVERIFY(text.contains(QStringLiteral("id,activityDateTime,activity")));
        QCOMPARE(text.count(QStringLiteral("\r\n")), 2101);
        QVERIFY(!text.contains(QStringLiteral(",=HYPERLINK")));
        QVERIFY(text.contains(QStringLiteral("\"'=HYPERLINK(\"\"http://evil\"\")\"")));
        // Newest first: the last line is the oldest row.
        QVERIFY(text.trimmed().endsWith(QStringLiteral("\"{\"\"n\"\":0}\"")));
    }

    void jsonIsAnArrayOfAuditObjects() {
        auto db = m_fx.freshDatabase(QStringLiteral("sqlite"));
        QVERIFY(db.ok());
        auto c = (*db)->connection();
        QVERIFY(c.ok());
        QVERIFY((*db)->transaction([&](QSqlDatabase &tx) -> Status {
                         for (int i = 0; i < 3; ++i) {
                             insert(tx, i, QStringLiteral("T%1").arg(i));
                         }
                         return {};
                     }).ok());
        AuditFilter f;
        f.activity = QStringLiteral("Exported");
        QBuffer buf;
        buf.open(QIODevice::WriteOnly);
        auto n = AuditExport::write(*c, f, AuditExport::Format::Json, &buf);
        QVERIFY(n.ok());
        QCOMPARE(*n, 3);
        QJsonParseError err;
        const QJsonDocument doc = QJsonDocument::fromJson(buf.data(), &err);
        QCOMPARE(err.error, QJsonParseError::NoError);
        QCOMPARE(doc.array().size(), 3);
        const QJsonObject first = doc.array().at(0).toObject();
        QCOMPARE(first.value(QStringLiteral("activityDisplayName")).toString(), QStringLiteral("Exported"));
        QCOMPARE(first.value(QStringLiteral("after")).toObject().value(QStringLiteral("n")).toInt(), 2);

        // An empty result is still a valid (empty) array.
        f.activity = QStringLiteral("None such");
        QBuffer empty;
        empty.open(QIODevice::WriteOnly);
        QVERIFY(AuditExport::write(*c, f, AuditExport::Format::Json, &empty).ok());
        QVERIFY(QJsonDocument::fromJson(empty.data()).isArray());
        QCOMPARE(QJsonDocument::fromJson(empty.data()).array().size(), 0);
    }
};

QTEST_GUILESS_MAIN(tst_AuditExport)
#include "tst_auditexport.moc"
