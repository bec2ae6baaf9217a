#include "core/text/bulkinvitecsv.h"

#include "core/text/redirecturl.h"

#include <QCoreApplication>

namespace atrium::core {
namespace {
QString tr(const char *text) {
    return QCoreApplication::translate("atrium::core::BulkInviteCsv", text);
}

const QLatin1String kVersionLine("version:v1.0");
const QLatin1String kExampleEmail("example@example.com");
const QLatin1String kExampleRedirect("https://myapps.microsoft.com");

// The first "[name]" of a heading, or empty.
QString bracketedName(const QString &heading) {
    const qsizetype open = heading.indexOf(QLatin1Char('['));
    if (open < 0) {
        return {};
    }
    const qsizetype close = heading.indexOf(QLatin1Char(']'), open + 1);
    if (close < 0) {
        return {};
    }
    return heading.mid(open + 1, close - open - 1).trimmed();
}

bool hasControl(const QString &text, bool allowLineBreaks) {
    for (const QChar c : text) {
        if (allowLineBreaks && (c == QLatin1Char('\n') || c == QLatin1Char('\t'))) {
            continue;
        }
        if (c.category() == QChar::Other_Control) {
            return true;
        }
    }
    return false;
}

bool allEmpty(const QStringList &cells) {
    for (const QString &cell : cells) {
        if (!cell.trimmed().isEmpty()) {
            return false;
        }
    }
    return true;
}
} // namespace

BulkInviteCsvReader::BulkInviteCsvReader(QIODevice *device) : m_csv(device) {}

Status BulkInviteCsvReader::readHeader() {
    if (m_headerDone) {
        return m_error.isEmpty() ? Status() : Status(Error::invalid(m_error));
    }
    m_headerDone = true;
    const auto failWith = [this](const QString &message) {
        m_error = message;
        return Status(Error::invalid(message));
    };

    QStringList cells;
    if (!m_csv.readRecord(&cells)) {
        return failWith(m_csv.hasError() ? m_csv.errorString()
                                         : tr("The file is empty. Download the bulk invite template, fill it in "
                                              "and upload it."));
    }
    QString version = cells.value(0).trimmed().toLower();
    version.remove(QLatin1Char(' '));
    version.remove(QChar(0xFEFF)); // a second BOM, from a tool that added one to a file that had one
    if (version != kVersionLine) {
        if (version.startsWith(QLatin1String("version:"))) {
            return failWith(tr("The file is template version \"%1\"; Atrium reads \"version:v1.0\". Download "
                               "the current bulk invite template and copy your rows into it.")
                                .arg(cells.value(0).trimmed()));
        }
        return failWith(tr("The first row must be \"version:v1.0\", as in the bulk invite template. Download "
                           "the template and copy your rows into it below its two heading rows."));
    }

    if (!m_csv.readRecord(&cells)) {
        return failWith(m_csv.hasError() ? m_csv.errorString()
                                         : tr("The file has no heading row after \"version:v1.0\". Download "
                                              "the bulk invite template and copy your rows into it."));
    }
    struct Column {
        QLatin1String property;
        qsizetype *index;
    };
    const Column columns[] = {
        {QLatin1String("inviteeEmail"), &m_emailColumn},  {QLatin1String("inviteRedirectURL"), &m_redirectColumn},
        {QLatin1String("sendEmail"), &m_sendEmailColumn}, {QLatin1String("customizedMessageBody"), &m_messageColumn},
        {QLatin1String("inviteeName"), &m_nameColumn},
    };
    for (qsizetype i = 0; i < cells.size(); ++i) {
        const QString name = bracketedName(cells.at(i));
        for (const Column &column : columns) {
            if (name.compare(column.property, Qt::CaseInsensitive) != 0) {
                continue;
            }
            if (*column.index >= 0) {
                return failWith(tr("The heading row has two columns for [%1] (columns %2 and %3); delete one.")
                                    .arg(column.property)
                                    .arg(*column.index + 1)
                                    .arg(i + 1));
            }
            *column.index = i;
        }
    }
    QStringList missing;
    if (m_emailColumn < 0) {
        missing << tr("\"Email address to invite [inviteeEmail] Required\"");
    }
    if (m_redirectColumn < 0) {
        missing << tr("\"Redirection url [inviteRedirectURL] Required\"");
    }
    if (!missing.isEmpty()) {
        return failWith(tr("The heading row (row 2) lacks the required column %1. Columns are found by the "
                           "name in brackets; use the headings of the bulk invite template.")
                            .arg(missing.join(tr(" and "))));
    }
    return {};
}

bool BulkInviteCsvReader::next(BulkInviteRow *row) {
    *row = BulkInviteRow();
    if (!m_headerDone && !readHeader()) {
        return false;
    }
    if (hasError()) {
        return false;
    }
    QStringList cells;
    do {
        if (!m_csv.readRecord(&cells)) {
            if (m_csv.hasError()) {
                m_error = m_csv.errorString();
            }
            return false;
        }
    } while (allEmpty(cells));
    row->rowNumber = m_csv.rowNumber();
    judge(cells, row);
    return true;
}

void BulkInviteCsvReader::judge(const QStringList &cells, BulkInviteRow *row) {
    const auto cell = [&cells](qsizetype column) { return column >= 0 ? cells.value(column) : QString(); };
    row->email = cell(m_emailColumn).trimmed();
    row->redirectUrl = cell(m_redirectColumn).trimmed();
    row->name = cell(m_nameColumn).trimmed();
    row->message = cell(m_messageColumn).trimmed();
    row->message.replace(QLatin1String("\r\n"), QLatin1String("\n"));

    QString exampleRedirect = row->redirectUrl;
    if (exampleRedirect.endsWith(QLatin1Char('/'))) {
        exampleRedirect.chop(1);
    }
    if (row->email.compare(kExampleEmail, Qt::CaseInsensitive) == 0 &&
        exampleRedirect.compare(kExampleRedirect, Qt::CaseInsensitive) == 0) {
        row->isExample = true;
        row->problems << tr("This is the template's example row: the example row must be replaced with a real "
                            "invitation, or deleted.");
        return;
    }

    bool emailOk = false;
    if (row->email.isEmpty()) {
        row->problems << tr("The email address is missing.");
    } else if (auto address = parseEmailAddress(row->email)) {
        row->address = address.value();
        emailOk = true;
    } else {
        row->problems << address.error().message;
    }

    if (row->redirectUrl.isEmpty()) {
        row->problems << tr("The redirect URL is missing.");
    } else if (auto url = parseRedirectUrl(row->redirectUrl)) {
        row->redirect = url.value();
    } else {
        row->problems << url.error().message;
    }

    const QString send = cell(m_sendEmailColumn).trimmed();
    if (send.isEmpty() || send.compare(QLatin1String("false"), Qt::CaseInsensitive) == 0) {
        row->sendEmail = false;
    } else if (send.compare(QLatin1String("true"), Qt::CaseInsensitive) == 0) {
        row->sendEmail = true;
    } else {
        row->problems << tr("\"Send invitation message\" must be true or false, not \"%1\".").arg(send);
    }

    if (row->message.size() > kMaxMessageLength) {
        row->problems << tr("The invitation message has %1 characters; at most %2 are allowed.")
                             .arg(row->message.size())
                             .arg(kMaxMessageLength);
    } else if (hasControl(row->message, true)) {
        row->problems << tr("The invitation message contains a control character; use plain text.");
    }

    if (row->name.size() > kMaxNameLength) {
        row->problems
            << tr("The name has %1 characters; at most %2 are allowed.").arg(row->name.size()).arg(kMaxNameLength);
    } else if (hasControl(row->name, false)) {
        row->problems << tr("The name contains a line break or control character.");
    }

    if (emailOk) {
        const QString key = row->address.normalized();
        const auto seen = m_firstRowOfAddress.constFind(key);
        if (seen != m_firstRowOfAddress.constEnd()) {
            row->duplicateOfRow = seen.value();
            row->problems << tr("Duplicate of row %1: that row already invites %2.")
                                 .arg(QString::number(seen.value()), row->email);
        } else if (row->problems.isEmpty()) {
            m_firstRowOfAddress.insert(key, row->rowNumber);
        }
    }
}

} // namespace atrium::core
