#pragma once

#include "core/base/result.h"

#include <QString>
#include <QUrl>

namespace atrium::core {

// Where a guest lands after redeeming an invitation (SPEC §2). Accepted: an absolute https URL with
// a host; http only for localhost, 127.0.0.1 and [::1] (developers testing an app locally). Refused
// with a specific message: empty, longer than 2048 characters, control characters (CR, LF, NUL, ...),
// spaces, relative URLs, other schemes (javascript:, data:, ftp:, ...), user info ("user:pass@"),
// and malformed URLs. Surrounding spaces are trimmed. Errors have code Invalid and field
// "redirectUrl".
inline constexpr int kRedirectUrlMaxLength = 2048;

Result<QUrl> parseRedirectUrl(const QString &input);

} // namespace atrium::core
