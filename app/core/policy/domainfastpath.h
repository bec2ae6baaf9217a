#pragma once

#include "core/base/result.h"

#include <QString>
#include <QStringView>

namespace atrium::core {

// Exactly normalizeDomain(), but plain ASCII domains (the common case: letters, digits, '-', '.',
// no "xn--"-style labels) are checked and lower-cased here without QUrl::toAce, which costs
// microseconds; anything else, including every input that is refused, goes to normalizeDomain()
// for its result and message. The policy engine normalizes the domain of every request, so this
// is what keeps it above a million decisions a second. (It belongs in core/base/domainname.cpp;
// kept here until the base owner takes it.)
Result<QString> normalizeDomainFast(const QString &input);

// The fast path alone: true and `out` set when `input` is a plain ASCII domain that
// normalizeDomain() would accept unchanged apart from case and one trailing dot.
bool normalizePlainAsciiDomain(QStringView input, QString &out);

} // namespace atrium::core
