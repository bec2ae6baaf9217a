#include "core/mail/passcodemail.h"

#include "core/mail/mailtemplate.h"

#include <QCoreApplication>
#include <QFile>
#include <QHash>
#include <QMessageAuthenticationCode>
#include <QtEndian>

namespace atrium::core {

namespace {

QString tr(const char *text) {
    return QCoreApplication::translate("atrium::core::PasscodeMail", text);
}

QString htmlEscape(const QString &s) {
    return s.toHtmlEscaped().replace(QLatin1Char('\''), QLatin1String("&#39;"));
}

Error internal(const QString &message, const QString &detail = {}) {
    Error e;
    e.code = ErrorCode::Internal;
    e.message = message;
    e.detail = detail;
    return e;
}

bool isOneLine(const QString &s) {
    for (const QChar c : s) {
        if (c.category() == QChar::Other_Control) {
            return false;
        }
    }
    return true;
}

Result<QString> readTemplate(const QString &name, const QString &language) {
    const QString lang = language.trimmed().toLower();
    const bool german =
        lang == QLatin1String("de") || lang.startsWith(QLatin1String("de-")) || lang.startsWith(QLatin1String("de_"));
    QFile localized(QStringLiteral(":/mail/de/") + name);
    QFile fallback(QStringLiteral(":/mail/") + name);
    QFile &f = (german && localized.exists()) ? localized : fallback;
    if (!f.open(QIODevice::ReadOnly)) {
        return internal(tr("The mail template %1 is missing from the program.").arg(f.fileName()), f.errorString());
    }
    return QString::fromUtf8(f.readAll());
}

} // namespace

QString derivePasscode(const QByteArray &key, const QString &passcodeId, const QString &nonce) {
    const QByteArray mac = QMessageAuthenticationCode::hash(
        QByteArrayLiteral("passcode:") + passcodeId.toUtf8() + ':' + nonce.toUtf8(), key, QCryptographicHash::Sha256);
    const quint64 n = qFromBigEndian<quint64>(mac.constData());
    return QStringLiteral("%1").arg(n % 100000000ULL, 8, 10, QLatin1Char('0'));
}

QString passcodeCheckHash(const QByteArray &key, const QString &passcodeId, const QString &code) {
    return QString::fromLatin1(QMessageAuthenticationCode::hash(QByteArrayLiteral("passcode-check:") +
                                                                    passcodeId.toUtf8() + ':' + code.toUtf8(),
                                                                key, QCryptographicHash::Sha256)
                                   .toHex());
}

Result<MailMessage> renderPasscodeMail(const PasscodeMailData &d, const MailAddress &from) {
    const QString organization = d.organizationName.trimmed();
    const QString name = d.recipientName.trimmed();
    const QString email = d.recipientEmail.trimmed();
    if (organization.isEmpty() || !isOneLine(organization) || !isOneLine(name)) {
        return Error::invalid(tr("The organization or recipient name is missing or contains line breaks."),
                              QStringLiteral("organizationName"));
    }
    if (email.isEmpty() || !isOneLine(email) || !email.contains(QLatin1Char('@'))) {
        return Error::invalid(tr("The passcode mail needs a recipient address."), QStringLiteral("recipientEmail"));
    }
    bool digits = d.code.size() == 8;
    for (const QChar c : d.code) {
        digits = digits && c.isDigit() && c.unicode() < 128;
    }
    if (!digits) {
        return internal(tr("A passcode must be 8 digits."));
    }
    const QHash<QString, QString> text{
        {QStringLiteral("organizationName"), organization},
        {QStringLiteral("recipientName"), name},
        {QStringLiteral("recipientEmail"), email},
        {QStringLiteral("code"), d.code},
        {QStringLiteral("validMinutes"), QString::number(d.validMinutes)},
    };
    QHash<QString, QString> html;
    for (auto it = text.cbegin(); it != text.cend(); ++it) {
        html.insert(it.key(), htmlEscape(it.value()));
    }
    auto textTemplate = readTemplate(QStringLiteral("passcode.txt"), d.language);
    if (!textTemplate) {
        return textTemplate.error();
    }
    auto htmlTemplate = readTemplate(QStringLiteral("passcode.html"), d.language);
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
    const QString prefix = QStringLiteral("Subject: ");
    const qsizetype lineEnd = textOut->indexOf(QLatin1Char('\n'));
    if (!textOut->startsWith(prefix) || lineEnd < 0) {
        return internal(tr("The mail template passcode.txt has no subject line."));
    }
    MailMessage m;
    m.from = from;
    m.to = {MailAddress{email, name}};
    m.subject = textOut->mid(prefix.size(), lineEnd - prefix.size());
    m.textBody = textOut->mid(lineEnd + 1).trimmed() + QLatin1Char('\n');
    m.htmlBody = *htmlOut;
    return m;
}

} // namespace atrium::core
