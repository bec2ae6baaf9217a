#include "ui/panes.h"

#include "ui/auditlogpane.h"
#include "ui/crosstenantpane.h"
#include "ui/externalcollaborationpane.h"
#include "ui/guestuserspane.h"
#include "ui/identityproviderspane.h"
#include "ui/invitationspane.h"
#include "ui/overviewpane.h"

#include <QCoreApplication>

namespace atrium::ui {
namespace {

Pane *createOverviewPane(models::DbExecutor *executor, QWidget *parent) {
    return new OverviewPane(executor, parent);
}

Pane *createGuestUsersPane(models::DbExecutor *executor, QWidget *parent) {
    return new GuestUsersPane(executor, parent);
}

Pane *createInvitationsPane(models::DbExecutor *executor, QWidget *parent) {
    return new InvitationsPane(executor, parent);
}

Pane *createExternalCollaborationPane(models::DbExecutor *executor, QWidget *parent) {
    return new ExternalCollaborationPane(executor, parent);
}

Pane *createCrossTenantAccessPane(models::DbExecutor *executor, QWidget *parent) {
    return new CrossTenantPane(executor, parent);
}

Pane *createIdentityProvidersPane(models::DbExecutor *executor, QWidget *parent) {
    return new IdentityProvidersPane(executor, parent);
}

Pane *createAuditLogPane(models::DbExecutor *executor, QWidget *parent) {
    return new AuditLogPane(executor, parent);
}
} // namespace

QList<PaneInfo> paneInfos() {
    return {
        {PaneId::Overview, QStringLiteral("overviewPane"), QCoreApplication::translate("atrium::ui::Panes", "Overview"),
         QStringLiteral(":/icons/overview.svg")},
        {PaneId::GuestUsers, QStringLiteral("guestUsersPane"),
         QCoreApplication::translate("atrium::ui::Panes", "Guest users"), QStringLiteral(":/icons/guests.svg")},
        {PaneId::Invitations, QStringLiteral("invitationsPane"),
         QCoreApplication::translate("atrium::ui::Panes", "Invitations"), QStringLiteral(":/icons/invitations.svg")},
        {PaneId::ExternalCollaboration, QStringLiteral("externalCollaborationPane"),
         QCoreApplication::translate("atrium::ui::Panes", "External collaboration"),
         QStringLiteral(":/icons/collaboration.svg")},
        {PaneId::CrossTenantAccess, QStringLiteral("crossTenantAccessPane"),
         QCoreApplication::translate("atrium::ui::Panes", "Cross-tenant access"),
         QStringLiteral(":/icons/crosstenant.svg")},
        {PaneId::IdentityProviders, QStringLiteral("identityProvidersPane"),
         QCoreApplication::translate("atrium::ui::Panes", "Identity providers"),
         QStringLiteral(":/icons/identityproviders.svg")},
        {PaneId::AuditLog, QStringLiteral("auditLogPane"),
         QCoreApplication::translate("atrium::ui::Panes", "Audit log"), QStringLiteral(":/icons/audit.svg")},
    };
}

PaneInfo paneInfo(PaneId id) {
    return paneInfos().at(static_cast<int>(id));
}

Pane *createPane(PaneId id, models::DbExecutor *executor, QWidget *parent) {
    switch (id) {
    case PaneId::Overview:
        return createOverviewPane(executor, parent);
    case PaneId::GuestUsers:
        return createGuestUsersPane(executor, parent);
    case PaneId::Invitations:
        return createInvitationsPane(executor, parent);
    case PaneId::ExternalCollaboration:
        return createExternalCollaborationPane(executor, parent);
    case PaneId::CrossTenantAccess:
        return createCrossTenantAccessPane(executor, parent);
    case PaneId::IdentityProviders:
        return createIdentityProvidersPane(executor, parent);
    case PaneId::AuditLog:
        return createAuditLogPane(executor, parent);
    }
    Q_UNREACHABLE();
}

} // namespace atrium::ui
