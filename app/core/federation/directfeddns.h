#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QUrl>

namespace atrium::core {

// SPEC §6: when the passive sign-in endpoint's host is neither the federated domain nor inside it,
// the partner must publish a TXT record "DirectFedAuthUrl=<endpoint>" on the domain.

// True when the endpoint's host is not the domain or a subdomain of it (an IP address or an
// unparsable host always needs the record). Both are normalized here (case, IDNA, trailing dot).
bool needsDirectFedDnsRecord(const QString &federatedDomain, const QUrl &endpoint);

// True when one of the TXT records (each the concatenation of its character-strings) is
// "DirectFedAuthUrl=<endpoint>". The key is case-insensitive; the URL is compared as a URL
// (scheme and host case-insensitive, a trailing slash ignored, the path case-sensitive).
bool txtRecordsAuthorize(const QList<QByteArray> &txtRecords, const QUrl &endpoint);

struct DirectFedDnsOutcome {
    enum class State {
        NotNeeded,    // the endpoint is on the domain: no record required
        Found,        // the record is there
        NotFound,     // the lookup worked (or the domain has no TXT records) and the record is missing
        LookupFailed, // DNS failed: nothing can be said
    };
    State state = State::LookupFailed;
    QString expectedRecord; // "DirectFedAuthUrl=https://sts.example/adfs/ls/"
    QList<QByteArray> recordsSeen;
    QString message; // translated sentence for the console
};

QString toString(DirectFedDnsOutcome::State s); // "NotNeeded", "Found", "NotFound", "LookupFailed"

} // namespace atrium::core
