#pragma once

#include "core/base/clock.h"
#include "core/services/servicecontext.h"
#include "core/storage/connectioninfo.h"

#include <QCommandLineParser>
#include <QJsonValue>
#include <QTextStream>

#include <functional>
#include <map>
#include <memory>
#include <optional>

namespace atrium::core {
class SecretStore;
}

// Shared plumbing of atriumctl's commands: output, errors and exit codes, opening the directory.
namespace atrium::cli {

QString tr(const char *s);
QTextStream &out();
QTextStream &err();

// Exit codes: 0 success, 1 failure, 2 usage or invalid input, 3 permission denied, 4 conflict,
// 5 not found, 6 refused by policy.
int exitCodeFor(const core::Error &e);
int fail(const core::Error &e);   // one clear line on stderr (plus the policy trace, if any)
int usage(const QString &message);
void printJson(const QJsonValue &v); // one JSON document on stdout

// Everything a command needs: the database, the clock, the keychain and who is acting.
struct Env {
    std::shared_ptr<core::Database> db;
    std::shared_ptr<const core::Clock> clock = std::make_shared<core::SystemClock>();
    std::shared_ptr<core::SecretStore> secrets;
    std::optional<core::ServiceContext> ctx;
};

struct Command {
    QString summary;
    QString usage;
    std::function<void(QCommandLineParser &)> options;
    std::function<int(QCommandLineParser &, const QString &dbUrl)> run;
};
using CommandMap = std::map<QString, Command>;

core::Result<core::ConnectionInfo> connectionFor(const QString &dbUrl);
core::Result<Env> openEnv(const QString &dbUrl);
std::shared_ptr<core::SecretStore> keychain();
QCommandLineOption jsonOption();

// Command groups living in their own files register here.
void registerInvitationCommands(CommandMap &commands);
void registerOperatorCommands(CommandMap &commands);
void registerGuestCommands(CommandMap &commands);
void registerCrossTenantCommands(CommandMap &commands);
void registerIdpCommands(CommandMap &commands);

} // namespace atrium::cli
