#include "ui/capabilities.h"

#include <QAction>
#include <QCoreApplication>
#include <QWidget>

namespace atrium::ui {
namespace {
QString tr(const char *s) { return QCoreApplication::translate("atrium::ui::Capabilities", s); }

core::Operator previewOperator() {
    core::Operator op;
    op.userId = QStringLiteral("preview"); // known, so can() evaluates the roles
    op.userType = core::UserType::Member;
    return op;
}
} // namespace

Capabilities Capabilities::forOperator(const core::Operator &op) {
    Capabilities c;
    c.m_op = op;
    return c;
}

Capabilities Capabilities::forPreview(core::Role role) {
    Capabilities c;
    c.m_op = previewOperator();
    c.m_op.roles = {role};
    c.m_preview = true;
    c.m_previewName = core::roleLabel(role);
    return c;
}

Capabilities Capabilities::forApplicationOwner() {
    Capabilities c;
    c.m_op = previewOperator();
    c.m_preview = true;
    c.m_owner = true;
    c.m_previewName = tr("Application owner");
    return c;
}

Capabilities Capabilities::forMember() {
    Capabilities c;
    c.m_op = previewOperator();
    c.m_preview = true;
    c.m_previewName = tr("Member without a role");
    return c;
}

bool Capabilities::can(core::Permission p) const { return m_op.can(p); }

QString Capabilities::deniedReason(core::Permission p) const {
    if (can(p)) {
        return {};
    }
    if (!m_op.isKnown()) {
        return tr("Open a directory you are bound to first.");
    }
    return tr("Needs the role %1.").arg(core::rolesGrantingText(p));
}

void Capabilities::apply(QAction *action, core::Permission p) const {
    action->setEnabled(can(p));
    action->setToolTip(deniedReason(p));
}

void Capabilities::apply(QWidget *widget, core::Permission p) const {
    widget->setEnabled(can(p));
    widget->setToolTip(deniedReason(p));
}

bool Capabilities::isReadOnly() const {
    for (core::Permission p : core::allPermissions()) {
        if (p != core::Permission::ReadDirectory && p != core::Permission::ReadAudit && can(p)) {
            return false;
        }
    }
    return true;
}

} // namespace atrium::ui
