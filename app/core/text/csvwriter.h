#pragma once

#include <QString>
#include <QStringList>

QT_BEGIN_NAMESPACE
class QIODevice;
QT_END_NAMESPACE

namespace atrium::core {

// The formula-injection guard: a cell starting with '=', '+', '-', '@', tab, CR or NUL would be run
// as a formula (or could become one) when the file is opened in a spreadsheet, so it is prefixed
// with an apostrophe, which spreadsheets show as text. Other cells are returned unchanged.
QString csvSafeCell(const QString &cell);

// RFC 4180 quoting alone: the cell in double quotes, inner quotes doubled, when it contains a comma,
// a quote, CR or LF; unchanged otherwise.
QString csvQuoteCell(const QString &cell);

// Writes RFC 4180 records in UTF-8 with CRLF line ends. Every cell goes through csvSafeCell() and
// then csvQuoteCell(). By default the first record is preceded by a UTF-8 BOM, without which Excel
// opens the file in the local ANSI code page and garbles non-ASCII names.
class CsvWriter final {
public:
    explicit CsvWriter(QIODevice *device);
    Q_DISABLE_COPY_MOVE(CsvWriter)

    void setWriteBom(bool on) { m_writeBom = on; }

    // A record with a single empty field is written as "" so that it does not read back as a
    // blank (skipped) line.
    void writeRecord(const QStringList &fields);

    // True once a write to the device failed (disk full, closed pipe).
    bool hasError() const { return m_error; }

private:
    QIODevice *m_device = nullptr;
    bool m_writeBom = true;
    bool m_started = false;
    bool m_error = false;
};

} // namespace atrium::core
