#pragma once

#include "clicommon.h"

namespace atrium::cli {

// `atriumctl operator create|sync|grants`: database logins of operators on a shared PostgreSQL
// directory (see core/services/pgaccess.h). The lead wires this into cli.cpp's commands().
void registerOperatorCommands(CommandMap &commands);

} // namespace atrium::cli
