#pragma once

#include "clicommon.h"

namespace atrium::cli {

// atriumctl userflow list|show|create|delete and connector list|create|delete (issue 7, SPEC §8).
void registerUserFlowCommands(CommandMap &commands);

} // namespace atrium::cli
