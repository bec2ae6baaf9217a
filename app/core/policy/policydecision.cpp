#include "core/policy/policydecision.h"

#include <QJsonArray>

namespace atrium::core {

QJsonObject PolicyDecision::toJson() const {
    QJsonArray steps;
    for (const TraceStep &s : trace) {
        steps.append(QJsonObject{{QStringLiteral("rule"), s.rule},
                                 {QStringLiteral("input"), s.input},
                                 {QStringLiteral("verdict"), s.verdict},
                                 {QStringLiteral("decisive"), s.decisive},
                                 {QStringLiteral("passed"), s.passed}});
    }
    return QJsonObject{{QStringLiteral("allowed"), allowed},
                       {QStringLiteral("decidingRule"), decidingRule},
                       {QStringLiteral("reason"), reason},
                       {QStringLiteral("trace"), steps}};
}

} // namespace atrium::core
