#include "ui/resources.h"

#include <QtGlobal>

// Q_INIT_RESOURCE declares a function in the current namespace, so it is called from the global one.
static void initAtriumResources() {
    Q_INIT_RESOURCE(atrium);
}

namespace atrium::ui {

void initResources() {
    static const bool done = [] {
        initAtriumResources();
        return true;
    }();
    Q_UNUSED(done);
}

} // namespace atrium::ui
