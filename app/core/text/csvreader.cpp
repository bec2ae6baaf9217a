#include "core/text/csvreader.h"

#include <QCoreApplication>
#include <QIODevice>
#include <utility>

namespace atrium::core {
namespace {
QString tr(const char *text) {
    return QCoreApplication::translate("atrium::core::CsvReader", text);
}

constexpr qint64 kChunkBytes = 64 * 1024;
constexpr char16_t kQuote = u'"';
constexpr char16_t kComma = u',';
constexpr char16_t kCr = u'\r';
constexpr char16_t kLf = u'\n';
constexpr char16_t kReplacement = 0xFFFD;
} // namespace

CsvReader::CsvReader(QIODevice *device) : m_device(device) {}

void CsvReader::fail(const QString &message) {
    if (m_error.isEmpty()) {
        m_error = message;
    }
}

bool CsvReader::fill() {
    if (m_eof || hasError()) {
        return false;
    }
    if (!m_device || !m_device->isReadable()) {
        fail(tr("The file is not open for reading."));
        return false;
    }
    if (m_pos > 0) {
        m_buf.remove(0, m_pos);
        m_pos = 0;
    }
    QByteArray chunk(kChunkBytes, Qt::Uninitialized);
    qint64 n = m_device->read(chunk.data(), chunk.size());
    if (n == 0 && m_device->isSequential() && m_device->waitForReadyRead(30000)) {
        n = m_device->read(chunk.data(), chunk.size());
    }
    if (n < 0) {
        fail(tr("Reading the file failed: %1").arg(m_device->errorString()));
        return false;
    }
    if (n == 0) {
        m_eof = true;
        return false;
    }
    chunk.truncate(n);
    const QString text = m_decoder.decode(chunk);
    if (m_decoder.hasError()) {
        // Excel's plain "CSV" export is in the ANSI code page; say how to fix it rather than guess.
        const qsizetype bad = text.indexOf(QChar(kReplacement));
        const int line = m_line + int(QStringView(m_buf).mid(m_pos).count(QChar(kLf))) +
                         int(QStringView(text).left(bad < 0 ? text.size() : bad).count(QChar(kLf)));
        fail(tr("Line %1: the file is not UTF-8 text. Save it as \"CSV UTF-8 (comma delimited)\" and try again.")
                 .arg(line));
        return false;
    }
    // The decoder drops the initial BOM itself (even when split across reads).
    m_buf.append(text);
    return true;
}

bool CsvReader::ensure(qsizetype count) {
    while (m_buf.size() - m_pos < count) {
        if (!fill()) {
            return false;
        }
    }
    return true;
}

bool CsvReader::readRecord(QStringList *fields, int *lineNumber) {
    fields->clear();
    if (hasError()) {
        return false;
    }
    // Blank lines: skipped, but they are rows in a spreadsheet and lines in an editor.
    for (;;) {
        if (!ensure(1)) {
            return false;
        }
        const char16_t c = m_buf.at(m_pos).unicode();
        if (c != kLf && c != kCr) {
            break;
        }
        ++m_pos;
        if (c == kCr && ensure(1) && m_buf.at(m_pos).unicode() == kLf) {
            ++m_pos;
        }
        if (hasError()) {
            return false;
        }
        ++m_line;
        ++m_row;
    }

    const int startLine = m_line;
    ++m_row;
    if (lineNumber) {
        *lineNumber = startLine;
    }
    QString field;
    qsizetype recordLength = 0;
    bool fieldStart = true;
    const auto grow = [&](qsizetype by) {
        recordLength += by;
        if (recordLength > m_maxRecordLength) {
            fail(tr("Line %1: the record that starts here is longer than %2 characters; check for a quotation "
                    "mark that is not closed.")
                     .arg(startLine)
                     .arg(m_maxRecordLength));
            return false;
        }
        return true;
    };

    for (;;) {
        if (!ensure(1)) {
            if (hasError()) {
                return false;
            }
            fields->append(field); // last record without a final line end
            return true;
        }
        if (fieldStart && m_buf.at(m_pos).unicode() == kQuote) {
            const int quoteLine = m_line;
            ++m_pos;
            fieldStart = false;
            for (;;) {
                if (!ensure(1)) {
                    fail(tr("Line %1: a quoted field starts here but its closing quotation mark is missing.")
                             .arg(quoteLine));
                    return false;
                }
                const qsizetype quote = m_buf.indexOf(QChar(kQuote), m_pos);
                const qsizetype end = quote < 0 ? m_buf.size() : quote;
                if (quote < 0 && m_buf.at(end - 1).unicode() == kCr && !m_eof) {
                    // The LF that may pair with this CR is in the next chunk: read on so a CRLF
                    // counts as one line.
                    if (!ensure(end - m_pos + 1) && hasError()) {
                        return false;
                    }
                    continue;
                }
                const QChar *data = m_buf.constData();
                for (qsizetype i = m_pos; i < end; ++i) {
                    const char16_t u = data[i].unicode();
                    if (u == kLf || (u == kCr && (i + 1 >= m_buf.size() || data[i + 1].unicode() != kLf))) {
                        ++m_line;
                    }
                }
                field.append(QStringView(m_buf).mid(m_pos, end - m_pos));
                if (!grow(end - m_pos)) {
                    return false;
                }
                m_pos = end;
                if (quote < 0) {
                    continue;
                }
                if (ensure(2) && m_buf.at(m_pos + 1).unicode() == kQuote) {
                    field.append(QChar(kQuote)); // "" inside quotes
                    m_pos += 2;
                    continue;
                }
                if (hasError()) {
                    return false;
                }
                ++m_pos; // the closing quote; anything up to the next comma is kept literally
                break;
            }
            continue;
        }

        const QChar *data = m_buf.constData();
        const qsizetype size = m_buf.size();
        qsizetype i = m_pos;
        while (i < size) {
            const char16_t u = data[i].unicode();
            if (u == kComma || u == kCr || u == kLf) {
                break;
            }
            ++i;
        }
        if (i > m_pos) {
            field.append(QStringView(m_buf).mid(m_pos, i - m_pos));
            if (!grow(i - m_pos)) {
                return false;
            }
            m_pos = i;
            fieldStart = false;
        }
        if (i == size) {
            continue;
        }
        const char16_t u = data[i].unicode();
        ++m_pos;
        if (u == kComma) {
            fields->append(std::exchange(field, QString()));
            fieldStart = true;
            if (!grow(1)) {
                return false;
            }
            continue;
        }
        if (u == kCr && ensure(1) && m_buf.at(m_pos).unicode() == kLf) {
            ++m_pos;
        }
        if (hasError()) {
            return false;
        }
        ++m_line;
        fields->append(field);
        return true;
    }
}

} // namespace atrium::core
