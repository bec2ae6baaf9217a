#pragma once

#include "core/base/result.h"
#include "core/text/csvreader.h"
#include "core/text/emailaddress.h"

#include <QHash>
#include <QString>
#include <QStringList>
#include <QUrl>

QT_BEGIN_NAMESPACE
class QIODevice;
QT_END_NAMESPACE

namespace atrium::core {

// One data row of a bulk invite file, judged on its own (SPEC §3).
struct BulkInviteRow {
    // The row as the admin sees it when opening the file in a spreadsheet (1-based, counting the
    // version and heading rows and blank lines). Equals the file's line number unless an earlier
    // cell contains a line break.
    int rowNumber = 0;
    QString email;       // the cell, trimmed, as typed
    QString redirectUrl; // the cell, trimmed, as typed
    bool sendEmail = false;
    QString message; // plain text; CRLF turned into LF
    QString name;
    QStringList problems; // user-readable, one per problem; empty = the row can be invited
    bool isExample = false;
    int duplicateOfRow = 0; // the earlier row that invites the same address, or 0
    EmailAddress address;   // parsed `email`, valid when it had no problem
    QUrl redirect;          // parsed `redirectUrl`, valid when it had no problem

    bool ok() const { return problems.isEmpty(); }
};

// Reads the bulk invite CSV template: row 1 "version:v1.0", row 2 headings whose bracketed property
// names ([inviteeEmail], [inviteRedirectURL], [sendEmail], [customizedMessageBody], [inviteeName])
// identify the columns in any order; other columns are ignored. Rows stream one at a time; a bad
// row gets problems and never stops the rest. Rows whose cells are all empty are skipped. The
// template's sample row (example@example.com, https://myapps.microsoft.com) is reported as "must be
// replaced". A later row with the address (compared case-insensitively) of an earlier valid row is
// a duplicate of that row; only valid rows claim an address, so a broken first attempt does not
// block a corrected one further down.
class BulkInviteCsvReader final {
public:
    static constexpr int kMaxMessageLength = 10000;
    static constexpr int kMaxNameLength = 256;

    explicit BulkInviteCsvReader(QIODevice *device);
    Q_DISABLE_COPY_MOVE(BulkInviteCsvReader)

    // Checks the version row and finds the columns. Errors (code Invalid) say what is wrong with
    // the file and how to fix it, e.g. a missing required column names its template heading.
    Status readHeader();

    // The next non-blank data row. False at the end of the file or on a file-level error (broken
    // quoting, not UTF-8, unreadable, or readHeader() failed): then errorString() is set. Rows
    // already returned stay valid, so callers that must not act on part of a broken file should
    // read it once to validate before acting.
    bool next(BulkInviteRow *row);

    QString errorString() const { return m_error; }
    bool hasError() const { return !m_error.isEmpty(); }

private:
    void judge(const QStringList &cells, BulkInviteRow *row);

    CsvReader m_csv;
    bool m_headerDone = false;
    QString m_error;
    qsizetype m_emailColumn = -1;
    qsizetype m_redirectColumn = -1;
    qsizetype m_sendEmailColumn = -1;
    qsizetype m_messageColumn = -1;
    qsizetype m_nameColumn = -1;
    QHash<QString, int> m_firstRowOfAddress;
};

} // namespace atrium::core
