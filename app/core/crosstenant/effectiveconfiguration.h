#pragma once

#include "core/crosstenant/crosstenantconfiguration.h"

#include <QJsonObject>

#include <array>

namespace atrium::core {

template <typename T> struct Resolved {
    T value{};
    Provenance provenance = Provenance::Default;
};

// The settings in force for one partner (or for a tenant that is no partner: the default), each
// with where it came from. Resolution is per property: a partner's value wins, an empty one is the
// default's value ("inherited from default"); for a non-partner every value is "default".
struct EffectiveConfiguration {
    Resolved<B2BSetting> b2bCollaborationInbound;
    Resolved<B2BSetting> b2bCollaborationOutbound;
    Resolved<B2BSetting> b2bDirectConnectInbound;
    Resolved<B2BSetting> b2bDirectConnectOutbound;
    Resolved<InboundTrust> inboundTrust;
    Resolved<bool> automaticRedemptionInbound;
    Resolved<bool> automaticRedemptionOutbound;

    // `def` must be a complete default (validateConfiguration); `partner` null for "no partner".
    static EffectiveConfiguration resolve(const CrossTenantConfiguration &def, const CrossTenantConfiguration *partner);

    Provenance provenance(CrossTenantProperty p) const;
    const Resolved<B2BSetting> &setting(CrossTenantProperty p) const; // only the four B2B settings
    // The effective values as a complete configuration (for display and export of "what applies").
    CrossTenantConfiguration values() const;
    // {"<property path>": {"value": <Graph JSON>, "provenance": "partner"}, ...}
    QJsonObject toJson() const;
};

} // namespace atrium::core
