#pragma once

#include "core/base/result.h"

#include <QString>

namespace atrium::core {

// An invitee's address, validated by parseEmailAddress(). `local` keeps the case the user typed
// (mail servers may treat it case-sensitively, so we send to it unchanged); `domain` is the
// normalized ASCII-compatible form (lower case, IDNA "xn--" labels).
struct EmailAddress {
    QString local;
    QString domain;

    // The comparison/storage key: local part lower-cased + '@' + normalized domain. Two addresses
    // are "the same invitee" when their normalized() forms are equal.
    QString normalized() const;
    // For people: the local part as typed + '@' + the Unicode form of the domain.
    QString display() const;

    friend bool operator==(const EmailAddress &, const EmailAddress &) = default;
};

// Validates an address per SPEC §2. Surrounding spaces and tabs are trimmed (pasted from a
// spreadsheet); everything else is refused with a message naming the offending character or part:
// control characters (CR, LF, NUL, ...), inner spaces, not exactly one '@', the disallowed characters
// ~ ! # $ % ^ & * ( ) + = [ ] { } \ / | ; : " < > ? , in the local part, '.' or '-' at the start or
// end of the local part, ".." (RFC 5321 dot-string), non-ASCII local parts (only the domain may be
// internationalized), local part > 64 or whole address (ASCII form) > 254 characters, and a domain
// normalizeDomain() refuses. '_' is allowed anywhere. Errors have code Invalid and field "email".
Result<EmailAddress> parseEmailAddress(const QString &input);

} // namespace atrium::core
