#pragma once

#include "core/redemption/redemptionservice.h"
#include "core/userflows/signupservice.h"

#include <QByteArray>
#include <QString>

namespace atrium::portal {

// Server-rendered pages of atrium-portal: plain HTML with one style sheet, no script, every
// user-visible string translated (context "atrium::portal::Pages"), every value HTML-escaped.
// Links and form actions are absolute URLs built on the configured portal base URL only.
class Pages final {
public:
    explicit Pages(QString baseUrl);

    const QString &baseUrl() const { return m_baseUrl; }
    QString url(const QString &path) const; // baseUrl + path

    QByteArray landing(const core::RedeemStep &s, const QString &token, const QString &csrf) const;
    QByteArray codeEntry(const core::RedeemStep &s, const QString &token, const QString &csrf, const QString &message,
                         bool isError) const;
    QByteArray consent(const core::RedeemStep &s, const QString &csrf) const;
    QByteArray problem(const core::RedeemStep &s, const QString &token, const QString &csrf) const;
    QByteArray unsubscribeConfirm(const core::RedeemStep &s, const QString &token, const QString &csrf) const;
    QByteArray unsubscribeDone(const core::RedeemStep &s) const;
    QByteArray message(const QString &title, const QString &text) const; // 403, 404, 429, 500 pages
    // Terms of use (SPEC §2), after consent: action is "/terms" or "/signup/<flow>/terms".
    QByteArray terms(const QString &organization, const QString &termsUrl, const QString &termsText,
                     const QString &action, const QString &csrf) const;

    // Self-service sign-up (SPEC §8) through the user flow step.flow.
    QByteArray signUpEmail(const core::SignUpStep &s, const QString &csrf, const QString &message) const;
    QByteArray signUpCode(const core::SignUpStep &s, const QString &csrf, const QString &message) const;
    QByteArray signUpAttributes(const core::SignUpStep &s, const QString &csrf) const; // s.message / s.field shown
    QByteArray signUpConsent(const core::SignUpStep &s, const QString &csrf) const;
    QByteArray signUpProblem(const core::SignUpStep &s, const QString &csrf) const;

    static QString tr(const char *text);
    static QString tr(const char *text, int n); // plural forms: "%n" in text

private:
    QByteArray layout(const QString &title, const QString &organization, const QString &body) const;
    QString form(const QString &action, const QString &csrf, const QString &fields, const QString &button,
                 const QString &id, bool secondary = false) const;

    QString m_baseUrl;
};

} // namespace atrium::portal
