#pragma once

#include "core/base/result.h"
#include "models/directorysession.h"

#include <QList>
#include <QString>

#include <functional>
#include <optional>

class QObject;
class QWidget;

namespace atrium::core {
class InvitationService;
}
namespace atrium::models {
class DbExecutor;
}

namespace atrium::ui {

// The guest actions of SPEC §10 as the console runs them, shared by every pane that acts on guests
// (Guest users, Invitations): on the database worker, one guest after the other, through
// core::InvitationService, which authorizes each call and writes the audit. The panes only mirror
// Capabilities on their buttons; they never decide permissions themselves.
class GuestActions final {
public:
    GuestActions() = delete;

    struct Target {
        QString userId;
        QString name; // for the failure message
    };
    using Action = std::function<core::Status(core::InvitationService &, const QString &userId)>;
    // error: nullopt when every guest succeeded, else one message naming each failure.
    using Done = std::function<void(const std::optional<core::Error> &error, int succeeded, int failed)>;

    // Runs fn for every target; done runs on context's thread (not at all if context is gone).
    static void run(models::DbExecutor *executor, QObject *context, const models::SessionPtr &session,
                    const QString &action, const QList<Target> &targets, Action fn, Done done);

    static Action resend();
    static Action setSignInBlocked(bool blocked);
    static Action deleteGuest();
    // Asks before a delete ("Delete <name or N guests>? …"); true when the operator said yes.
    static bool confirmDelete(QWidget *parent, const QList<Target> &targets);

    // The redemption link of the guest's current invitation; on success it is on the clipboard.
    static void copyRedemptionLink(models::DbExecutor *executor, QObject *context, const models::SessionPtr &session,
                                   const QString &userId, std::function<void(const core::Result<QString> &)> done);
};

} // namespace atrium::ui
