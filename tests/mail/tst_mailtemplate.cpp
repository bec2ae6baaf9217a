#include "core/mail/mailtemplate.h"

#include <QTest>

using namespace atrium::core;

class tst_MailTemplate : public QObject {
    Q_OBJECT
private slots:
    void render_data() {
        QTest::addColumn<QString>("tmpl");
        QTest::addColumn<QString>("expected"); // "!" = refused as a broken template
        QTest::newRow("plain") << "no placeholders" << "no placeholders";
        QTest::newRow("value") << "Hi {{name}}!" << "Hi Ann!";
        QTest::newRow("spaces in tag") << "Hi {{ name }}!" << "Hi Ann!";
        QTest::newRow("twice") << "{{name}}{{name}}" << "AnnAnn";
        QTest::newRow("section shown") << "a{{#name}}[{{name}}]{{/name}}b" << "a[Ann]b";
        QTest::newRow("section hidden") << "a{{#empty}}[{{name}}]{{/empty}}b" << "ab";
        QTest::newRow("nested hidden") << "{{#empty}}x{{#name}}y{{/name}}z{{/empty}}." << ".";
        QTest::newRow("section lines") << "a\n{{#empty}}\nhidden\n{{/empty}}\nb" << "a\nb";
        QTest::newRow("value is not re-read") << "{{tricky}}" << "{{name}} {{#empty}}";
        QTest::newRow("unknown") << "{{nope}}" << "!";
        QTest::newRow("unknown in hidden section") << "{{#empty}}{{nope}}{{/empty}}" << "!";
        QTest::newRow("unterminated") << "Hi {{name" << "!";
        QTest::newRow("unclosed section") << "{{#name}}x" << "!";
        QTest::newRow("crossed sections") << "{{#name}}{{#empty}}{{/name}}{{/empty}}" << "!";
    }
    void render() {
        QFETCH(QString, tmpl);
        QFETCH(QString, expected);
        const QHash<QString, QString> values{{QStringLiteral("name"), QStringLiteral("Ann")},
                                             {QStringLiteral("empty"), QString()},
                                             {QStringLiteral("tricky"), QStringLiteral("{{name}} {{#empty}}")}};
        const auto r = renderMailTemplate(tmpl, values);
        if (expected == QLatin1String("!")) {
            QVERIFY(!r.ok());
            QCOMPARE(r.error().code, ErrorCode::Internal);
        } else {
            QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
            QCOMPARE(*r, expected);
        }
    }
};

QTEST_GUILESS_MAIN(tst_MailTemplate)
#include "tst_mailtemplate.moc"
