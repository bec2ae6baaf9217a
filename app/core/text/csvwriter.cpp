#include "core/text/csvwriter.h"

#include <QIODevice>

namespace atrium::core {

QString csvSafeCell(const QString &cell) {
    if (cell.isEmpty()) {
        return cell;
    }
    switch (cell.front().unicode()) {
    case u'=':
    case u'+':
    case u'-':
    case u'@':
    case u'\t':
    case u'\r':
    case u'\0':
        return QLatin1Char('\'') + cell;
    default:
        return cell;
    }
}

QString csvQuoteCell(const QString &cell) {
    bool needsQuotes = false;
    for (const QChar c : cell) {
        if (c == QLatin1Char(',') || c == QLatin1Char('"') || c == QLatin1Char('\r') || c == QLatin1Char('\n')) {
            needsQuotes = true;
            break;
        }
    }
    if (!needsQuotes) {
        return cell;
    }
    QString quoted = cell;
    quoted.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

CsvWriter::CsvWriter(QIODevice *device) : m_device(device) {}

void CsvWriter::writeRecord(const QStringList &fields) {
    QString line;
    if (fields.size() == 1 && fields.front().isEmpty()) {
        line = QStringLiteral("\"\"");
    } else {
        for (qsizetype i = 0; i < fields.size(); ++i) {
            if (i > 0) {
                line += QLatin1Char(',');
            }
            line += csvQuoteCell(csvSafeCell(fields.at(i)));
        }
    }
    line += QLatin1String("\r\n");
    QByteArray bytes;
    if (!m_started && m_writeBom) {
        bytes = QByteArrayLiteral("\xEF\xBB\xBF");
    }
    m_started = true;
    bytes += line.toUtf8();
    if (!m_device || m_device->write(bytes) != bytes.size()) {
        m_error = true;
    }
}

} // namespace atrium::core
