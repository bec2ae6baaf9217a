#pragma once

#include "core/base/enums.h"

#include <QSet>
#include <QString>
#include <QStringList>

namespace atrium::core {

// Who is acting, as far as the policy engine needs to know.
struct OperatorContext {
    QString userId;
    UserType userType = UserType::Member;
    QSet<Role> roles;
    // Owner of every group and application in the request: the owners' self-service path (SPEC §10).
    // It lets the operator add the guest to those targets; it never bypasses allowInvitesFrom.
    bool ownsAllTargets = false;
};

// What is asked for.
struct InviteRequest {
    QString email;
    QStringList groupIds;
    QStringList appIds;
    UserType invitedUserType = UserType::Guest;
};

} // namespace atrium::core
