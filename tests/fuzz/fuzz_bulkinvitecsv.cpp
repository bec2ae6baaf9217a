// BulkInviteCsvReader must judge every row of any input without crashing, and keep its promises:
// rows in order, ok() rows have a parsed address and URL, duplicates point backwards.
#include "core/text/bulkinvitecsv.h"

#include <QBuffer>
#include <cstdint>
#include <cstdlib>

using namespace atrium::core;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    // Most inputs would fail at the version row; give the fuzzer the template's first row for free
    // when the input does not start with "v", so that the heading and row logic get the coverage.
    QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    if (!input.startsWith('v')) {
        input.prepend("version:v1.0\n");
    }
    QBuffer in(&input);
    in.open(QIODevice::ReadOnly);
    BulkInviteCsvReader reader(&in);
    if (!reader.readHeader()) {
        return 0;
    }
    BulkInviteRow row;
    int lastRow = 0;
    while (reader.next(&row)) {
        if (row.rowNumber <= lastRow || row.ok() != row.problems.isEmpty()) {
            abort();
        }
        lastRow = row.rowNumber;
        if (row.ok() && (row.address.domain.isEmpty() || !row.redirect.isValid() || row.isExample)) {
            abort();
        }
        if (row.duplicateOfRow != 0 && (row.duplicateOfRow >= row.rowNumber || row.ok())) {
            abort();
        }
        if (row.message.size() > BulkInviteCsvReader::kMaxMessageLength && row.ok()) {
            abort();
        }
    }
    return 0;
}
