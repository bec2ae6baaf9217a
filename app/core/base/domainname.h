#pragma once

#include "core/base/result.h"

#include <QString>

namespace atrium::core {

// Canonical form of a DNS domain for comparison and storage: lower case, ASCII-compatible
// encoding (IDNA: "bücher.example" and "xn--bcher-kva.example" are the same), no trailing dot.
// Refuses schemes, paths, ports, '@', spaces and malformed labels with a specific message.
Result<QString> normalizeDomain(const QString &input);

// True when `domain` is `parent` or lies inside it ("mail.contoso.com" in "contoso.com");
// "evil-contoso.com" is not inside "contoso.com". Both must be normalized.
bool isSameOrSubdomain(const QString &domain, const QString &parent);

// The Unicode form of a normalized domain, for display.
QString domainForDisplay(const QString &normalized);

} // namespace atrium::core
