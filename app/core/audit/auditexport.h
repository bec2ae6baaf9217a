#pragma once

#include "core/audit/auditfilter.h"
#include "core/base/result.h"

#include <QSqlDatabase>

#include <functional>

QT_BEGIN_NAMESPACE
class QIODevice;
QT_END_NAMESPACE

namespace atrium::core {

// Writes the audit rows matching a filter, newest first, page by page (never the whole log in
// memory). CSV goes through CsvWriter, whose formula guard keeps a target named "=HYPERLINK(…)"
// from running in a spreadsheet; JSON is an array of the same objects `atriumctl audit --json` prints.
class AuditExport final {
public:
    enum class Format { Csv, Json };

    static QStringList csvHeader();
    // keepGoing(rowsWritten) is asked after every page; false cancels (the file is then incomplete
    // and the caller removes it). Returns the number of rows written.
    static Result<int> write(QSqlDatabase &db, const AuditFilter &filter, Format format, QIODevice *out,
                             const std::function<bool(int)> &keepGoing = {});
};

} // namespace atrium::core
