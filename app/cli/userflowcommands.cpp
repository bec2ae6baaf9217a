#include "userflowcommands.h"

#include "core/userflows/userflowservice.h"

#include <QFile>
#include <QJsonArray>
#include <QTextStream>
#include <cstdio>

namespace atrium::cli {

using namespace atrium::core;

namespace {

const QString kFlowUsage = QStringLiteral(
    "userflow list | userflow show NAME | userflow delete NAME |\n"
    "  userflow create B2X_1_NAME --redirect URL [--attribute NAME[:required]]... [--idp IDP]... [--app APPID]...\n"
    "                  [--post-federation CONNECTOR] [--post-attribute-collection CONNECTOR] [--disabled]");
const QString kConnectorUsage = QStringLiteral(
    "connector list | connector delete ID |\n"
    "  connector create --name NAME --url URL (--username USER [password on stdin] | --certificate PEMFILE)");

// A connector given by id or display name.
Result<QString> connectorId(UserFlowService &svc, const QString &idOrName) {
    if (idOrName.isEmpty()) {
        return QString();
    }
    auto c = svc.connector(idOrName);
    if (!c.ok()) {
        return c.error();
    }
    return c->id;
}

int cmdUserFlow(QCommandLineParser &p, const QString &dbUrl) {
    const QStringList args = p.positionalArguments();
    const QString action = args.value(0);
    const bool needsName =
        action == QLatin1String("show") || action == QLatin1String("create") || action == QLatin1String("delete");
    if ((action != QLatin1String("list") && !needsName) || (needsName && args.size() != 2) ||
        (action == QLatin1String("list") && args.size() != 1)) {
        return usage(kFlowUsage);
    }
    auto env = openEnv(dbUrl);
    if (!env.ok()) {
        return fail(env.error());
    }
    UserFlowService svc(*env->ctx, env->secrets);
    if (action == QLatin1String("list")) {
        auto flows = svc.flows();
        if (!flows.ok()) {
            return fail(flows.error());
        }
        QJsonArray a;
        for (const UserFlow &f : *flows) {
            a.append(f.toJson());
        }
        printJson(a);
        return 0;
    }
    if (action == QLatin1String("show")) {
        auto f = svc.flow(args.at(1));
        if (!f.ok()) {
            return fail(f.error());
        }
        printJson(f->toJson());
        return 0;
    }
    if (action == QLatin1String("delete")) {
        if (Status s = svc.deleteFlow(args.at(1)); !s.ok()) {
            return fail(s.error());
        }
        printJson(QJsonObject{{QStringLiteral("deleted"), args.at(1)}});
        return 0;
    }
    UserFlow f;
    f.name = args.at(1);
    f.redirectUrl = p.value(QStringLiteral("redirect"));
    f.enabled = !p.isSet(QStringLiteral("disabled"));
    if (p.isSet(QStringLiteral("idp"))) {
        f.identityProviders = p.values(QStringLiteral("idp"));
    }
    for (const QString &a : p.values(QStringLiteral("attribute"))) {
        const bool required = a.endsWith(QLatin1String(":required"));
        f.attributes << UserFlowAttribute{required ? a.chopped(9) : a, required};
    }
    f.appIds = p.values(QStringLiteral("app"));
    auto pf = connectorId(svc, p.value(QStringLiteral("post-federation")));
    if (!pf.ok()) {
        return fail(pf.error());
    }
    auto pa = connectorId(svc, p.value(QStringLiteral("post-attribute-collection")));
    if (!pa.ok()) {
        return fail(pa.error());
    }
    f.postFederationConnectorId = *pf;
    f.postAttributeCollectionConnectorId = *pa;
    auto created = svc.createFlow(f);
    if (!created.ok()) {
        return fail(created.error());
    }
    printJson(created->toJson());
    return 0;
}

int cmdConnector(QCommandLineParser &p, const QString &dbUrl) {
    const QStringList args = p.positionalArguments();
    const QString action = args.value(0);
    if (!((action == QLatin1String("list") && args.size() == 1) ||
          (action == QLatin1String("create") && args.size() == 1) ||
          (action == QLatin1String("delete") && args.size() == 2))) {
        return usage(kConnectorUsage);
    }
    auto env = openEnv(dbUrl);
    if (!env.ok()) {
        return fail(env.error());
    }
    UserFlowService svc(*env->ctx, env->secrets);
    if (action == QLatin1String("list")) {
        auto all = svc.connectors();
        if (!all.ok()) {
            return fail(all.error());
        }
        QJsonArray a;
        for (const ApiConnector &c : *all) {
            a.append(c.toJson());
        }
        printJson(a);
        return 0;
    }
    if (action == QLatin1String("delete")) {
        auto id = connectorId(svc, args.at(1));
        if (!id.ok()) {
            return fail(id.error());
        }
        if (Status s = svc.deleteConnector(*id); !s.ok()) {
            return fail(s.error());
        }
        printJson(QJsonObject{{QStringLiteral("deleted"), *id}});
        return 0;
    }
    ApiConnector c;
    c.displayName = p.value(QStringLiteral("name"));
    c.endpointUrl = p.value(QStringLiteral("url"));
    QString secret;
    if (p.isSet(QStringLiteral("certificate"))) {
        if (p.isSet(QStringLiteral("username"))) {
            return usage(kConnectorUsage);
        }
        c.authType = QStringLiteral("certificate");
        QFile file(p.value(QStringLiteral("certificate")));
        if (!file.open(QIODevice::ReadOnly)) {
            return fail(Error::invalid(tr("Cannot read %1: %2").arg(file.fileName(), file.errorString()),
                                       QStringLiteral("certificate")));
        }
        secret = QString::fromUtf8(file.read(1 << 20));
    } else {
        c.authType = QStringLiteral("basic");
        c.username = p.value(QStringLiteral("username"));
        // The password comes on stdin (first line), never on the command line.
        QTextStream in(stdin);
        secret = in.readLine();
    }
    auto created = svc.createConnector(c, secret);
    if (!created.ok()) {
        return fail(created.error());
    }
    printJson(created->toJson());
    return 0;
}

} // namespace

void registerUserFlowCommands(CommandMap &c) {
    c[QStringLiteral("userflow")] = {
        tr("Self-service sign-up user flows (B2X_1_ names): list, show, create, delete."), kFlowUsage,
        [](QCommandLineParser &p) {
            p.addOption(jsonOption());
            p.addOption({QStringLiteral("redirect"), tr("Where the guest goes after signing up."), tr("URL")});
            p.addOption({QStringLiteral("attribute"),
                         tr("An attribute to collect, in page order; built-in (displayName, givenName, surname, "
                            "jobTitle, country, state, city, streetAddress, postalCode) or extension_<appid>_<name>; "
                            "append :required to require it (repeatable)."),
                         tr("NAME")});
            p.addOption({QStringLiteral("idp"),
                         tr("Identity provider (repeatable): emailOneTimePasscode (default), google, facebook, "
                            "microsoftAccount."),
                         tr("IDP")});
            p.addOption({QStringLiteral("app"), tr("Application id the flow is for (repeatable)."), tr("APPID")});
            p.addOption({QStringLiteral("post-federation"),
                         tr("API connector called after federating with an identity provider."), tr("CONNECTOR")});
            p.addOption({QStringLiteral("post-attribute-collection"),
                         tr("API connector called before creating the user."), tr("CONNECTOR")});
            p.addOption({QStringLiteral("disabled"), tr("Create the flow disabled.")});
            p.addPositionalArgument(QStringLiteral("action"), tr("list, show, create or delete"));
        },
        cmdUserFlow};
    c[QStringLiteral("connector")] = {
        tr("API connectors for user flows: list, create, delete (credentials go to the keychain)."), kConnectorUsage,
        [](QCommandLineParser &p) {
            p.addOption(jsonOption());
            p.addOption({QStringLiteral("name"), tr("Display name."), tr("NAME")});
            p.addOption({QStringLiteral("url"), tr("Endpoint URL (https; http only for localhost)."), tr("URL")});
            p.addOption({QStringLiteral("username"),
                         tr("HTTP Basic user name; the password is read from the first line of stdin."), tr("USER")});
            p.addOption({QStringLiteral("certificate"),
                         tr("PEM file with the client certificate followed by its private key."), tr("PEMFILE")});
            p.addPositionalArgument(QStringLiteral("action"), tr("list, create or delete"));
        },
        cmdConnector};
}

} // namespace atrium::cli
