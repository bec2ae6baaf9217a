#include "core/policy/domainlist.h"

#include "core/base/domainname.h"
#include "core/policy/collaborationsettings.h"
#include "core/policy/domainfastpath.h"

#include <QCoreApplication>
#include <QHash>

namespace atrium::core {

Result<QString> normalizeDomainListEntry(const QString &input) {
    const QString entry = input.trimmed();
    const bool wildcard = entry.startsWith(QLatin1String("*."));
    const QString domain = wildcard ? entry.mid(2) : entry;
    if (domain.contains(QLatin1Char('*'))) {
        return Error::invalid(QCoreApplication::translate(
                                  "atrium::core::DomainList",
                                  "\"%1\": a wildcard is only allowed as the whole first label, as in *.contoso.com.")
                                  .arg(input));
    }
    auto normalized = normalizeDomainFast(domain);
    if (!normalized.ok()) {
        return normalized.error();
    }
    if (wildcard) {
        return QString(QLatin1String("*.") + normalized.value());
    }
    return normalized;
}

DomainListParse parseDomainList(const QString &text) {
    return parseDomainList(text, CollaborationSettings{});
}

DomainListParse parseDomainList(const QString &text, const CollaborationSettings &otherSettings) {
    DomainListParse out;
    QHash<QString, int> firstLine;
    QList<int> entryLines; // line of each kept entry, to place the size problem
    const auto isSeparator = [](QChar c) { return c == QLatin1Char(',') || c == QLatin1Char(';') || c.isSpace(); };
    const QStringView all(text);
    int lineNo = 0;
    qsizetype lineStart = 0;
    while (lineStart <= all.size()) {
        qsizetype lineEnd = all.indexOf(QLatin1Char('\n'), lineStart);
        if (lineEnd < 0) {
            lineEnd = all.size();
        }
        ++lineNo;
        const QStringView line = all.mid(lineStart, lineEnd - lineStart);
        qsizetype i = 0;
        while (i < line.size()) {
            while (i < line.size() && isSeparator(line.at(i))) {
                ++i;
            }
            const qsizetype start = i;
            while (i < line.size() && !isSeparator(line.at(i))) {
                ++i;
            }
            if (i == start) {
                continue;
            }
            const QString token = line.mid(start, i - start).toString();
            const auto entry = normalizeDomainListEntry(token);
            if (!entry.ok()) {
                out.problems.append({lineNo, entry.error().message});
                continue;
            }
            const auto seen = firstLine.constFind(entry.value());
            if (seen != firstLine.constEnd()) {
                out.duplicates.append(
                    {lineNo, QCoreApplication::translate("atrium::core::DomainList",
                                                         "%1 is already listed on line %2; the duplicate was dropped.")
                                 .arg(entry.value())
                                 .arg(seen.value())});
                continue;
            }
            firstLine.insert(entry.value(), lineNo);
            out.domains.append(entry.value());
            entryLines.append(lineNo);
        }
        lineStart = lineEnd + 1;
    }

    // Compact JSON of the list is ["a","b"]: the first entry adds its length + 2 quotes, every
    // further one a comma too. Entries are plain ASCII, so nothing is escaped.
    CollaborationSettings others = otherSettings;
    others.domains.clear();
    qsizetype size = others.policySize();
    int firstOverLine = 0;
    for (qsizetype k = 0; k < out.domains.size(); ++k) {
        size += out.domains.at(k).size() + (k == 0 ? 2 : 3);
        if (size > kMaxPolicyChars && firstOverLine == 0) {
            firstOverLine = entryLines.at(k);
        }
    }
    if (firstOverLine != 0) {
        out.problems.append(
            {firstOverLine,
             QCoreApplication::translate("atrium::core::DomainList",
                                         "The policy would be %1 characters long, but at most %2 are allowed; the "
                                         "entries from this line on do not fit. Shorten the list, for example with "
                                         "wildcard entries such as *.contoso.com.")
                 .arg(size)
                 .arg(kMaxPolicyChars)});
    }
    return out;
}

} // namespace atrium::core
