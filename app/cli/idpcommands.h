#pragma once

#include "clicommon.h"

namespace atrium::cli {

// atriumctl idp list|add-saml|show|refresh|remove|resolve|order ... (issue 6).
void registerIdpCommands(CommandMap &commands);

} // namespace atrium::cli
