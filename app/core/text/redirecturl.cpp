#include "core/text/redirecturl.h"

#include <QCoreApplication>

namespace atrium::core {
namespace {
QString tr(const char *text) {
    return QCoreApplication::translate("atrium::core::RedirectUrl", text);
}

const QLatin1String kField("redirectUrl");

Error invalid(const QString &message) {
    return Error::invalid(message, kField);
}

bool isLoopbackHost(const QString &host) {
    // QUrl::host() gives IPv6 literals without brackets and lower-cases names.
    return host == QLatin1String("localhost") || host == QLatin1String("127.0.0.1") || host == QLatin1String("::1");
}

// The raw "user@host:port" part, so that an empty user info ("https://@evil.example") is caught too.
QString authorityOf(const QString &url) {
    const qsizetype start = url.indexOf(QLatin1String("://"));
    if (start < 0) {
        return {};
    }
    qsizetype end = start + 3;
    while (end < url.size() && url.at(end) != QLatin1Char('/') && url.at(end) != QLatin1Char('?') &&
           url.at(end) != QLatin1Char('#')) {
        ++end;
    }
    return url.mid(start + 3, end - start - 3);
}
} // namespace

Result<QUrl> parseRedirectUrl(const QString &input) {
    if (!input.isValidUtf16()) {
        // QUrl would percent-encode the broken surrogate into a different URL than the one typed.
        return invalid(tr("The redirect URL contains broken Unicode (an unpaired surrogate)."));
    }
    for (const QChar c : input) {
        if (c == QLatin1Char('\r') || c == QLatin1Char('\n')) {
            return invalid(tr("The redirect URL contains a line break."));
        }
        if (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format) {
            return invalid(tr("The redirect URL contains a control character."));
        }
    }
    const QString s = input.trimmed();
    if (s.isEmpty()) {
        return invalid(tr("The redirect URL is empty; enter an address like https://myapps.contoso.com."));
    }
    if (s.size() > kRedirectUrlMaxLength) {
        return invalid(tr("The redirect URL is longer than %1 characters.").arg(kRedirectUrlMaxLength));
    }
    for (const QChar c : s) {
        if (c.isSpace()) {
            return invalid(tr("The redirect URL contains a space; encode it as %20 or remove it."));
        }
    }
    const QUrl url(s, QUrl::StrictMode);
    if (!url.isValid()) {
        return invalid(tr("\"%1\" is not a valid URL: %2").arg(s, url.errorString()));
    }
    if (url.isRelative() || url.scheme().isEmpty()) {
        return invalid(tr("\"%1\" is not an absolute URL; it must start with https://.").arg(s));
    }
    const QString scheme = url.scheme(); // QUrl lower-cases the scheme
    if (scheme != QLatin1String("https") && scheme != QLatin1String("http")) {
        return invalid(tr("\"%1\" uses the scheme \"%2\"; the redirect URL must start with https://.").arg(s, scheme));
    }
    if (url.host().isEmpty()) {
        return invalid(tr("\"%1\" has no host name.").arg(s));
    }
    if (!url.userInfo().isEmpty() || authorityOf(s).contains(QLatin1Char('@'))) {
        return invalid(tr("\"%1\" contains a user name or password; remove the part before \"@\".").arg(s));
    }
    if (scheme == QLatin1String("http") && !isLoopbackHost(url.host())) {
        return invalid(tr("\"%1\" uses http; only https is allowed (http only for localhost).").arg(s));
    }
    return url;
}

} // namespace atrium::core
