#pragma once

#include <QString>
#include <QStringDecoder>
#include <QStringList>

QT_BEGIN_NAMESPACE
class QIODevice;
QT_END_NAMESPACE

namespace atrium::core {

// Streaming RFC 4180 reader: reads the device in 64 KiB chunks and never holds more than one
// record plus one chunk, so a 100,000-row upload costs little memory. Tolerant of what spreadsheets
// and editors produce: UTF-8 with or without BOM, CRLF, LF or lone CR line ends (mixed too), quoted
// fields containing commas, doubled quotes and line breaks, a missing final line end, and blank lines
// (skipped). A quote in the middle of an unquoted field, or text after a closing quote, is kept as
// literal text, as Excel does. Errors stop reading: a quoted field still open at the end of the file,
// a record longer than maxRecordLength() (usually an unclosed quote in a big file), invalid UTF-8 (an
// "ANSI" export) or a read failure; errorString() then names the line.
class CsvReader final {
public:
    explicit CsvReader(QIODevice *device);
    Q_DISABLE_COPY_MOVE(CsvReader)

    // Reads the next record into *fields. *lineNumber (optional) gets the physical line (1-based) of
    // the file where the record starts. Returns false at the end of the data or on an error; check
    // hasError() to tell them apart.
    bool readRecord(QStringList *fields, int *lineNumber = nullptr);

    QString errorString() const { return m_error; }
    bool hasError() const { return !m_error.isEmpty(); }

    // The row the last record occupies in a spreadsheet that opens the file (1-based). Unlike the
    // line number it counts a record with line breaks inside quotes as one row; blank lines count
    // as (empty) rows, as spreadsheets show them.
    int rowNumber() const { return m_row; }

    qsizetype maxRecordLength() const { return m_maxRecordLength; }
    void setMaxRecordLength(qsizetype characters) { m_maxRecordLength = characters; }

private:
    bool fill();
    bool ensure(qsizetype count); // at least `count` characters buffered from m_pos on
    void fail(const QString &message);

    QIODevice *m_device = nullptr;
    QStringDecoder m_decoder{QStringDecoder::Utf8};
    QString m_buf;
    qsizetype m_pos = 0;
    int m_line = 1; // physical line at m_pos
    int m_row = 0;  // spreadsheet rows consumed so far
    bool m_eof = false;
    QString m_error;
    qsizetype m_maxRecordLength = 1024 * 1024;
};

} // namespace atrium::core
