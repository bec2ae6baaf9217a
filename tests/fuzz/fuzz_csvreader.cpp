// CsvReader must never crash, hang or grow without bound on any input, and everything it reads
// must survive CsvWriter -> CsvReader unchanged apart from the formula guard.
#include "core/text/csv.h"

#include <QBuffer>
#include <cstdint>
#include <cstdlib>

using namespace atrium::core;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    QBuffer in(&input);
    in.open(QIODevice::ReadOnly);
    CsvReader reader(&in);
    reader.setMaxRecordLength(4096);
    QList<QStringList> records;
    QStringList fields;
    int line = 0;
    int lastLine = 0;
    int lastRow = 0;
    while (reader.readRecord(&fields, &line)) {
        if (fields.isEmpty() || line <= lastLine || reader.rowNumber() <= lastRow || reader.rowNumber() > line) {
            abort();
        }
        lastLine = line;
        lastRow = reader.rowNumber();
        QStringList guarded;
        for (const QString &field : fields) {
            guarded << csvSafeCell(field);
        }
        records << guarded;
    }

    QByteArray output;
    QBuffer out(&output);
    out.open(QIODevice::WriteOnly);
    CsvWriter writer(&out);
    for (const QStringList &record : records) {
        writer.writeRecord(record);
    }
    out.close();
    out.open(QIODevice::ReadOnly);
    CsvReader again(&out);
    again.setMaxRecordLength(1 << 20);
    for (const QStringList &record : records) {
        // The guard is idempotent: a guarded cell starts with "'" and is not guarded again.
        if (!again.readRecord(&fields) || fields != record) {
            abort();
        }
    }
    if (again.readRecord(&fields) || again.hasError()) {
        abort();
    }
    return 0;
}
