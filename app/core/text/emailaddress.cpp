#include "core/text/emailaddress.h"

#include "core/base/domainname.h"

#include <QCoreApplication>

namespace atrium::core {
namespace {
QString tr(const char *text) {
    return QCoreApplication::translate("atrium::core::EmailAddress", text);
}

constexpr qsizetype kMaxLocal = 64;
constexpr qsizetype kMaxAddress = 254; // RFC 5321 path limit minus the angle brackets
const QLatin1String kField("email");

Error invalid(const QString &message) {
    return Error::invalid(message, kField);
}

// How a character is shown in a message: itself when printable, U+XXXX otherwise.
QString describe(QChar c) {
    if (c.isPrint() && !c.isSpace()) {
        return QStringLiteral("\"") + c + QStringLiteral("\"");
    }
    return QStringLiteral("U+%1").arg(c.unicode(), 4, 16, QLatin1Char('0')).toUpper();
}

bool isSpaceOrTab(QChar c) {
    return c == QLatin1Char(' ') || c == QLatin1Char('\t');
}

QString trimSpaces(const QString &s) {
    qsizetype begin = 0;
    qsizetype end = s.size();
    while (begin < end && isSpaceOrTab(s.at(begin))) {
        ++begin;
    }
    while (end > begin && isSpaceOrTab(s.at(end - 1))) {
        --end;
    }
    return s.mid(begin, end - begin);
}

bool isDisallowedInLocal(QChar c) {
    static const QString disallowed = QStringLiteral("~!#$%^&*()+=[]{}\\/|;:\"<>?,");
    return disallowed.contains(c);
}
} // namespace

QString EmailAddress::normalized() const {
    return local.toLower() + QLatin1Char('@') + domain;
}

QString EmailAddress::display() const {
    return local + QLatin1Char('@') + domainForDisplay(domain);
}

Result<EmailAddress> parseEmailAddress(const QString &input) {
    // Control characters first: a CR or LF in an address is a header-injection attempt, not a typo,
    // and must not survive trimming.
    for (const QChar c : input) {
        if (c == QLatin1Char('\r') || c == QLatin1Char('\n')) {
            return invalid(tr("The email address contains a line break."));
        }
        if (c.unicode() == 0) {
            return invalid(tr("The email address contains a NUL character."));
        }
        if (c != QLatin1Char('\t') && (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format)) {
            return invalid(tr("The email address contains the control character %1.").arg(describe(c)));
        }
    }
    const QString s = trimSpaces(input);
    if (s.isEmpty()) {
        return invalid(tr("The email address is empty."));
    }
    if (s.size() > kMaxAddress) {
        return invalid(tr("The email address is longer than %1 characters.").arg(kMaxAddress));
    }
    for (const QChar c : s) {
        if (c.isSpace()) {
            return invalid(tr("The email address contains a space; remove it."));
        }
    }
    const qsizetype at = s.indexOf(QLatin1Char('@'));
    if (at < 0) {
        return invalid(tr("\"%1\" has no \"@\"; enter an address like alice@contoso.com.").arg(s));
    }
    if (s.indexOf(QLatin1Char('@'), at + 1) >= 0) {
        return invalid(tr("\"%1\" contains more than one \"@\".").arg(s));
    }
    const QString local = s.left(at);
    const QString domainPart = s.mid(at + 1);
    if (local.isEmpty()) {
        return invalid(tr("\"%1\" has nothing before the \"@\".").arg(s));
    }
    if (domainPart.isEmpty()) {
        return invalid(tr("\"%1\" has no domain after the \"@\".").arg(s));
    }
    if (local.size() > kMaxLocal) {
        return invalid(tr("The part before the \"@\" is longer than %1 characters.").arg(kMaxLocal));
    }
    for (const QChar c : local) {
        if (isDisallowedInLocal(c)) {
            return invalid(tr("The character %1 is not allowed in an email address.").arg(describe(c)));
        }
        if (c.unicode() > 0x7f) {
            return invalid(tr("The character %1 is not allowed before the \"@\"; only the domain may contain "
                              "non-ASCII characters.")
                               .arg(describe(c)));
        }
    }
    if (local.startsWith(QLatin1Char('.')) || local.endsWith(QLatin1Char('.'))) {
        return invalid(tr("The part before the \"@\" cannot start or end with \".\"."));
    }
    if (local.startsWith(QLatin1Char('-')) || local.endsWith(QLatin1Char('-'))) {
        return invalid(tr("The part before the \"@\" cannot start or end with \"-\"."));
    }
    if (local.contains(QLatin1String(".."))) {
        return invalid(tr("The part before the \"@\" cannot contain two dots in a row."));
    }
    // normalizeDomain trims and accepts a trailing dot; an address must not carry either.
    if (domainPart.endsWith(QLatin1Char('.'))) {
        return invalid(tr("The domain \"%1\" ends with a dot.").arg(domainPart));
    }
    auto domain = normalizeDomain(domainPart);
    if (!domain) {
        return invalid(domain.error().message);
    }
    EmailAddress address{local, domain.value()};
    if (local.size() + 1 + address.domain.size() > kMaxAddress) {
        return invalid(tr("The email address is longer than %1 characters once its domain is encoded for "
                          "the Internet.")
                           .arg(kMaxAddress));
    }
    return address;
}

} // namespace atrium::core
