#pragma once

#include <QStringList>

namespace atrium::cli {

// Exit codes (also in --help): 0 success, 1 failure, 2 usage error, 3 permission denied,
// 4 conflict (changed by someone else), 5 not found, 6 refused by policy.
int run(const QStringList &arguments);

} // namespace atrium::cli
