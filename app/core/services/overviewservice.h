#pragma once

#include "core/services/servicecontext.h"

namespace atrium::core {

struct OverviewCounts {
    qint64 members = 0;
    qint64 guests = 0;
    qint64 guestsPending = 0;
    qint64 guestsAccepted = 0;
    qint64 guestsPendingOver7Days = 0;
    qint64 guestsSignInBlocked = 0;
    qint64 groups = 0;
    qint64 applications = 0;
    int builtInIdentityProviders = 3; // partner directory, Microsoft account, email one-time passcode
    qint64 configuredIdentityProviders = 0; // SAML/WS-Fed, Google, Facebook, OpenID Connect
    qint64 partners = 0;                    // cross-tenant partner organizations
    QJsonObject toJson() const;
};

class OverviewService final {
public:
    explicit OverviewService(ServiceContext ctx) : m_ctx(std::move(ctx)) {}
    // One aggregate query (indexed), never a scan per pane.
    Result<OverviewCounts> counts() const;

private:
    ServiceContext m_ctx;
};

} // namespace atrium::core
