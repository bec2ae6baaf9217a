#pragma once

namespace atrium::ui {

// Registers the icons compiled into this static library; the linker would otherwise drop them
// because nothing refers to them by symbol. Idempotent.
void initResources();

} // namespace atrium::ui
