#pragma once

#include "core/base/enums.h"
#include "core/services/operator.h"
#include "core/services/permissions.h"

#include <QString>

#include <optional>

class QAction;
class QWidget;

namespace atrium::ui {

// What the console lets the operator do — the ONE place panes ask.
//
// How a pane uses it:
//   1. Derive from ui::CapabilityAware next to ui::Pane and implement setCapabilities(). MainWindow
//      calls it after every setSession() and whenever "View ▸ View as role" changes (panes never
//      compute permissions from the session's Operator themselves).
//   2. For each action: caps.apply(action, core::Permission::ResetRedemption). It enables the
//      action or disables it with the tooltip "Needs the role Global Administrator, User
//      Administrator or Helpdesk Administrator." (rolesGrantingText), never hides it.
//   3. A read-only operator (Global Reader) sees everything and changes nothing: caps.isReadOnly().
//
// View as role: MainWindow hands panes Capabilities::forPreview(role) instead of forOperator(op).
// That only changes what is enabled; every service call still runs with the session's real
// Operator (models::DirectorySession::context()), so a preview can never act as someone else —
// an action the real operator may not use is refused (and audited) by the service layer.
class Capabilities final {
public:
    Capabilities() = default; // no directory open: nothing is allowed

    static Capabilities forOperator(const core::Operator &op);
    // A preview of a directory role, as a member holding only that role.
    static Capabilities forPreview(core::Role role);
    // Previews without a directory role: an application/group owner, or a plain member.
    static Capabilities forApplicationOwner();
    static Capabilities forMember();

    bool can(core::Permission p) const;
    // Empty when allowed; otherwise the sentence for the tooltip, naming the roles needed.
    QString deniedReason(core::Permission p) const;
    // Enables the action/widget when allowed, else disables it with deniedReason() as tooltip.
    void apply(QAction *action, core::Permission p) const;
    void apply(QWidget *widget, core::Permission p) const;

    // Holds no permission that changes anything (Global Reader, members, no directory).
    bool isReadOnly() const;
    // Application and group owners add guests to what they own (self-service), nothing else.
    bool ownsGroupsOrApplications() const { return m_owner; }

    bool isPreview() const { return m_preview; }
    QString previewName() const { return m_previewName; } // "Helpdesk Administrator", "Application owner"

    bool operator==(const Capabilities &o) const {
        return m_op.roles == o.m_op.roles && m_op.userType == o.m_op.userType && m_op.userId == o.m_op.userId &&
               m_preview == o.m_preview && m_owner == o.m_owner && m_previewName == o.m_previewName;
    }

private:
    core::Operator m_op; // only roles and user type matter
    bool m_preview = false;
    bool m_owner = false;
    QString m_previewName;
};

// Implemented by panes that enable or disable actions (see Capabilities).
class CapabilityAware {
public:
    virtual ~CapabilityAware() = default;
    virtual void setCapabilities(const Capabilities &caps) = 0;

protected:
    CapabilityAware() = default;
    CapabilityAware(const CapabilityAware &) = default;
    CapabilityAware &operator=(const CapabilityAware &) = default;
};

} // namespace atrium::ui
