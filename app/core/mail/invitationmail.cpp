#include "core/mail/invitationmail.h"

#include "core/mail/mailtemplate.h"
#include "core/mail/mimecomposer.h"

#include <QCoreApplication>
#include <QFile>
#include <QUrl>

namespace atrium::core {

namespace {

QString tr(const char *text) { return QCoreApplication::translate("atrium::core::InvitationMail", text); }

QString htmlEscape(const QString &s) {
    QString out;
    out.reserve(s.size() + s.size() / 8);
    for (const QChar c : s) {
        switch (c.unicode()) {
        case u'&':
            out += QLatin1String("&amp;");
            break;
        case u'<':
            out += QLatin1String("&lt;");
            break;
        case u'>':
            out += QLatin1String("&gt;");
            break;
        case u'"':
            out += QLatin1String("&quot;");
            break;
        case u'\'':
            out += QLatin1String("&#39;");
            break;
        default:
            out += c;
        }
    }
    return out;
}

// Plain text as the sender typed it, with line ends normalised and control characters (other
// than newline and tab) removed: they have no business in a mail and can confuse terminals.
QString cleanMultiline(const QString &s) {
    QString t = s;
    t.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
    t.replace(QLatin1Char('\r'), QLatin1Char('\n'));
    QString out;
    out.reserve(t.size());
    for (const QChar c : t) {
        if (c == QLatin1Char('\n') || c == QLatin1Char('\t') || c.category() != QChar::Other_Control) {
            out += c;
        }
    }
    return out.trimmed();
}

// A one-line value (names): line breaks and NUL are refused, not silently joined.
Result<QString> singleLine(const QString &s, const QString &field, bool required) {
    if (s.contains(QLatin1Char('\r')) || s.contains(QLatin1Char('\n')) || s.contains(QChar(0))) {
        return Error::invalid(tr("The %1 must not contain line breaks.").arg(field), field);
    }
    QString out;
    for (const QChar c : s) {
        if (c.category() != QChar::Other_Control) {
            out += c;
        }
    }
    out = out.trimmed();
    if (required && out.isEmpty()) {
        return Error::invalid(tr("The %1 is missing.").arg(field), field);
    }
    return out;
}

// Only absolute http(s) URLs are put into links (never javascript: or data:). Returned fully
// encoded, which is also what a mail client shows.
Result<QString> linkUrl(const QString &s, const QString &field, bool required) {
    const QString trimmed = s.trimmed();
    if (trimmed.isEmpty()) {
        if (required) {
            return Error::invalid(tr("The %1 is missing.").arg(field), field);
        }
        return QString();
    }
    const QUrl url(trimmed, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || (scheme != QLatin1String("https") && scheme != QLatin1String("http")) ||
        url.host().isEmpty()) {
        return Error::invalid(tr("The %1 must be an absolute http or https address.").arg(field), field);
    }
    return url.toString(QUrl::FullyEncoded);
}

Result<QString> readTemplate(const QString &path) {
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        Error e;
        e.code = ErrorCode::Internal;
        e.message = tr("The mail template %1 is missing from the program.").arg(path);
        e.detail = f.errorString();
        return e;
    }
    return QString::fromUtf8(f.readAll());
}

} // namespace

Result<MailMessage> renderInvitationMail(const InvitationMailData &d, const MailAddress &from) {
    auto inviterName = singleLine(d.inviterName, QStringLiteral("inviterName"), true);
    if (!inviterName) {
        return inviterName.error();
    }
    auto organization = singleLine(d.organizationName, QStringLiteral("organizationName"), true);
    if (!organization) {
        return organization.error();
    }
    auto inviteeName = singleLine(d.inviteeName, QStringLiteral("inviteeName"), false);
    if (!inviteeName) {
        return inviteeName.error();
    }
    auto inviterEmail = wireMailAddress(d.inviterEmail, QStringLiteral("inviterEmail"));
    if (!inviterEmail) {
        return inviterEmail.error();
    }
    auto inviteeEmail = wireMailAddress(d.inviteeEmail, QStringLiteral("inviteeEmail"));
    if (!inviteeEmail) {
        return inviteeEmail.error();
    }
    auto acceptUrl = linkUrl(d.acceptUrl, QStringLiteral("acceptUrl"), true);
    if (!acceptUrl) {
        return acceptUrl.error();
    }
    auto redirectUrl = linkUrl(d.redirectUrl, QStringLiteral("redirectUrl"), true);
    if (!redirectUrl) {
        return redirectUrl.error();
    }
    auto privacyUrl = linkUrl(d.privacyStatementUrl, QStringLiteral("privacyStatementUrl"), false);
    if (!privacyUrl) {
        return privacyUrl.error();
    }
    auto unsubscribeUrl = linkUrl(d.unsubscribeUrl, QStringLiteral("unsubscribeUrl"), true);
    if (!unsubscribeUrl) {
        return unsubscribeUrl.error();
    }
    const QString personalMessage = cleanMultiline(d.personalMessage);

    const QHash<QString, QString> text{
        {QStringLiteral("inviterName"), *inviterName},
        {QStringLiteral("inviterEmail"), d.inviterEmail.trimmed()},
        {QStringLiteral("organizationName"), *organization},
        {QStringLiteral("inviteeName"), *inviteeName},
        {QStringLiteral("inviteeEmail"), d.inviteeEmail.trimmed()},
        {QStringLiteral("personalMessage"), personalMessage},
        {QStringLiteral("acceptUrl"), *acceptUrl},
        {QStringLiteral("redirectUrl"), *redirectUrl},
        {QStringLiteral("privacyStatementUrl"), *privacyUrl},
        {QStringLiteral("unsubscribeUrl"), *unsubscribeUrl},
    };
    QHash<QString, QString> html;
    for (auto it = text.cbegin(); it != text.cend(); ++it) {
        html.insert(it.key(), htmlEscape(it.value()));
    }
    html.insert(QStringLiteral("personalMessage"),
                htmlEscape(personalMessage).replace(QLatin1Char('\n'), QStringLiteral("<br>\n")));

    const QString lang = d.language.trimmed().toLower();
    const QString dir = (lang == QLatin1String("de") || lang.startsWith(QLatin1String("de-")) ||
                         lang.startsWith(QLatin1String("de_")))
                            ? QStringLiteral(":/mail/de/")
                            : QStringLiteral(":/mail/");
    auto textTemplate = readTemplate(dir + QStringLiteral("invitation.txt"));
    if (!textTemplate) {
        return textTemplate.error();
    }
    auto htmlTemplate = readTemplate(dir + QStringLiteral("invitation.html"));
    if (!htmlTemplate) {
        return htmlTemplate.error();
    }
    auto textOut = renderMailTemplate(*textTemplate, text);
    if (!textOut) {
        return textOut.error();
    }
    auto htmlOut = renderMailTemplate(*htmlTemplate, html);
    if (!htmlOut) {
        return htmlOut.error();
    }

    // The text template starts with "Subject: ..." and a blank line. Only one-line values are in
    // the subject, so the first line ends where the template's does.
    const QString prefix = QStringLiteral("Subject: ");
    const qsizetype lineEnd = textOut->indexOf(QLatin1Char('\n'));
    if (!textOut->startsWith(prefix) || lineEnd < 0) {
        Error e;
        e.code = ErrorCode::Internal;
        e.message = tr("The mail template %1 has no subject line.").arg(dir + QStringLiteral("invitation.txt"));
        return e;
    }

    MailMessage m;
    m.from = from;
    m.to = {MailAddress{d.inviteeEmail.trimmed(), *inviteeName}};
    m.replyTo = MailAddress{d.inviterEmail.trimmed(), *inviterName};
    m.subject = textOut->mid(prefix.size(), lineEnd - prefix.size());
    m.textBody = textOut->mid(lineEnd + 1).trimmed() + QLatin1Char('\n');
    m.htmlBody = *htmlOut;
    m.extraHeaders.append({QByteArrayLiteral("List-Unsubscribe"), QLatin1Char('<') + *unsubscribeUrl + QLatin1Char('>')});
    return m;
}

} // namespace atrium::core
