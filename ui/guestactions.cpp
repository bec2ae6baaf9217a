#include "ui/guestactions.h"

#include "core/invitations/invitationservice.h"
#include "models/dbexecutor.h"
#include "ui/messageboxes.h"

#include <QApplication>
#include <QClipboard>
#include <QCoreApplication>

namespace atrium::ui {
namespace {
struct Failure {
    QString name;
    core::Error error;
};
using Failures = QList<Failure>;

// The messages keep the context they were first translated in.
QString tr(const char *s, int n = -1) {
    return QCoreApplication::translate("atrium::ui::GuestUsersPane", s, nullptr, n);
}
} // namespace

void GuestActions::run(models::DbExecutor *executor, QObject *context, const models::SessionPtr &session,
                       const QString &action, const QList<Target> &targets, Action fn, Done done) {
    if (!session || targets.isEmpty()) {
        return;
    }
    const core::ServiceContext ctx = session->context();
    const auto secrets = session->secrets;
    executor->call<Failures>(
        context,
        [ctx, secrets, targets, fn] {
            core::InvitationService service(ctx, secrets);
            Failures failures;
            for (const Target &t : targets) {
                const core::Status s = fn(service, t.userId);
                if (!s.ok()) {
                    failures.append({t.name, s.error()});
                }
            }
            return failures;
        },
        [action, total = int(targets.size()), done](const Failures &failures) {
            std::optional<core::Error> error;
            if (!failures.isEmpty()) {
                QStringList lines;
                for (const Failure &f : failures) {
                    lines << tr("%1: %2").arg(f.name, f.error.message);
                }
                core::Error e = failures.constFirst().error;
                e.message = tr("%1 failed for %n guest(s). %2", int(failures.size()))
                                .arg(action, lines.join(QStringLiteral(" ")));
                error = e;
            }
            done(error, total - int(failures.size()), int(failures.size()));
        });
}

GuestActions::Action GuestActions::resend() {
    return [](core::InvitationService &s, const QString &id) { return s.resend(id); };
}

GuestActions::Action GuestActions::setSignInBlocked(bool blocked) {
    return [blocked](core::InvitationService &s, const QString &id) { return s.setSignInBlocked(id, blocked); };
}

GuestActions::Action GuestActions::deleteGuest() {
    return [](core::InvitationService &s, const QString &id) { return s.deleteGuest(id); };
}

bool GuestActions::confirmDelete(QWidget *parent, const QList<Target> &targets) {
    if (targets.isEmpty()) {
        return false;
    }
    const QString what = targets.size() == 1 ? targets.constFirst().name
                                             : QCoreApplication::translate("atrium::ui::GuestActions", "%n guests",
                                                                           nullptr, int(targets.size()));
    return MessageBoxes::question(parent, QCoreApplication::translate("atrium::ui::GuestActions", "Delete Guests"),
                                  QCoreApplication::translate("atrium::ui::GuestActions",
                                                              "Delete %1? They lose access to every group and "
                                                              "application at once.")
                                      .arg(what)) == QMessageBox::Yes;
}

void GuestActions::copyRedemptionLink(models::DbExecutor *executor, QObject *context, const models::SessionPtr &session,
                                      const QString &userId, std::function<void(const core::Result<QString> &)> done) {
    if (!session) {
        return;
    }
    const core::ServiceContext ctx = session->context();
    const auto secrets = session->secrets;
    executor->call<core::Result<QString>>(
        context, [ctx, secrets, userId] { return core::InvitationService(ctx, secrets).redemptionUrl(userId); },
        [done](const core::Result<QString> &url) {
            if (url.ok()) {
                QApplication::clipboard()->setText(*url);
            }
            done(url);
        });
}

} // namespace atrium::ui
