// GraphJson::parse on arbitrary bytes: no crash, hang or unbounded growth, and a file it accepts
// survives export -> import unchanged (the same default, partners and clouds, no new problem or
// warning), which is what moving settings between Atrium and Entra relies on.
#include "core/crosstenant/graphjson.h"

#include <QJsonDocument>
#include <cstdint>
#include <cstdlib>

using namespace atrium::core;

namespace {
void check(bool ok) {
    if (!ok) {
        abort();
    }
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const QByteArray json(reinterpret_cast<const char *>(data), qsizetype(size));
    const CrossTenantImport imp = GraphJson::parse(json);
    for (const ConfigProblem &p : imp.problems) {
        check(!p.path.isEmpty() && !p.message.isEmpty());
    }

    // The storage path reads single configurations without the document checks.
    const QJsonDocument doc = QJsonDocument::fromJson(json);
    if (doc.isObject()) {
        for (bool isDefault : {false, true}) {
            const auto c = GraphJson::configurationFromJson(doc.object(), isDefault, size % 2 == 0);
            check(c.ok() || !c.error().message.isEmpty());
            if (c.ok()) {
                check(c->isDefault == isDefault);
            }
        }
    }

    if (!imp.ok()) {
        return 0;
    }
    const CrossTenantDocument &d = imp.document;
    for (const CrossTenantConfiguration &p : d.partners) {
        check(!p.isDefault && !p.tenantId.isEmpty() && validateConfiguration(p).isEmpty());
    }
    if (d.defaultConfiguration) {
        check(d.defaultConfiguration->isDefault && validateConfiguration(*d.defaultConfiguration).isEmpty());
    }

    const QJsonObject exported = GraphJson::toJson(d);
    const CrossTenantImport again = GraphJson::parse(QJsonDocument(exported).toJson(QJsonDocument::Compact));
    check(again.ok() && again.warnings.isEmpty());
    check(again.document.defaultConfiguration == d.defaultConfiguration);
    check(again.document.partners == d.partners);
    check(again.document.enabledClouds == d.enabledClouds);
    check(GraphJson::toJson(again.document) == exported);
    return 0;
}
