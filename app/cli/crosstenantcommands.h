#pragma once

#include "clicommon.h"

namespace atrium::cli {

// atriumctl crosstenant export --json | crosstenant import FILE [--dry-run] | crosstenant partners
// [--search TEXT] [--json], and `whatif access ...`. Call AFTER registerInvitationCommands: the
// existing `whatif` command (whatif invite) is kept and `whatif access` is chained in front of it.
void registerCrossTenantCommands(CommandMap &commands);

} // namespace atrium::cli
