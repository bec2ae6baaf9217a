#pragma once

#include "core/base/result.h"

#include <QHash>
#include <QString>

namespace atrium::core {

// A tiny template language for mail: {{name}} inserts a value, {{#name}}...{{/name}} keeps the
// section only when the value is not empty. One pass: text inserted from a value is never read as
// template syntax again, so a personal message containing "{{acceptUrl}}" stays literal.
// An unknown name or an unclosed section is a bug in the template (ErrorCode::Internal).
// Values are inserted as given: the caller escapes them for the output format.
Result<QString> renderMailTemplate(const QString &templateText, const QHash<QString, QString> &values);

} // namespace atrium::core
