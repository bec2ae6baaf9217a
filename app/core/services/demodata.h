#pragma once

#include "core/base/clock.h"
#include "core/base/result.h"

#include <QJsonObject>

namespace atrium::core {

class Database;

struct DemoSummary {
    QString displayName;
    int members = 0;
    int guests = 0;
    int groups = 0;
    int applications = 0;
    QJsonObject toJson() const;
};

// Fills an empty database with the realistic sample directory "Fabrikam" (fabrikam.example): members
// holding each role, groups and applications with owners, and guests from partner organizations in
// every state. Everything is created through the services, so the audit log tells how it came to be.
Result<DemoSummary> seedDemoDirectory(Database &db, const Clock &clock);

} // namespace atrium::core
