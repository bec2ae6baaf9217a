#pragma once

#include "clicommon.h"

namespace atrium::cli {

// atriumctl guests / export guests / bench-seed (issue 3).
void registerGuestCommands(CommandMap &commands);

} // namespace atrium::cli
