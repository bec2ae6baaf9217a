#pragma once

#include "core/base/result.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace atrium::core {

// One attribute a user flow collects, in page order (SPEC §8).
struct UserFlowAttribute {
    QString name; // built-in ("displayName", "country", ...) or custom "extension_<appid>_<name>"
    bool required = false;
    friend bool operator==(const UserFlowAttribute &, const UserFlowAttribute &) = default;
};

// A self-service sign-up user flow. Stored in user_flows (definition JSON: enabled,
// identityProviders, attributes, redirectUrl), user_flow_applications and user_flow_connectors.
struct UserFlow {
    QString id;
    QString name; // "B2X_1_" + 1..64 of [A-Za-z0-9_-]
    bool enabled = true;
    // Sign-up identity providers: "emailOneTimePasscode" (served by atrium-portal), "google",
    // "facebook", "microsoftAccount" (configured for later; the portal offers the passcode only).
    QStringList identityProviders{QStringLiteral("emailOneTimePasscode")};
    QList<UserFlowAttribute> attributes; // page order
    QStringList appIds;
    QString postFederationConnectorId;          // step postFederationSignup; empty: none
    QString postAttributeCollectionConnectorId; // step postAttributeCollection; empty: none
    QString redirectUrl;                        // where the guest lands after sign-up
    qint64 createdAt = 0;
    qint64 rowVersion = 0;

    QJsonObject toJson() const;
    // The stored definition (without name, apps and connectors).
    QJsonObject definitionJson() const;
    void readDefinition(const QJsonObject &definition); // missing keys take their defaults
};

struct ApiConnector {
    QString id;
    QString displayName;
    QString endpointUrl;
    QString authType = QStringLiteral("basic"); // "basic" | "certificate"
    QString username;                           // basic
    bool hasSecret = false;                     // password / certificate present in the keychain
    qint64 createdAt = 0;
    qint64 rowVersion = 0;
    QJsonObject toJson() const; // never the secret
};

// Built-in attributes (SPEC §8), in the order the console lists them.
const QStringList &builtInUserFlowAttributes();
QString userFlowAttributeLabel(const QString &name); // translated label; custom: the part after the app id
bool isCustomAttributeName(const QString &name);     // extension_<32 hex appid>_<name> or extension_<name>
Status validateUserFlowName(const QString &name);
Status validateAttributeName(const QString &name);
const QStringList &signUpIdentityProviders();

} // namespace atrium::core
