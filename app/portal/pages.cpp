#include "pages.h"

#include <QCoreApplication>

namespace atrium::portal {

using core::RedeemProblem;
using core::RedeemStep;

namespace {
QString esc(const QString &s) {
    return s.toHtmlEscaped();
}
} // namespace

QString Pages::tr(const char *text) {
    return QCoreApplication::translate("atrium::portal::Pages", text);
}

QString Pages::tr(const char *text, int n) {
    return QCoreApplication::translate("atrium::portal::Pages", text, nullptr, n);
}

Pages::Pages(QString baseUrl) : m_baseUrl(std::move(baseUrl)) {}

QString Pages::url(const QString &path) const {
    return m_baseUrl + path;
}

QByteArray Pages::layout(const QString &title, const QString &organization, const QString &body) const {
    QString html;
    html.reserve(2048 + body.size());
    html += QStringLiteral("<!DOCTYPE html>\n<html lang=\"") + esc(tr("en")) +
            QStringLiteral("\">\n<head>\n<meta charset=\"utf-8\">\n"
                           "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                           "<meta name=\"referrer\" content=\"no-referrer\">\n<title>") +
            esc(title) + QStringLiteral("</title>\n<link rel=\"stylesheet\" href=\"") +
            esc(url(QStringLiteral("/static/portal.css"))) + QStringLiteral("\">\n</head>\n<body>\n<main>\n");
    if (!organization.isEmpty()) {
        html += QStringLiteral("<p class=\"org\" id=\"organization\">") + esc(organization) + QStringLiteral("</p>\n");
    }
    html += QStringLiteral("<h1 id=\"title\">") + esc(title) + QStringLiteral("</h1>\n") + body +
            QStringLiteral("<footer>") + esc(tr("Atrium guest access")) +
            QStringLiteral("</footer>\n</main>\n</body>\n</html>\n");
    return html.toUtf8();
}

QString Pages::form(const QString &action, const QString &csrf, const QString &fields, const QString &button,
                    const QString &id, bool secondary) const {
    return QStringLiteral("<form method=\"post\" action=\"") + esc(url(action)) + QStringLiteral("\" id=\"") + id +
           QStringLiteral("\">\n<input type=\"hidden\" name=\"csrf\" value=\"") + esc(csrf) + QStringLiteral("\">\n") +
           fields + QStringLiteral("<button type=\"submit\" id=\"") + id + QStringLiteral("-submit\"") +
           (secondary ? QStringLiteral(" class=\"secondary\"") : QString()) + QStringLiteral(">") + esc(button) +
           QStringLiteral("</button>\n</form>\n");
}

QByteArray Pages::landing(const RedeemStep &s, const QString &token, const QString &csrf) const {
    const auto &inv = s.invitation;
    QString body;
    body += QStringLiteral("<p>") +
            esc(tr("%1 invited you to access its applications."))
                .arg(QStringLiteral("<strong>") + esc(inv.organizationName) + QStringLiteral("</strong>")) +
            QStringLiteral("</p>\n<p>") + esc(tr("You were invited as")) +
            QStringLiteral(" <span class=\"who\" id=\"email\">") + esc(inv.email) +
            QStringLiteral("</span></p>\n<p class=\"notice\">") +
            esc(tr("To confirm that this address is yours, we will send an 8-digit code to it. The code is valid for "
                   "%1 minutes."))
                .arg(s.validMinutes) +
            QStringLiteral("</p>\n");
    body += form(QStringLiteral("/redeem/") + token + QStringLiteral("/passcode"), csrf, {}, tr("Send code"),
                 QStringLiteral("send-code"));
    body +=
        QStringLiteral("<p class=\"muted\">") +
        esc(tr("Only continue if you trust %1 and were expecting this invitation.")).arg(esc(inv.organizationName)) +
        QStringLiteral("</p>\n");
    return layout(tr("Accept the invitation"), inv.organizationName, body);
}

QByteArray Pages::codeEntry(const RedeemStep &s, const QString &token, const QString &csrf, const QString &msg,
                            bool isError) const {
    const auto &inv = s.invitation;
    QString body;
    if (!msg.isEmpty()) {
        body += (isError ? QStringLiteral("<p class=\"error\" id=\"message\" role=\"alert\">")
                         : QStringLiteral("<p class=\"notice\" id=\"message\">")) +
                esc(msg) + QStringLiteral("</p>\n");
    }
    body += QStringLiteral("<p>") + esc(tr("We sent a code to")) + QStringLiteral(" <span class=\"who\">") +
            esc(inv.email) + QStringLiteral("</span>. ") +
            esc(tr("Enter it below. It may take a minute to arrive; check your junk mail folder too.")) +
            QStringLiteral("</p>\n");
    const QString field =
        QStringLiteral("<label for=\"code\">") + esc(tr("Code")) +
        QStringLiteral("</label>\n<input type=\"text\" id=\"code\" name=\"code\" inputmode=\"numeric\" "
                       "autocomplete=\"one-time-code\" pattern=\"[0-9 ]*\" maxlength=\"12\" required "
                       "autofocus>\n");
    body += form(QStringLiteral("/redeem/") + token + QStringLiteral("/code"), csrf, field, tr("Sign in"),
                 QStringLiteral("enter-code"));
    body += form(QStringLiteral("/redeem/") + token + QStringLiteral("/passcode"), csrf, {}, tr("Send a new code"),
                 QStringLiteral("resend-code"), true);
    return layout(tr("Enter your code"), inv.organizationName, body);
}

QByteArray Pages::consent(const RedeemStep &s, const QString &csrf) const {
    const auto &inv = s.invitation;
    QString body;
    body += QStringLiteral("<p>") +
            esc(tr("%1 would like to:"))
                .arg(QStringLiteral("<strong>") + esc(inv.organizationName) + QStringLiteral("</strong>")) +
            QStringLiteral("</p>\n<ul class=\"shared\" id=\"shared-data\">\n<li>") +
            esc(tr("Sign you in to its applications as a guest")) + QStringLiteral("</li>\n<li>") +
            esc(tr("Read your name and email address (%1)")).arg(esc(inv.email)) + QStringLiteral("</li>\n<li>") +
            esc(tr("Keep directory identifiers for you: your guest account and sign-in identity")) +
            QStringLiteral("</li>\n</ul>\n");
    if (!inv.privacyStatementUrl.isEmpty()) {
        body += QStringLiteral("<p>") + esc(tr("Read how %1 handles your data:")).arg(esc(inv.organizationName)) +
                QStringLiteral(" <a id=\"privacy\" rel=\"noreferrer noopener\" href=\"") +
                esc(inv.privacyStatementUrl) + QStringLiteral("\">") + esc(tr("privacy statement")) +
                QStringLiteral("</a></p>\n");
    } else {
        body += QStringLiteral("<p class=\"muted\" id=\"privacy\">") +
                esc(tr("%1 has not published a privacy statement.")).arg(esc(inv.organizationName)) +
                QStringLiteral("</p>\n");
    }
    body += QStringLiteral("<p class=\"muted\">") + esc(tr("After you accept, you will be taken to:")) +
            QStringLiteral(" <span class=\"who\" id=\"redirect\">") + esc(inv.redirectUrl) +
            QStringLiteral("</span></p>\n");
    body += form(QStringLiteral("/consent"), csrf, {}, tr("Accept"), QStringLiteral("accept"));
    return layout(tr("Review permissions"), inv.organizationName, body);
}

QByteArray Pages::problem(const RedeemStep &s, const QString &token, const QString &csrf) const {
    const auto &inv = s.invitation;
    QString title;
    QString text;
    QString extra;
    switch (s.problem) {
    case RedeemProblem::None:
    case RedeemProblem::UnknownLink:
        title = tr("This link does not work");
        text = tr("The invitation link is not valid. It may be incomplete, or the invitation was withdrawn. Ask the "
                  "person who invited you for a new invitation.");
        break;
    case RedeemProblem::AlreadyRedeemed:
        title = tr("Invitation already accepted");
        text = tr("This invitation has already been accepted. Invitation links work once; sign in to the "
                  "application directly instead.");
        break;
    case RedeemProblem::Superseded:
        title = tr("This link was replaced");
        text = tr("A newer invitation replaced this one. Use the link in the most recent invitation email.");
        break;
    case RedeemProblem::Expired:
        title = tr("This invitation has expired");
        text = tr("Ask the person who invited you to send a new invitation.");
        break;
    case RedeemProblem::DomainBlocked:
        title = tr("Invitations to your organization are not allowed");
        text = tr("%1 no longer accepts guests from your email domain, so this invitation cannot be accepted. "
                  "Contact the person who invited you.")
                   .arg(inv.organizationName);
        break;
    case RedeemProblem::SignInBlocked:
        title = tr("Sign-in is blocked");
        text = tr("Your guest account at %1 is blocked from signing in. Contact the person who invited you.")
                   .arg(inv.organizationName);
        break;
    case RedeemProblem::ExternalProvider:
        title = tr("Sign in with your own account");
        text = tr("You would sign in with %1 to accept this invitation. This portal cannot send you there yet; "
                  "contact the person who invited you.")
                   .arg(inv.idp.displayName);
        break;
    case RedeemProblem::TooManyResends:
        title = tr("Too many codes requested");
        text = tr("You asked for several codes in the last hour. Use the most recent code, or try again later.");
        break;
    case RedeemProblem::NoActiveCode:
    case RedeemProblem::CodeExpired:
    case RedeemProblem::TooManyAttempts:
    case RedeemProblem::WrongCode:
        title = tr("Get a new code");
        text = s.problem == RedeemProblem::CodeExpired
                   ? tr("The code has expired.")
                   : (s.problem == RedeemProblem::TooManyAttempts ? tr("The code was entered wrongly too often.")
                                                                  : tr("There is no valid code for this invitation."));
        if (!token.isEmpty()) {
            extra = form(QStringLiteral("/redeem/") + token + QStringLiteral("/passcode"), csrf, {},
                         tr("Send a new code"), QStringLiteral("send-code"));
        }
        break;
    case RedeemProblem::SessionInvalid:
        title = tr("Your session has ended");
        text = tr("Open the link in your invitation email again to continue.");
        break;
    case RedeemProblem::TermsNotAccepted:
        title = tr("Terms of use");
        text = tr("You need to accept the terms of use to continue.");
        break;
    }
    const QString body = QStringLiteral("<p class=\"error\" id=\"problem\" data-problem=\"") +
                         core::redeemProblemKey(s.problem) + QStringLiteral("\">") + esc(text) +
                         QStringLiteral("</p>\n") + extra;
    return layout(title, inv.organizationName, body);
}

QByteArray Pages::unsubscribeConfirm(const RedeemStep &s, const QString &token, const QString &csrf) const {
    const auto &inv = s.invitation;
    QString body = QStringLiteral("<p>") +
                   esc(tr("Stop invitation emails from %1 to %2?")).arg(esc(inv.organizationName), esc(inv.email)) +
                   QStringLiteral("</p>\n");
    body += form(QStringLiteral("/unsubscribe/") + token, csrf, {}, tr("Block future invitations"),
                 QStringLiteral("unsubscribe"));
    return layout(tr("Block future invitations"), inv.organizationName, body);
}

QByteArray Pages::unsubscribeDone(const RedeemStep &s) const {
    const auto &inv = s.invitation;
    const QString body =
        QStringLiteral("<p class=\"notice\" id=\"message\">") +
        esc(tr("%1 will not send invitation emails to %2 any more.")).arg(esc(inv.organizationName), esc(inv.email)) +
        QStringLiteral("</p>\n");
    return layout(tr("You will get no more invitations"), inv.organizationName, body);
}

QByteArray Pages::message(const QString &title, const QString &text) const {
    return layout(title, {},
                  QStringLiteral("<p class=\"error\" id=\"problem\">") + esc(text) + QStringLiteral("</p>\n"));
}

QByteArray Pages::terms(const QString &organization, const QString &termsUrl, const QString &termsText,
                        const QString &action, const QString &csrf) const {
    QString body = QStringLiteral("<p>") + esc(tr("%1 asks you to accept its terms of use.")).arg(esc(organization)) +
                   QStringLiteral("</p>\n");
    if (!termsText.isEmpty()) {
        body += QStringLiteral("<div class=\"terms\" id=\"terms-text\">\n");
        const QStringList paragraphs = termsText.split(QStringLiteral("\n\n"), Qt::SkipEmptyParts);
        for (const QString &p : paragraphs) {
            body += QStringLiteral("<p>") + esc(p.trimmed()).replace(QLatin1Char('\n'), QStringLiteral("<br>")) +
                    QStringLiteral("</p>\n");
        }
        body += QStringLiteral("</div>\n");
    }
    if (!termsUrl.isEmpty()) {
        body += QStringLiteral("<p><a id=\"terms-link\" rel=\"noreferrer noopener\" href=\"") + esc(termsUrl) +
                QStringLiteral("\">") + esc(tr("Read the terms of use")) + QStringLiteral("</a></p>\n");
    }
    body += form(action, csrf, QStringLiteral("<input type=\"hidden\" name=\"acceptTerms\" value=\"1\">\n"),
                 tr("Accept the terms"), QStringLiteral("accept-terms"));
    return layout(tr("Terms of use"), organization, body);
}

namespace {
QString signUpPath(const core::SignUpStep &s, const QString &sub = {}) {
    return QStringLiteral("/signup/") + s.flow.name + sub;
}
} // namespace

QByteArray Pages::signUpEmail(const core::SignUpStep &s, const QString &csrf, const QString &msg) const {
    QString body;
    if (!msg.isEmpty()) {
        body +=
            QStringLiteral("<p class=\"error\" id=\"message\" role=\"alert\">") + esc(msg) + QStringLiteral("</p>\n");
    }
    body += QStringLiteral("<p>") +
            esc(tr("Sign up as a guest of %1 to use its applications."))
                .arg(QStringLiteral("<strong>") + esc(s.organizationName) + QStringLiteral("</strong>")) +
            QStringLiteral("</p>\n<p class=\"notice\">") +
            esc(tr("We will send an 8-digit code to your email address to confirm that it is yours. The code is "
                   "valid for %1 minutes."))
                .arg(s.validMinutes) +
            QStringLiteral("</p>\n");
    const QString field = QStringLiteral("<label for=\"email\">") + esc(tr("Email address")) +
                          QStringLiteral("</label>\n<input type=\"email\" id=\"email\" name=\"email\" "
                                         "autocomplete=\"email\" maxlength=\"320\" required autofocus value=\"") +
                          esc(s.email) + QStringLiteral("\">\n");
    body += form(signUpPath(s, QStringLiteral("/email")), csrf, field, tr("Send code"), QStringLiteral("send-code"));
    return layout(tr("Sign up"), s.organizationName, body);
}

QByteArray Pages::signUpCode(const core::SignUpStep &s, const QString &csrf, const QString &msg) const {
    QString body;
    if (!msg.isEmpty()) {
        body +=
            QStringLiteral("<p class=\"error\" id=\"message\" role=\"alert\">") + esc(msg) + QStringLiteral("</p>\n");
    }
    body += QStringLiteral("<p>") + esc(tr("We sent a code to")) +
            QStringLiteral(" <span class=\"who\" id=\"email\">") + esc(s.email) + QStringLiteral("</span>. ") +
            esc(tr("Enter it below. It may take a minute to arrive; check your junk mail folder too.")) +
            QStringLiteral("</p>\n");
    const QString field =
        QStringLiteral("<label for=\"code\">") + esc(tr("Code")) +
        QStringLiteral("</label>\n<input type=\"text\" id=\"code\" name=\"code\" inputmode=\"numeric\" "
                       "autocomplete=\"one-time-code\" pattern=\"[0-9 ]*\" maxlength=\"12\" required autofocus>\n");
    body += form(signUpPath(s, QStringLiteral("/code")), csrf, field, tr("Verify"), QStringLiteral("enter-code"));
    body += QStringLiteral("<p class=\"muted\"><a id=\"start-over\" href=\"") + esc(url(signUpPath(s))) +
            QStringLiteral("\">") + esc(tr("Use another address or get a new code")) + QStringLiteral("</a></p>\n");
    return layout(tr("Enter your code"), s.organizationName, body);
}

QByteArray Pages::signUpAttributes(const core::SignUpStep &s, const QString &csrf) const {
    QString body;
    if (!s.message.isEmpty()) {
        body += QStringLiteral("<p class=\"error\" id=\"message\" role=\"alert\" data-problem=\"") +
                core::signUpProblemKey(s.problem) + QStringLiteral("\">") + esc(s.message) + QStringLiteral("</p>\n");
    }
    body += QStringLiteral("<p>") + esc(tr("Signing up as")) + QStringLiteral(" <span class=\"who\" id=\"email\">") +
            esc(s.email) + QStringLiteral("</span></p>\n");
    QString fields;
    for (const core::UserFlowAttribute &a : s.flow.attributes) {
        const QString id = QStringLiteral("attr-") + a.name;
        fields += QStringLiteral("<label for=\"") + esc(id) + QStringLiteral("\">") +
                  esc(core::userFlowAttributeLabel(a.name)) +
                  (a.required ? QString()
                              : QStringLiteral(" <span class=\"muted\">(") + esc(tr("optional")) +
                                    QStringLiteral(")</span>")) +
                  QStringLiteral("</label>\n<input type=\"text\" id=\"") + esc(id) + QStringLiteral("\" name=\"") +
                  esc(a.name) + QStringLiteral("\" maxlength=\"256\" value=\"") + esc(s.values.value(a.name)) +
                  QStringLiteral("\"") + (a.required ? QStringLiteral(" required") : QString()) +
                  (s.field == a.name ? QStringLiteral(" aria-invalid=\"true\" autofocus") : QString()) +
                  QStringLiteral(">\n");
    }
    body +=
        form(signUpPath(s, QStringLiteral("/attributes")), csrf, fields, tr("Continue"), QStringLiteral("attributes"));
    return layout(tr("About you"), s.organizationName, body);
}

QByteArray Pages::signUpConsent(const core::SignUpStep &s, const QString &csrf) const {
    QString body;
    body += QStringLiteral("<p>") +
            esc(tr("%1 would like to:"))
                .arg(QStringLiteral("<strong>") + esc(s.organizationName) + QStringLiteral("</strong>")) +
            QStringLiteral("</p>\n<ul class=\"shared\" id=\"shared-data\">\n<li>") +
            esc(tr("Sign you in to its applications as a guest")) + QStringLiteral("</li>\n<li>") +
            esc(tr("Read your name and email address (%1)")).arg(esc(s.email)) + QStringLiteral("</li>\n<li>") +
            esc(tr("Keep directory identifiers for you: your guest account and sign-in identity")) +
            QStringLiteral("</li>\n</ul>\n");
    if (!s.privacyStatementUrl.isEmpty()) {
        body += QStringLiteral("<p>") + esc(tr("Read how %1 handles your data:")).arg(esc(s.organizationName)) +
                QStringLiteral(" <a id=\"privacy\" rel=\"noreferrer noopener\" href=\"") + esc(s.privacyStatementUrl) +
                QStringLiteral("\">") + esc(tr("privacy statement")) + QStringLiteral("</a></p>\n");
    }
    body += QStringLiteral("<p class=\"muted\">") + esc(tr("After you accept, you will be taken to:")) +
            QStringLiteral(" <span class=\"who\" id=\"redirect\">") + esc(s.redirectUrl) +
            QStringLiteral("</span></p>\n");
    body += form(signUpPath(s, QStringLiteral("/consent")), csrf, {}, tr("Accept"), QStringLiteral("accept"));
    return layout(tr("Review permissions"), s.organizationName, body);
}

QByteArray Pages::signUpProblem(const core::SignUpStep &s, const QString &csrf) const {
    using core::SignUpProblem;
    QString title;
    QString text;
    QString extra;
    const bool restart = !s.flow.name.isEmpty();
    switch (s.problem) {
    case SignUpProblem::None:
    case SignUpProblem::UnknownFlow:
        title = tr("Page not found");
        text = tr("There is no sign-up at this address.");
        break;
    case SignUpProblem::FlowDisabled:
        title = tr("Sign-up is not available");
        text = tr("%1 does not accept sign-ups here at the moment.").arg(s.organizationName);
        break;
    case SignUpProblem::InvalidEmail:
        title = tr("Check your email address");
        text = s.message;
        break;
    case SignUpProblem::DomainBlocked:
        title = tr("Sign-up is not allowed for your address");
        text = tr("%1 does not accept guests from your email domain.").arg(s.organizationName);
        break;
    case SignUpProblem::AlreadyRegistered:
        title = tr("You already have an account");
        text = tr("%1 already has a guest account for this address. Sign in to the application instead.")
                   .arg(s.organizationName);
        break;
    case SignUpProblem::TooManyResends:
        title = tr("Too many codes requested");
        text = tr("You asked for several codes in the last hour. Use the most recent code, or try again later.");
        break;
    case SignUpProblem::NoActiveCode:
    case SignUpProblem::WrongCode:
    case SignUpProblem::CodeExpired:
    case SignUpProblem::TooManyAttempts:
        title = tr("Get a new code");
        text = s.problem == SignUpProblem::CodeExpired
                   ? tr("The code has expired.")
                   : (s.problem == SignUpProblem::TooManyAttempts ? tr("The code was entered wrongly too often.")
                                                                  : tr("There is no valid code for this sign-up."));
        break;
    case SignUpProblem::SessionInvalid:
        title = tr("Your session has ended");
        text = tr("Start the sign-up again.");
        break;
    case SignUpProblem::Blocked:
        title = tr("Sign-up is blocked");
        text = s.message.isEmpty() ? tr("%1 cannot complete your sign-up.").arg(s.organizationName) : s.message;
        break;
    case SignUpProblem::ConnectorFailed:
    case SignUpProblem::ValidationError:
    case SignUpProblem::InvalidAttribute:
        title = tr("Sign-up could not be completed");
        text = tr("Something went wrong while checking your sign-up. Nothing was saved; please try again later.");
        break;
    case SignUpProblem::TermsNotAccepted:
        title = tr("Terms of use");
        text = tr("You need to accept the terms of use to continue.");
        break;
    }
    if (restart && s.problem != SignUpProblem::UnknownFlow && s.problem != SignUpProblem::FlowDisabled &&
        s.problem != SignUpProblem::Blocked && s.problem != SignUpProblem::ConnectorFailed &&
        s.problem != SignUpProblem::DomainBlocked) {
        extra = QStringLiteral("<p><a id=\"start-over\" href=\"") + esc(url(QStringLiteral("/signup/") + s.flow.name)) +
                QStringLiteral("\">") + esc(tr("Start again")) + QStringLiteral("</a></p>\n");
    }
    Q_UNUSED(csrf)
    const QString body = QStringLiteral("<p class=\"error\" id=\"problem\" data-problem=\"") +
                         core::signUpProblemKey(s.problem) + QStringLiteral("\">") + esc(text) +
                         QStringLiteral("</p>\n") + extra;
    return layout(title, s.organizationName, body);
}

} // namespace atrium::portal
