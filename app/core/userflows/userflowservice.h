#pragma once

#include "core/redemption/apiconnector.h"
#include "core/services/servicecontext.h"
#include "core/userflows/userflow.h"

#include <memory>

namespace atrium::core {

class SecretStore;

namespace activity {
inline const QString CreateUserFlow = QStringLiteral("Create user flow");
inline const QString UpdateUserFlow = QStringLiteral("Update user flow");
inline const QString DeleteUserFlow = QStringLiteral("Delete user flow");
inline const QString CreateApiConnector = QStringLiteral("Create API connector");
inline const QString UpdateApiConnector = QStringLiteral("Update API connector");
inline const QString DeleteApiConnector = QStringLiteral("Delete API connector");
inline const QString SelfServiceSignUp = QStringLiteral("Self-service sign-up");
} // namespace activity

namespace category {
inline const QString UserFlows = QStringLiteral("B2C");
} // namespace category

// User flows and API connectors (SPEC §8). Reads need ReadDirectory; changes need ManageUserFlows
// (User Administrator or Global Administrator, SPEC §10), are one transaction with their audit row
// and are refused with Conflict when the row version passed is stale (-1 skips the check).
// Creating a user flow needs the external collaboration setting "Enable guest self-service sign-up
// via user flows" (SPEC §4) to be on. Connector credentials (Basic password, or the client
// certificate and key as PEM) go to the SecretStore under secretKey(tenantId, id), never to the
// database.
class UserFlowService final {
public:
    UserFlowService(ServiceContext ctx, std::shared_ptr<SecretStore> secrets);

    Result<QList<UserFlow>> flows() const;
    Result<UserFlow> flow(const QString &idOrName) const;
    Result<UserFlow> createFlow(UserFlow flow);
    Result<UserFlow> updateFlow(UserFlow flow, qint64 expectedRowVersion);
    Status deleteFlow(const QString &idOrName, qint64 expectedRowVersion = -1);

    Result<QList<ApiConnector>> connectors() const;
    Result<ApiConnector> connector(const QString &id) const;
    // secret: the Basic password, or for "certificate" the PEM certificate followed by its PEM key.
    Result<ApiConnector> createConnector(ApiConnector connector, const QString &secret);
    // An empty secret keeps the stored one.
    Result<ApiConnector> updateConnector(ApiConnector connector, const QString &secret, qint64 expectedRowVersion);
    // Refused (naming the flows) while a user flow uses it.
    Status deleteConnector(const QString &id, qint64 expectedRowVersion = -1);

    static QString secretKey(const QString &tenantId,
                             const QString &connectorId); // "<tenant>/apiconnector/<id>/secret"

    // No permission checks: for atrium-portal inside its own transactions.
    static Result<std::optional<UserFlow>> readFlow(QSqlDatabase &db, const QString &idOrName);
    static Result<std::optional<ApiConnector>> readConnector(QSqlDatabase &db, const QString &id);
    // The client configuration for a connector, credentials read from the keychain.
    static Result<ApiConnectorConfig> clientConfig(const ApiConnector &c, const SecretStore &secrets,
                                                   const QString &tenantId);

private:
    Status require(AuditEntry &e) const;
    Result<QString> tenantId() const;
    Status validateFlow(QSqlDatabase &db, UserFlow &flow) const;
    Status validateConnector(const ApiConnector &c, const QString &secret, bool secretRequired) const;
    Status writeFlowLinks(QSqlDatabase &db, const UserFlow &flow) const;

    ServiceContext m_ctx;
    std::shared_ptr<SecretStore> m_secrets;
};

} // namespace atrium::core
