#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QPair>
#include <QString>

#include <optional>

namespace atrium::core {

// One mailbox: "Alice Example <alice@contoso.com>". The display name is Unicode; composeMime
// encodes it (RFC 2047) when it is not plain ASCII.
struct MailAddress {
    QString address;
    QString displayName;
};

// A message before MIME composition. Empty messageId / invalid date are filled in by composeMime;
// a sender that retries should set both once so that every attempt is the same message.
struct MailMessage {
    MailAddress from;
    QList<MailAddress> to;
    QList<MailAddress> cc;
    std::optional<MailAddress> replyTo;
    QString subject;
    QString textBody;
    QString htmlBody;
    QString messageId; // without angle brackets: "uuid@host"
    QDateTime date;
    QList<QPair<QByteArray, QString>> extraHeaders; // e.g. List-Unsubscribe
};

} // namespace atrium::core
