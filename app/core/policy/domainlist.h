#pragma once

#include "core/base/result.h"

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace atrium::core {

struct CollaborationSettings;

// Matching rules of the allow/deny list (documented here because admins ask, and the console's
// help text repeats them):
// - An entry "contoso.com" on the ALLOW list admits exactly contoso.com. Subdomains must be listed
//   with a wildcard: "*.contoso.com" admits eu.contoso.com, a.eu.contoso.com, ... but not
//   contoso.com itself (list both to admit both). An allow list is a promise about who may come in,
//   so it never widens silently.
// - An entry "contoso.com" on the DENY list refuses contoso.com AND every subdomain of it
//   (eu.contoso.com): a subdomain belongs to the same organization, and a block that a subdomain
//   escapes is a hole, not a feature. "*.contoso.com" on the deny list refuses only the subdomains.
// - Matching is by whole labels: neither contoso.com nor *.contoso.com ever matches
//   evil-contoso.com or contoso.com.evil.example. Case, a trailing dot and IDNA forms
//   (bücher.example = xn--bcher-kva.example) are normalized away before comparing.
// - A wildcard is only allowed as the whole first label ("*.contoso.com"), over a valid domain of
//   at least two labels ("*.com" is refused).

// The canonical form of one list entry: normalizeDomain() of the domain, with a leading "*."
// kept for wildcard entries. Refuses with a user-readable message naming the entry.
Result<QString> normalizeDomainListEntry(const QString &input);

// True for a normalized wildcard entry ("*.contoso.com").
inline bool isWildcardEntry(const QString &entry) {
    return entry.startsWith(QLatin1String("*."));
}

// Parses and validates a domain list typed or pasted by an admin (one per line, or separated by
// commas, semicolons or whitespace).
struct DomainListParse {
    QStringList domains;                   // normalized, in input order, exact duplicates dropped
    QList<QPair<int, QString>> problems;   // (1-based line, message): bad entries and the size limit
    QList<QPair<int, QString>> duplicates; // (line, message): dropped exact duplicates; not errors
    bool ok() const { return problems.isEmpty(); }
};
// Checks the 25,000-character policy limit against default settings.
DomainListParse parseDomainList(const QString &text);
// Checks the 25,000-character policy limit given the other settings (their `domains` is ignored).
// The limit problem names the line of the first entry that no longer fits.
DomainListParse parseDomainList(const QString &text, const CollaborationSettings &otherSettings);

} // namespace atrium::core
