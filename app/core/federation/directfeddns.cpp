#include "core/federation/directfeddns.h"

#include "core/base/domainname.h"

#include <QHostAddress>

namespace atrium::core {

namespace {

QUrl comparable(const QUrl &url) {
    QUrl u = url.adjusted(QUrl::NormalizePathSegments | QUrl::StripTrailingSlash | QUrl::RemoveFragment);
    u.setScheme(u.scheme().toLower());
    u.setHost(u.host().toLower());
    if ((u.scheme() == QLatin1String("https") && u.port() == 443) ||
        (u.scheme() == QLatin1String("http") && u.port() == 80)) {
        u.setPort(-1);
    }
    return u;
}

} // namespace

bool needsDirectFedDnsRecord(const QString &federatedDomain, const QUrl &endpoint) {
    const auto domain = normalizeDomain(federatedDomain);
    const QString host = endpoint.host();
    if (!domain || host.isEmpty() || !QHostAddress(host).isNull()) {
        return true;
    }
    const auto normalizedHost = normalizeDomain(host);
    if (!normalizedHost) {
        return true;
    }
    return !isSameOrSubdomain(*normalizedHost, *domain);
}

bool txtRecordsAuthorize(const QList<QByteArray> &txtRecords, const QUrl &endpoint) {
    if (!endpoint.isValid() || endpoint.isEmpty()) {
        return false;
    }
    const QUrl wanted = comparable(endpoint);
    static const QByteArray key = QByteArrayLiteral("directfedauthurl=");
    for (const QByteArray &raw : txtRecords) {
        const QByteArray record = raw.trimmed();
        if (record.size() <= key.size() || record.left(key.size()).toLower() != key) {
            continue;
        }
        const QUrl value(QString::fromUtf8(record.mid(key.size()).trimmed()), QUrl::StrictMode);
        if (value.isValid() && comparable(value) == wanted) {
            return true;
        }
    }
    return false;
}

QString toString(DirectFedDnsOutcome::State s) {
    switch (s) {
    case DirectFedDnsOutcome::State::NotNeeded:
        return QStringLiteral("NotNeeded");
    case DirectFedDnsOutcome::State::Found:
        return QStringLiteral("Found");
    case DirectFedDnsOutcome::State::NotFound:
        return QStringLiteral("NotFound");
    case DirectFedDnsOutcome::State::LookupFailed:
        return QStringLiteral("LookupFailed");
    }
    return {};
}

} // namespace atrium::core
