#pragma once

#include "core/base/result.h"
#include "core/mail/mailmessage.h"

#include <QByteArray>

namespace atrium::core {

// RFC 5322 message with MIME (RFC 2045-2047): a text/plain and/or text/html body in UTF-8,
// quoted-printable, as multipart/alternative when both are set; RFC 2047 encoded-words for
// non-ASCII display names and subject; headers folded at 78 columns; CRLF line ends.
//
// Header injection is impossible by construction: CR, LF or NUL in any header value, display
// name, address or extra header is refused with ErrorCode::Invalid whose `field` names the
// header. Extra headers may not replace the headers composeMime writes itself (From, To, ...).
Result<QByteArray> composeMime(const MailMessage &m);

// Checks one address for use in a header and in the SMTP envelope: a dot-atom local part (ASCII),
// a domain (IDNA allowed, returned in ACE form), no control characters. Returns the address as
// it is written on the wire ("alice@xn--bcher-kva.example").
Result<QString> wireMailAddress(const QString &address, const QString &field);

} // namespace atrium::core
