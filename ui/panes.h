#pragma once

#include <QList>
#include <QString>

class QWidget;

namespace atrium::models {
class DbExecutor;
}

namespace atrium::ui {

class Pane;

// The console's navigation, in sidebar order. Ctrl+1 … Ctrl+7 follow this order.
enum class PaneId {
    Overview,
    GuestUsers,
    Invitations,
    ExternalCollaboration,
    CrossTenantAccess,
    IdentityProviders,
    AuditLog,
};

struct PaneInfo {
    PaneId id;
    QString objectName; // "guestUsersPane"
    QString title;      // translated sidebar text
    QString icon;       // ":/icons/guests.svg"
};

QList<PaneInfo> paneInfos();
PaneInfo paneInfo(PaneId id);

// One factory per pane: to put a real pane in place of an empty state, change only its factory in
// panes.cpp. The factory sets nothing the window relies on; the window sets objectName.
Pane *createPane(PaneId id, models::DbExecutor *executor, QWidget *parent);

} // namespace atrium::ui
