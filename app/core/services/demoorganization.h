#pragma once

#include "core/base/clock.h"
#include "core/base/result.h"

#include "core/services/operator.h"

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

struct DemoOrganization {
    DemoSummary summary;
    Operator administrator; // the creator (Global Administrator)
    QStringList groupIds;
    QStringList applicationIds;
};

// The organization part of the sample directory "Fabrikam" (fabrikam.example): members holding each
// role, groups and applications with owners. Everything is created through the services, so the audit
// log tells how it came to be. The guests are added by seedDemoDirectory (core/invitations).
Result<DemoOrganization> seedDemoOrganization(Database &db, const Clock &clock);

} // namespace atrium::core
