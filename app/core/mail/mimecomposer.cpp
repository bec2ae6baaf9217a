#include "core/mail/mimecomposer.h"

#include <QCoreApplication>
#include <QLocale>
#include <QRandomGenerator>
#include <QUrl>
#include <QUuid>

namespace atrium::core {

namespace {

constexpr int kFoldColumn = 78;    // RFC 5322 2.1.1 SHOULD
constexpr int kMaxLineLength = 998; // RFC 5322 2.1.1 MUST
constexpr int kQpLineLength = 76;   // RFC 2045 6.7 (5)
// "=?UTF-8?B?" + "?=" leaves 63 of 75 characters for base64: 45 input bytes encode to 60.
constexpr int kEncodedWordBytes = 45;

QString tr(const char *text) { return QCoreApplication::translate("atrium::core::MimeComposer", text); }

bool hasLineBreakOrNul(const QString &s) {
    for (const QChar c : s) {
        if (c == QLatin1Char('\r') || c == QLatin1Char('\n') || c == QChar(0)) {
            return true;
        }
    }
    return false;
}

Error injectionError(const QString &field) {
    Error e = Error::invalid(tr("The %1 header must not contain a line break or NUL character.").arg(field), field);
    e.detail = QStringLiteral("CR/LF/NUL in header ") + field;
    return e;
}

bool isPrintableAscii(const QString &s) {
    for (const QChar c : s) {
        if (c.unicode() < 0x20 || c.unicode() > 0x7e) {
            return false;
        }
    }
    return true;
}

// RFC 5322 atext.
bool isAtext(char16_t c) {
    if ((c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9')) {
        return true;
    }
    return QStringView(u"!#$%&'*+-/=?^_`{|}~").contains(QChar(c));
}

// One or more RFC 2047 "B" encoded-words, split on character boundaries, separated by spaces
// (whitespace between encoded-words is dropped by decoders, and gives the folder break points).
QByteArray encodedWords(const QString &text) {
    QByteArray out;
    QByteArray chunk;
    auto flush = [&] {
        if (chunk.isEmpty()) {
            return;
        }
        if (!out.isEmpty()) {
            out += ' ';
        }
        out += "=?UTF-8?B?" + chunk.toBase64() + "?=";
        chunk.clear();
    };
    for (qsizetype i = 0; i < text.size();) {
        qsizetype len = (text.at(i).isHighSurrogate() && i + 1 < text.size()) ? 2 : 1;
        const QByteArray bytes = text.mid(i, len).toUtf8();
        if (chunk.size() + bytes.size() > kEncodedWordBytes) {
            flush();
        }
        chunk += bytes;
        i += len;
    }
    flush();
    return out;
}

// An unstructured value: as-is when it is printable ASCII, otherwise encoded-words. For the
// Subject also when it could be mistaken for an encoded-word or has a word too long to fold;
// extra headers (List-Unsubscribe: <url>) are often structured, so a long word stays as it is.
QByteArray unstructuredValue(const QString &value, bool isSubject) {
    bool plain = isPrintableAscii(value);
    if (plain && isSubject) {
        plain = !value.contains(QStringLiteral("=?"));
        const auto words = value.split(QLatin1Char(' '));
        for (const QString &w : words) {
            if (w.size() > kFoldColumn - 2) {
                plain = false;
            }
        }
    }
    return plain ? value.toLatin1() : encodedWords(value);
}

// RFC 5322 phrase for a display name.
QByteArray phrase(const QString &name) {
    if (!isPrintableAscii(name)) {
        return encodedWords(name);
    }
    bool atoms = !name.isEmpty() && !name.contains(QStringLiteral("=?")) && !name.startsWith(QLatin1Char(' ')) &&
                 !name.endsWith(QLatin1Char(' '));
    for (const QChar c : name) {
        if (c != QLatin1Char(' ') && !isAtext(c.unicode())) {
            atoms = false;
        }
    }
    if (atoms) {
        return name.toLatin1();
    }
    QByteArray quoted = "\"";
    for (const QChar c : name) {
        if (c == QLatin1Char('"') || c == QLatin1Char('\\')) {
            quoted += '\\';
        }
        quoted += char(c.unicode());
    }
    quoted += '"';
    return quoted;
}

Result<QByteArray> mailbox(const MailAddress &a, const QString &field) {
    if (hasLineBreakOrNul(a.displayName) || hasLineBreakOrNul(a.address)) {
        return injectionError(field);
    }
    auto wire = wireMailAddress(a.address, field);
    if (!wire) {
        return wire.error();
    }
    const QByteArray spec = wire->toLatin1();
    if (a.displayName.trimmed().isEmpty()) {
        return spec;
    }
    return QByteArray(phrase(a.displayName.trimmed()) + " <" + spec + '>');
}

Result<QByteArray> mailboxList(const QList<MailAddress> &list, const QString &field) {
    QByteArray out;
    for (const MailAddress &a : list) {
        auto one = mailbox(a, field);
        if (!one) {
            return one.error();
        }
        if (!out.isEmpty()) {
            out += ", ";
        }
        out += *one;
    }
    return out;
}

// "Name: value" folded before whitespace so that no line exceeds 78 characters where that is
// possible. Breaks only where a non-space character precedes the whitespace run and one follows
// it, so no line is whitespace-only and unfolding (removing CRLF) restores the value exactly.
// The value may start on a continuation line when its first word would not fit after the name.
Result<QByteArray> headerLine(const QByteArray &name, const QByteArray &value) {
    const QByteArray line = name + ": " + value;
    // nonSpaceAfter[i]: a non-space character occurs at or after i.
    QList<bool> nonSpaceAfter(line.size() + 1, false);
    for (qsizetype i = line.size() - 1; i >= 0; --i) {
        nonSpaceAfter[i] = nonSpaceAfter[i + 1] || line.at(i) != ' ';
    }
    const auto breakable = [&](qsizetype p) {
        return p > name.size() && line.at(p) == ' ' && line.at(p - 1) != ' ' && nonSpaceAfter[p];
    };
    QByteArray out;
    qsizetype start = 0;
    while (line.size() - start > kFoldColumn) {
        qsizetype best = -1;
        for (qsizetype p = start + 1; p < line.size(); ++p) {
            if (!breakable(p)) {
                continue;
            }
            if (p - start <= kFoldColumn) {
                best = p;
            } else {
                if (best == -1) {
                    best = p; // an overlong word: break right after it
                }
                break;
            }
        }
        if (best == -1) {
            break;
        }
        out += line.mid(start, best - start) + "\r\n";
        start = best;
    }
    out += line.mid(start) + "\r\n";
    for (const QByteArray &l : out.split('\n')) {
        if (l.size() > kMaxLineLength + 1) {
            return Error::invalid(tr("The %1 header is too long to be sent.").arg(QString::fromLatin1(name)),
                                  QString::fromLatin1(name));
        }
    }
    return out;
}

QByteArray rfc5322Date(const QDateTime &dt) {
    const QLocale c = QLocale::c();
    const int offset = dt.offsetFromUtc() / 60;
    const int absOffset = offset < 0 ? -offset : offset;
    return c.toString(dt, QStringLiteral("ddd, dd MMM yyyy hh:mm:ss ")).toLatin1() + (offset < 0 ? '-' : '+') +
           QByteArray::number(absOffset / 60).rightJustified(2, '0') +
           QByteArray::number(absOffset % 60).rightJustified(2, '0');
}

// Quoted-printable (RFC 2045 6.7) of UTF-8 text with CRLF line ends. A leading '.' is encoded as
// well so that no transport's dot handling can touch the body.
QByteArray quotedPrintable(const QString &text) {
    QString normalized = text;
    normalized.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    normalized.replace(QLatin1Char('\r'), QLatin1Char('\n'));
    const QByteArray utf8 = normalized.toUtf8();
    static const char hex[] = "0123456789ABCDEF";

    QByteArray out;
    const QList<QByteArray> lines = utf8.split('\n');
    for (qsizetype li = 0; li < lines.size(); ++li) {
        const QByteArray &line = lines.at(li);
        QByteArray current;
        for (qsizetype i = 0; i < line.size(); ++i) {
            const auto b = static_cast<unsigned char>(line.at(i));
            const bool last = i + 1 == line.size();
            QByteArray unit;
            const bool literal = (b >= 33 && b <= 126 && b != '=' && !(b == '.' && i == 0)) ||
                                 ((b == ' ' || b == '\t') && !last);
            if (literal) {
                unit = QByteArray(1, char(b));
            } else {
                unit = QByteArray("=") + hex[b >> 4] + hex[b & 0xf];
            }
            // Keep room for the soft break "=" unless this is the line's last unit.
            const qsizetype limit = last ? kQpLineLength : kQpLineLength - 1;
            if (current.size() + unit.size() > limit) {
                out += current + "=\r\n";
                current.clear();
            }
            current += unit;
        }
        out += current;
        if (li + 1 < lines.size()) {
            out += "\r\n";
        }
    }
    if (!out.endsWith("\r\n")) {
        out += "\r\n";
    }
    return out;
}

QByteArray textContentType(const QByteArray &mimeType) { return mimeType + "; charset=UTF-8"; }

const QByteArray kQuotedPrintable = QByteArrayLiteral("quoted-printable");

// A complete body part of a multipart entity: its headers, a blank line, the encoded text.
QByteArray bodyPart(const QByteArray &mimeType, const QString &text) {
    return "Content-Type: " + textContentType(mimeType) + "\r\nContent-Transfer-Encoding: " + kQuotedPrintable +
           "\r\n\r\n" + quotedPrintable(text);
}

bool isReservedHeader(const QByteArray &name) {
    static const char *const reserved[] = {"from",         "sender",      "to",
                                           "cc",           "bcc",         "reply-to",
                                           "subject",      "date",        "message-id",
                                           "mime-version", "content-type", "content-transfer-encoding",
                                           "return-path"};
    const QByteArray lower = name.toLower();
    for (const char *r : reserved) {
        if (lower == r) {
            return true;
        }
    }
    return false;
}

bool isValidHeaderName(const QByteArray &name) {
    if (name.isEmpty() || name.size() > 76) {
        return false;
    }
    for (const char c : name) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
        if (!ok) {
            return false;
        }
    }
    return true;
}

} // namespace

Result<QString> wireMailAddress(const QString &address, const QString &field) {
    if (hasLineBreakOrNul(address)) {
        return injectionError(field);
    }
    const QString a = address.trimmed();
    const auto bad = [&](const char *why) {
        Error e = Error::invalid(tr("\"%1\" in the %2 header is not a valid email address: %3")
                                     .arg(a, field, tr(why)),
                                 field);
        return e;
    };
    const qsizetype at = a.lastIndexOf(QLatin1Char('@'));
    if (a.isEmpty() || at <= 0 || at == a.size() - 1) {
        return bad(QT_TRANSLATE_NOOP("atrium::core::MimeComposer", "it needs a name, '@' and a domain."));
    }
    const QString local = a.left(at);
    const QString domain = a.mid(at + 1);
    if (local.size() > 64 || local.startsWith(QLatin1Char('.')) || local.endsWith(QLatin1Char('.')) ||
        local.contains(QStringLiteral(".."))) {
        return bad(QT_TRANSLATE_NOOP("atrium::core::MimeComposer", "the part before '@' is malformed."));
    }
    for (const QChar c : local) {
        if (c != QLatin1Char('.') && !isAtext(c.unicode())) {
            return bad(QT_TRANSLATE_NOOP("atrium::core::MimeComposer",
                                         "the part before '@' contains a character that cannot be sent."));
        }
    }
    const QString ace = QString::fromLatin1(QUrl::toAce(domain)).toLower();
    bool domainOk = !ace.isEmpty() && ace.size() <= 253 && !ace.startsWith(QLatin1Char('.')) &&
                    !ace.endsWith(QLatin1Char('.'));
    const auto labels = ace.split(QLatin1Char('.'));
    for (const QString &label : labels) {
        if (label.isEmpty() || label.size() > 63 || label.startsWith(QLatin1Char('-')) ||
            label.endsWith(QLatin1Char('-'))) {
            domainOk = false;
        }
        for (const QChar c : label) {
            if (!((c >= QLatin1Char('a') && c <= QLatin1Char('z')) || (c >= QLatin1Char('0') && c <= QLatin1Char('9')) ||
                  c == QLatin1Char('-'))) {
                domainOk = false;
            }
        }
    }
    if (!domainOk) {
        return bad(QT_TRANSLATE_NOOP("atrium::core::MimeComposer", "the domain is malformed."));
    }
    return QString(local + QLatin1Char('@') + ace);
}

Result<QByteArray> composeMime(const MailMessage &m) {
    // Injection checks first, for every header value, so that the error names the header even
    // when the value would also fail a later check.
    if (hasLineBreakOrNul(m.subject)) {
        return injectionError(QStringLiteral("Subject"));
    }
    if (hasLineBreakOrNul(m.messageId)) {
        return injectionError(QStringLiteral("Message-ID"));
    }
    for (const auto &[name, value] : m.extraHeaders) {
        const QString field = QString::fromLatin1(name);
        if (name.contains('\r') || name.contains('\n') || name.contains('\0') || hasLineBreakOrNul(value)) {
            return injectionError(field);
        }
        if (!isValidHeaderName(name)) {
            return Error::invalid(tr("\"%1\" is not a valid header name.").arg(field), field);
        }
        if (isReservedHeader(name)) {
            return Error::invalid(tr("The %1 header is set by the mail composer and cannot be added.").arg(field),
                                  field);
        }
    }
    if (m.to.isEmpty()) {
        return Error::invalid(tr("The message has no recipient."), QStringLiteral("To"));
    }

    auto from = mailbox(m.from, QStringLiteral("From"));
    if (!from) {
        return from.error();
    }
    auto to = mailboxList(m.to, QStringLiteral("To"));
    if (!to) {
        return to.error();
    }
    auto cc = mailboxList(m.cc, QStringLiteral("Cc"));
    if (!cc) {
        return cc.error();
    }
    std::optional<QByteArray> replyTo;
    if (m.replyTo) {
        auto r = mailbox(*m.replyTo, QStringLiteral("Reply-To"));
        if (!r) {
            return r.error();
        }
        replyTo = *r;
    }

    QString messageId = m.messageId.trimmed();
    if (messageId.startsWith(QLatin1Char('<')) && messageId.endsWith(QLatin1Char('>'))) {
        messageId = messageId.mid(1, messageId.size() - 2);
    }
    if (messageId.isEmpty()) {
        const QString wireFrom = wireMailAddress(m.from.address, QStringLiteral("From")).value();
        const QString domain = wireFrom.mid(wireFrom.lastIndexOf(QLatin1Char('@')) + 1);
        messageId = QUuid::createUuid().toString(QUuid::WithoutBraces) + QLatin1Char('@') + domain;
    }
    bool idOk = isPrintableAscii(messageId) && messageId.count(QLatin1Char('@')) == 1 && messageId.size() <= 250;
    for (const QChar c : messageId) {
        if (c == QLatin1Char(' ') || c == QLatin1Char('<') || c == QLatin1Char('>') || c == QLatin1Char('"')) {
            idOk = false;
        }
    }
    if (!idOk) {
        return Error::invalid(tr("The Message-ID \"%1\" is malformed.").arg(messageId), QStringLiteral("Message-ID"));
    }
    const QDateTime date = m.date.isValid() ? m.date : QDateTime::currentDateTimeUtc();

    QList<QPair<QByteArray, QByteArray>> headers;
    const auto add = [&headers](const QByteArray &name, const QByteArray &value) { headers.append({name, value}); };
    add("Date", rfc5322Date(date));
    add("From", *from);
    add("To", *to);
    if (!m.cc.isEmpty()) {
        add("Cc", *cc);
    }
    if (replyTo) {
        add("Reply-To", *replyTo);
    }
    add("Subject", unstructuredValue(m.subject, true));
    add("Message-ID", '<' + messageId.toLatin1() + '>');
    add("MIME-Version", "1.0");
    for (const auto &[name, value] : m.extraHeaders) {
        add(name, unstructuredValue(value, false));
    }

    QByteArray body;
    const bool hasText = !m.textBody.isEmpty() || m.htmlBody.isEmpty();
    const bool hasHtml = !m.htmlBody.isEmpty();
    if (hasText && hasHtml) {
        // "=_" cannot occur in quoted-printable output, so the boundary cannot collide with the body.
        const QByteArray boundary =
            "=_atrium_" + QByteArray::number(QRandomGenerator::system()->generate64(), 16).rightJustified(16, '0');
        add("Content-Type", "multipart/alternative; boundary=\"" + boundary + '"');
        body = "This is a multi-part message in MIME format.\r\n--" + boundary + "\r\n" +
               bodyPart("text/plain", m.textBody) + "--" + boundary + "\r\n" + bodyPart("text/html", m.htmlBody) +
               "--" + boundary + "--\r\n";
    } else {
        add("Content-Type", textContentType(hasHtml ? "text/html" : "text/plain"));
        add("Content-Transfer-Encoding", kQuotedPrintable);
        body = quotedPrintable(hasHtml ? m.htmlBody : m.textBody);
    }

    QByteArray out;
    for (const auto &[name, value] : headers) {
        auto line = headerLine(name, value);
        if (!line) {
            return line.error();
        }
        out += *line;
    }
    out += "\r\n";
    out += body;
    return out;
}

} // namespace atrium::core
