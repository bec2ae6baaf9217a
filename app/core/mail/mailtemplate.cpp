#include "core/mail/mailtemplate.h"

#include <QCoreApplication>

namespace atrium::core {

namespace {

Error templateError(const QString &what) {
    Error e;
    e.code = ErrorCode::Internal;
    e.message = QCoreApplication::translate("atrium::core::MailTemplate", "The mail template is broken: %1").arg(what);
    e.detail = what;
    return e;
}

} // namespace

Result<QString> renderMailTemplate(const QString &templateText, const QHash<QString, QString> &values) {
    const QString open = QStringLiteral("{{");
    const QString close = QStringLiteral("}}");
    QString out;
    out.reserve(templateText.size() * 2);
    // Names of the open sections; `skipDepth` > 0 while inside a section whose value is empty.
    QStringList sections;
    int skipDepth = 0;
    qsizetype pos = 0;
    while (pos < templateText.size()) {
        const qsizetype start = templateText.indexOf(open, pos);
        if (start < 0) {
            if (skipDepth == 0) {
                out += QStringView(templateText).mid(pos);
            }
            break;
        }
        if (skipDepth == 0) {
            out += QStringView(templateText).mid(pos, start - pos);
        }
        const qsizetype end = templateText.indexOf(close, start + 2);
        if (end < 0) {
            return templateError(QStringLiteral("unterminated {{ at offset %1").arg(start));
        }
        const QString tag = templateText.mid(start + 2, end - start - 2).trimmed();
        pos = end + 2;
        if (tag.startsWith(QLatin1Char('#'))) {
            const QString name = tag.mid(1).trimmed();
            if (!values.contains(name)) {
                return templateError(QStringLiteral("unknown section {{#%1}}").arg(name));
            }
            sections.append(name);
            if (skipDepth > 0 || values.value(name).isEmpty()) {
                ++skipDepth;
            }
            // A section tag alone on its line leaves no empty line behind.
            if (pos < templateText.size() && templateText.at(pos) == QLatin1Char('\n') &&
                (start == 0 || templateText.at(start - 1) == QLatin1Char('\n'))) {
                ++pos;
            }
        } else if (tag.startsWith(QLatin1Char('/'))) {
            const QString name = tag.mid(1).trimmed();
            if (sections.isEmpty() || sections.last() != name) {
                return templateError(QStringLiteral("{{/%1}} does not close the open section").arg(name));
            }
            sections.removeLast();
            if (skipDepth > 0) {
                --skipDepth;
            }
            if (pos < templateText.size() && templateText.at(pos) == QLatin1Char('\n') &&
                (start == 0 || templateText.at(start - 1) == QLatin1Char('\n'))) {
                ++pos;
            }
        } else {
            if (!values.contains(tag)) {
                return templateError(QStringLiteral("unknown placeholder {{%1}}").arg(tag));
            }
            if (skipDepth == 0) {
                out += values.value(tag);
            }
        }
    }
    if (!sections.isEmpty()) {
        return templateError(QStringLiteral("section {{#%1}} is not closed").arg(sections.last()));
    }
    return out;
}

} // namespace atrium::core
