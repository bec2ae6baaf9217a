#pragma once

#include "core/text/emailaddress.h"

#include <QString>

namespace atrium::core {

// Guest user principal names (SPEC §1). alice@contoso.com invited into a directory whose initial
// domain is fabrikam.example becomes alice_contoso.com#EXT#@fabrikam.example:
//
//   prefix = lower-cased local part + '_' + normalized (ASCII) domain
//   UPN    = prefix [+ collision suffix] + "#EXT#@" + initial domain (lower-cased)
//
// The local part is lower-cased so that Alice@ and alice@ map to one UPN (addresses are compared
// case-insensitively everywhere else in Atrium too). '#' cannot occur in an address, so "#EXT#" is
// unambiguous.
//
// Collisions: attempt 0 is the base; attempt n > 0 appends "_<n+1>" to the prefix, so the second
// guest with the same base gets "alice_contoso.com_2#EXT#@...", the third "_3", and so on. A domain
// never contains '_' nor is a single label, so a suffixed UPN can never equal another address's base.
//
// Length: the part before '@' (including "#EXT#" and any suffix) is at most kGuestUpnMaxPrefix
// (113) characters. When it would be longer, the prefix is cut to fit and "_" + the first 8 hex digits
// of SHA-256(email.normalized()) are appended before any collision suffix, so the result stays
// deterministic and two long addresses that share their first characters still differ.
inline constexpr int kGuestUpnMaxPrefix = 113;

QString guestUpnBase(const EmailAddress &email, const QString &initialDomain);
QString guestUpnCandidate(const EmailAddress &email, const QString &initialDomain, int attempt);

} // namespace atrium::core
