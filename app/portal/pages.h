#pragma once

#include "core/redemption/redemptionservice.h"

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

    static QString tr(const char *text);
    static QString tr(const char *text, int n); // plural forms: "%n" in text

private:
    QByteArray layout(const QString &title, const QString &organization, const QString &body) const;
    QString form(const QString &action, const QString &csrf, const QString &fields, const QString &button,
                 const QString &id, bool secondary = false) const;

    QString m_baseUrl;
};

} // namespace atrium::portal
