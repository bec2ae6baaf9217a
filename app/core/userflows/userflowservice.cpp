#include "core/userflows/userflowservice.h"

#include "core/invitations/invitationservice.h"
#include "core/secrets/secretstore.h"
#include "core/services/permissions.h"
#include "core/storage/database.h"
#include "core/text/redirecturl.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QSslCertificate>
#include <QSslKey>
#include <QUuid>

namespace atrium::core {

namespace {
QString tr(const char *text) {
    return QCoreApplication::translate("atrium::core::UserFlowService", text);
}

QString newId() {
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

const QString kFlowColumns = QStringLiteral("id, name, definition, created_at, row_version");

UserFlow flowFromRow(const QSqlQuery &q) {
    UserFlow f;
    f.id = q.value(0).toString();
    f.name = q.value(1).toString();
    f.readDefinition(QJsonDocument::fromJson(q.value(2).toString().toUtf8()).object());
    f.createdAt = q.value(3).toLongLong();
    f.rowVersion = q.value(4).toLongLong();
    return f;
}

Status loadLinks(QSqlDatabase &db, UserFlow &f) {
    auto apps = Database::exec(
        db, QStringLiteral("SELECT app_id FROM user_flow_applications WHERE flow_id = ? ORDER BY app_id"), {f.id});
    if (!apps.ok()) {
        return apps.error();
    }
    while (apps->next()) {
        f.appIds << apps->value(0).toString();
    }
    auto conns = Database::exec(
        db, QStringLiteral("SELECT step, connector_id FROM user_flow_connectors WHERE flow_id = ?"), {f.id});
    if (!conns.ok()) {
        return conns.error();
    }
    while (conns->next()) {
        if (conns->value(0).toString() == QLatin1String("postFederationSignup")) {
            f.postFederationConnectorId = conns->value(1).toString();
        } else {
            f.postAttributeCollectionConnectorId = conns->value(1).toString();
        }
    }
    return {};
}

ApiConnector connectorFromRow(const QSqlQuery &q) {
    ApiConnector c;
    c.id = q.value(0).toString();
    c.displayName = q.value(1).toString();
    c.endpointUrl = q.value(2).toString();
    c.authType = q.value(3).toString();
    c.username = q.value(4).toString();
    c.createdAt = q.value(5).toLongLong();
    c.rowVersion = q.value(6).toLongLong();
    return c;
}

bool hasControl(const QString &s) {
    for (const QChar c : s) {
        if (c.category() == QChar::Other_Control) {
            return true;
        }
    }
    return false;
}

// PEM certificate followed by its PEM private key (RSA or EC).
bool parseCertificateSecret(const QString &secret, QSslCertificate *cert, QSslKey *key) {
    const QByteArray pem = secret.toUtf8();
    const QList<QSslCertificate> certs = QSslCertificate::fromData(pem, QSsl::Pem);
    if (certs.isEmpty()) {
        return false;
    }
    QSslKey k(pem, QSsl::Rsa, QSsl::Pem);
    if (k.isNull()) {
        k = QSslKey(pem, QSsl::Ec, QSsl::Pem);
    }
    if (k.isNull()) {
        return false;
    }
    *cert = certs.first();
    *key = k;
    return true;
}
} // namespace

UserFlowService::UserFlowService(ServiceContext ctx, std::shared_ptr<SecretStore> secrets)
    : m_ctx(std::move(ctx)), m_secrets(std::move(secrets)) {}

QString UserFlowService::secretKey(const QString &tenantId, const QString &connectorId) {
    return tenantId + QStringLiteral("/apiconnector/") + connectorId + QStringLiteral("/secret");
}

Status UserFlowService::require(AuditEntry &e) const {
    e.category = category::UserFlows;
    return m_ctx.require(Permission::ManageUserFlows, e);
}

Result<QString> UserFlowService::tenantId() const {
    auto c = m_ctx.db().connection();
    if (!c.ok()) {
        return c.error();
    }
    auto q = Database::exec(*c, QStringLiteral("SELECT tenant_id FROM directory WHERE id = 1"));
    if (!q.ok()) {
        return q.error();
    }
    if (!q->next()) {
        return Error::notFound(tr("The directory"));
    }
    return q->value(0).toString();
}

Result<std::optional<UserFlow>> UserFlowService::readFlow(QSqlDatabase &db, const QString &idOrName) {
    auto q = Database::exec(
        db, QStringLiteral("SELECT ") + kFlowColumns + QStringLiteral(" FROM user_flows WHERE id = ? OR name = ?"),
        {idOrName, idOrName});
    if (!q.ok()) {
        return q.error();
    }
    if (!q->next()) {
        return std::optional<UserFlow>();
    }
    UserFlow f = flowFromRow(*q);
    q->finish();
    if (Status s = loadLinks(db, f); !s.ok()) {
        return s.error();
    }
    return std::optional<UserFlow>(f);
}

Result<std::optional<ApiConnector>> UserFlowService::readConnector(QSqlDatabase &db, const QString &id) {
    auto q = Database::exec(db,
                            QStringLiteral("SELECT id, display_name, endpoint_url, auth_type, username, created_at, "
                                           "row_version FROM api_connectors WHERE id = ?"),
                            {id});
    if (!q.ok()) {
        return q.error();
    }
    if (!q->next()) {
        return std::optional<ApiConnector>();
    }
    return std::optional<ApiConnector>(connectorFromRow(*q));
}

Result<ApiConnectorConfig> UserFlowService::clientConfig(const ApiConnector &c, const SecretStore &secrets,
                                                         const QString &tenantId) {
    ApiConnectorConfig cfg;
    cfg.endpoint = QUrl(c.endpointUrl);
    auto secret = secrets.read(secretKey(tenantId, c.id));
    if (!secret.ok()) {
        Error e = secret.error();
        e.message = tr("The credentials of the API connector %1 are missing from the keychain.").arg(c.displayName);
        return e;
    }
    if (c.authType == QLatin1String("certificate")) {
        if (!parseCertificateSecret(*secret, &cfg.clientCertificate, &cfg.clientKey)) {
            return Error::invalid(
                tr("The client certificate of the API connector %1 is not valid PEM.").arg(c.displayName));
        }
    } else {
        cfg.username = c.username;
        cfg.password = *secret;
    }
    return cfg;
}

Result<QList<UserFlow>> UserFlowService::flows() const {
    if (Status s = m_ctx.require(Permission::ReadDirectory, {QStringLiteral("Read user flows"), category::UserFlows});
        !s.ok()) {
        return s.error();
    }
    auto c = m_ctx.db().connection();
    if (!c.ok()) {
        return c.error();
    }
    auto q =
        Database::exec(*c, QStringLiteral("SELECT ") + kFlowColumns + QStringLiteral(" FROM user_flows ORDER BY name"));
    if (!q.ok()) {
        return q.error();
    }
    QList<UserFlow> out;
    while (q->next()) {
        out << flowFromRow(*q);
    }
    q->finish();
    for (UserFlow &f : out) {
        if (Status s = loadLinks(*c, f); !s.ok()) {
            return s.error();
        }
    }
    return out;
}

Result<UserFlow> UserFlowService::flow(const QString &idOrName) const {
    if (Status s = m_ctx.require(Permission::ReadDirectory, {QStringLiteral("Read user flows"), category::UserFlows});
        !s.ok()) {
        return s.error();
    }
    auto c = m_ctx.db().connection();
    if (!c.ok()) {
        return c.error();
    }
    auto f = readFlow(*c, idOrName);
    if (!f.ok()) {
        return f.error();
    }
    if (!*f) {
        return Error::notFound(tr("The user flow %1").arg(idOrName.left(100)));
    }
    return **f;
}

Status UserFlowService::validateFlow(QSqlDatabase &db, UserFlow &f) const {
    if (Status s = validateUserFlowName(f.name); !s.ok()) {
        return s;
    }
    if (f.identityProviders.isEmpty()) {
        return Error::invalid(tr("A user flow needs at least one identity provider."),
                              QStringLiteral("identityProviders"));
    }
    f.identityProviders.removeDuplicates();
    for (const QString &p : std::as_const(f.identityProviders)) {
        if (!signUpIdentityProviders().contains(p)) {
            return Error::invalid(tr("\"%1\" is not a sign-up identity provider (%2).")
                                      .arg(p.left(80), signUpIdentityProviders().join(QStringLiteral(", "))),
                                  QStringLiteral("identityProviders"));
        }
    }
    QSet<QString> seen;
    for (const UserFlowAttribute &a : std::as_const(f.attributes)) {
        if (Status s = validateAttributeName(a.name); !s.ok()) {
            return s;
        }
        if (seen.contains(a.name)) {
            return Error::invalid(tr("The attribute %1 is listed twice.").arg(a.name), QStringLiteral("attributes"));
        }
        seen.insert(a.name);
    }
    if (f.attributes.size() > 50) {
        return Error::invalid(tr("A user flow collects at most 50 attributes."), QStringLiteral("attributes"));
    }
    if (f.redirectUrl.trimmed().isEmpty()) {
        return Error::invalid(tr("A user flow needs the URL the guest is sent to after signing up."),
                              QStringLiteral("redirectUrl"));
    }
    auto redirect = parseRedirectUrl(f.redirectUrl);
    if (!redirect.ok()) {
        Error e = redirect.error();
        e.field = QStringLiteral("redirectUrl");
        return e;
    }
    f.redirectUrl = redirect->toString(QUrl::FullyEncoded);
    f.appIds.removeDuplicates();
    for (const QString &app : std::as_const(f.appIds)) {
        auto q = Database::exec(db, QStringLiteral("SELECT 1 FROM applications WHERE id = ?"), {app});
        if (!q.ok()) {
            return q.error();
        }
        if (!q->next()) {
            return Error::invalid(tr("There is no application with the id %1.").arg(app.left(80)),
                                  QStringLiteral("applications"));
        }
    }
    for (const QString &id : {f.postFederationConnectorId, f.postAttributeCollectionConnectorId}) {
        if (id.isEmpty()) {
            continue;
        }
        auto c = readConnector(db, id);
        if (!c.ok()) {
            return c.error();
        }
        if (!*c) {
            return Error::invalid(tr("There is no API connector with the id %1.").arg(id.left(80)),
                                  QStringLiteral("apiConnectors"));
        }
    }
    return {};
}

Status UserFlowService::writeFlowLinks(QSqlDatabase &db, const UserFlow &f) const {
    auto r = Database::exec(db, QStringLiteral("DELETE FROM user_flow_applications WHERE flow_id = ?"), {f.id});
    if (!r.ok()) {
        return r.error();
    }
    r = Database::exec(db, QStringLiteral("DELETE FROM user_flow_connectors WHERE flow_id = ?"), {f.id});
    if (!r.ok()) {
        return r.error();
    }
    for (const QString &app : f.appIds) {
        r = Database::exec(db, QStringLiteral("INSERT INTO user_flow_applications (flow_id, app_id) VALUES (?, ?)"),
                           {f.id, app});
        if (!r.ok()) {
            return r.error();
        }
    }
    const QList<QPair<QString, QString>> steps{
        {QStringLiteral("postFederationSignup"), f.postFederationConnectorId},
        {QStringLiteral("postAttributeCollection"), f.postAttributeCollectionConnectorId}};
    for (const auto &[step, id] : steps) {
        if (id.isEmpty()) {
            continue;
        }
        r = Database::exec(
            db, QStringLiteral("INSERT INTO user_flow_connectors (flow_id, step, connector_id) VALUES (?, ?, ?)"),
            {f.id, step, id});
        if (!r.ok()) {
            return r.error();
        }
    }
    return {};
}

Result<UserFlow> UserFlowService::createFlow(UserFlow f) {
    AuditEntry e{activity::CreateUserFlow, category::UserFlows, QStringLiteral("userFlow")};
    e.targetName = f.name.left(100);
    if (Status s = require(e); !s.ok()) {
        return s.error();
    }
    auto r = m_ctx.db().transaction<UserFlow>([&](QSqlDatabase &db) -> Result<UserFlow> {
        auto policy = InvitationService::loadPolicy(db);
        if (!policy.ok()) {
            return policy.error();
        }
        if (!policy->settings().selfServiceSignUpEnabled) {
            return Error{ErrorCode::PolicyDenied,
                         tr("Self-service sign-up is turned off. Turn on \"Enable guest self-service sign-up via user "
                            "flows\" in the external collaboration settings first."),
                         {},
                         QStringLiteral("selfServiceSignUpEnabled"),
                         false};
        }
        if (Status s = validateFlow(db, f); !s.ok()) {
            return s.error();
        }
        auto dup = readFlow(db, f.name);
        if (!dup.ok()) {
            return dup.error();
        }
        if (*dup) {
            return Error{ErrorCode::AlreadyExists,
                         tr("A user flow named %1 already exists.").arg(f.name),
                         {},
                         QStringLiteral("name"),
                         false};
        }
        f.id = newId();
        f.createdAt = m_ctx.clock().nowMs();
        f.rowVersion = 1;
        auto ins = Database::exec(
            db, QStringLiteral("INSERT INTO user_flows (id, name, definition, created_at) VALUES (?, ?, ?, ?)"),
            {f.id, f.name, QString::fromUtf8(QJsonDocument(f.definitionJson()).toJson(QJsonDocument::Compact)),
             f.createdAt});
        if (!ins.ok()) {
            return ins.error();
        }
        if (Status s = writeFlowLinks(db, f); !s.ok()) {
            return s.error();
        }
        e.targetId = f.id;
        e.after = f.toJson();
        if (Status s = AuditLog::append(db, m_ctx.clock(), m_ctx.op(), e); !s.ok()) {
            return s.error();
        }
        return f;
    });
    return r;
}

Result<UserFlow> UserFlowService::updateFlow(UserFlow f, qint64 expectedRowVersion) {
    AuditEntry e{activity::UpdateUserFlow, category::UserFlows, QStringLiteral("userFlow")};
    e.targetId = f.id;
    e.targetName = f.name.left(100);
    if (Status s = require(e); !s.ok()) {
        return s.error();
    }
    return m_ctx.db().transaction<UserFlow>([&](QSqlDatabase &db) -> Result<UserFlow> {
        auto cur = readFlow(db, f.id.isEmpty() ? f.name : f.id);
        if (!cur.ok()) {
            return cur.error();
        }
        if (!*cur) {
            return Error::notFound(tr("The user flow %1").arg(f.name.left(100)));
        }
        if (expectedRowVersion >= 0 && (*cur)->rowVersion != expectedRowVersion) {
            return Error::conflict((*cur)->name);
        }
        f.id = (*cur)->id;
        f.createdAt = (*cur)->createdAt;
        if (f.name != (*cur)->name) {
            return Error::invalid(tr("A user flow's name cannot be changed; create a new flow instead."),
                                  QStringLiteral("name"));
        }
        if (Status s = validateFlow(db, f); !s.ok()) {
            return s.error();
        }
        auto up = Database::exec(db,
                                 QStringLiteral("UPDATE user_flows SET definition = ?, row_version = row_version + 1 "
                                                "WHERE id = ? AND row_version = ?"),
                                 {QString::fromUtf8(QJsonDocument(f.definitionJson()).toJson(QJsonDocument::Compact)),
                                  f.id, (*cur)->rowVersion});
        if (!up.ok()) {
            return up.error();
        }
        if (up->numRowsAffected() != 1) {
            return Error::conflict(f.name);
        }
        f.rowVersion = (*cur)->rowVersion + 1;
        if (Status s = writeFlowLinks(db, f); !s.ok()) {
            return s.error();
        }
        e.before = (*cur)->toJson();
        e.after = f.toJson();
        if (Status s = AuditLog::append(db, m_ctx.clock(), m_ctx.op(), e); !s.ok()) {
            return s.error();
        }
        return f;
    });
}

Status UserFlowService::deleteFlow(const QString &idOrName, qint64 expectedRowVersion) {
    AuditEntry e{activity::DeleteUserFlow, category::UserFlows, QStringLiteral("userFlow")};
    e.targetName = idOrName.left(100);
    if (Status s = require(e); !s.ok()) {
        return s;
    }
    return m_ctx.db().transaction([&](QSqlDatabase &db) -> Status {
        auto cur = readFlow(db, idOrName);
        if (!cur.ok()) {
            return cur.error();
        }
        if (!*cur) {
            return Error::notFound(tr("The user flow %1").arg(idOrName.left(100)));
        }
        const qint64 version = expectedRowVersion >= 0 ? expectedRowVersion : (*cur)->rowVersion;
        auto del = Database::exec(db, QStringLiteral("DELETE FROM user_flows WHERE id = ? AND row_version = ?"),
                                  {(*cur)->id, version});
        if (!del.ok()) {
            return del.error();
        }
        if (del->numRowsAffected() != 1) {
            return Error::conflict((*cur)->name);
        }
        e.targetId = (*cur)->id;
        e.targetName = (*cur)->name;
        e.before = (*cur)->toJson();
        return AuditLog::append(db, m_ctx.clock(), m_ctx.op(), e);
    });
}

Result<QList<ApiConnector>> UserFlowService::connectors() const {
    if (Status s =
            m_ctx.require(Permission::ReadDirectory, {QStringLiteral("Read API connectors"), category::UserFlows});
        !s.ok()) {
        return s.error();
    }
    auto tenant = tenantId();
    if (!tenant.ok()) {
        return tenant.error();
    }
    auto c = m_ctx.db().connection();
    if (!c.ok()) {
        return c.error();
    }
    auto q =
        Database::exec(*c, QStringLiteral("SELECT id, display_name, endpoint_url, auth_type, username, created_at, "
                                          "row_version FROM api_connectors ORDER BY display_name, id"));
    if (!q.ok()) {
        return q.error();
    }
    QList<ApiConnector> out;
    while (q->next()) {
        ApiConnector a = connectorFromRow(*q);
        a.hasSecret = m_secrets && m_secrets->read(secretKey(*tenant, a.id)).ok();
        out << a;
    }
    return out;
}

Result<ApiConnector> UserFlowService::connector(const QString &id) const {
    auto all = connectors();
    if (!all.ok()) {
        return all.error();
    }
    for (const ApiConnector &a : *all) {
        if (a.id == id || a.displayName == id) {
            return a;
        }
    }
    return Error::notFound(tr("The API connector %1").arg(id.left(100)));
}

Status UserFlowService::validateConnector(const ApiConnector &c, const QString &secret, bool secretRequired) const {
    if (c.displayName.trimmed().isEmpty() || c.displayName.size() > 256 || hasControl(c.displayName)) {
        return Error::invalid(tr("An API connector needs a display name of 1 to 256 characters without control "
                                 "characters."),
                              QStringLiteral("displayName"));
    }
    if (c.authType != QLatin1String("basic") && c.authType != QLatin1String("certificate")) {
        return Error::invalid(tr("The authentication type is \"basic\" or \"certificate\"."),
                              QStringLiteral("authType"));
    }
    if (c.authType == QLatin1String("basic") && (c.username.isEmpty() || c.username.size() > 256 ||
                                                 c.username.contains(QLatin1Char(':')) || hasControl(c.username))) {
        return Error::invalid(tr("HTTP Basic authentication needs a user name (without ':' or control characters)."),
                              QStringLiteral("username"));
    }
    if (secretRequired && secret.isEmpty()) {
        return Error::invalid(c.authType == QLatin1String("basic")
                                  ? tr("HTTP Basic authentication needs a password.")
                                  : tr("Certificate authentication needs the client certificate and its key (PEM)."),
                              QStringLiteral("secret"));
    }
    ApiConnectorConfig cfg;
    cfg.endpoint = QUrl(c.endpointUrl, QUrl::StrictMode);
    if (c.authType == QLatin1String("certificate")) {
        if (!secret.isEmpty() && !parseCertificateSecret(secret, &cfg.clientCertificate, &cfg.clientKey)) {
            return Error::invalid(tr("The client certificate must be a PEM certificate followed by its PEM private key "
                                     "(RSA or EC)."),
                                  QStringLiteral("secret"));
        }
        if (secret.isEmpty()) {
            // Validate the endpoint only: the stored certificate stays.
            cfg.username = QStringLiteral("x");
            cfg.password = QStringLiteral("x");
        }
    } else {
        cfg.username = c.username;
        cfg.password = secret.isEmpty() ? QStringLiteral("kept") : secret;
    }
    if (Status s = ApiConnectorClient::validate(cfg); !s.ok()) {
        Error e = s.error();
        e.field = QStringLiteral("endpointUrl");
        return e;
    }
    return {};
}

Result<ApiConnector> UserFlowService::createConnector(ApiConnector c, const QString &secret) {
    AuditEntry e{activity::CreateApiConnector, category::UserFlows, QStringLiteral("apiConnector")};
    e.targetName = c.displayName.left(100);
    if (Status s = require(e); !s.ok()) {
        return s.error();
    }
    if (Status s = validateConnector(c, secret, true); !s.ok()) {
        return s.error();
    }
    if (!m_secrets) {
        return Error{
            ErrorCode::Secret, tr("No keychain is available to keep the API connector's credentials."), {}, {}, false};
    }
    auto tenant = tenantId();
    if (!tenant.ok()) {
        return tenant.error();
    }
    c.id = newId();
    c.createdAt = m_ctx.clock().nowMs();
    c.rowVersion = 1;
    c.endpointUrl = QUrl(c.endpointUrl).toString(QUrl::FullyEncoded);
    if (c.authType == QLatin1String("certificate")) {
        c.username.clear();
    }
    if (Status s = m_secrets->write(secretKey(*tenant, c.id), secret); !s.ok()) {
        return s.error();
    }
    c.hasSecret = true;
    auto r = m_ctx.db().transaction<ApiConnector>([&](QSqlDatabase &db) -> Result<ApiConnector> {
        auto ins =
            Database::exec(db,
                           QStringLiteral("INSERT INTO api_connectors (id, display_name, endpoint_url, auth_type, "
                                          "username, created_at) VALUES (?, ?, ?, ?, ?, ?)"),
                           {c.id, c.displayName.trimmed(), c.endpointUrl, c.authType, c.username, c.createdAt});
        if (!ins.ok()) {
            return ins.error();
        }
        e.targetId = c.id;
        e.after = c.toJson();
        if (Status s = AuditLog::append(db, m_ctx.clock(), m_ctx.op(), e); !s.ok()) {
            return s.error();
        }
        return c;
    });
    if (!r.ok()) {
        (void)m_secrets->remove(secretKey(*tenant, c.id)); // the row was not written: drop the orphan
    }
    return r;
}

Result<ApiConnector> UserFlowService::updateConnector(ApiConnector c, const QString &secret,
                                                      qint64 expectedRowVersion) {
    AuditEntry e{activity::UpdateApiConnector, category::UserFlows, QStringLiteral("apiConnector")};
    e.targetId = c.id;
    e.targetName = c.displayName.left(100);
    if (Status s = require(e); !s.ok()) {
        return s.error();
    }
    auto tenant = tenantId();
    if (!tenant.ok()) {
        return tenant.error();
    }
    auto c0 = m_ctx.db().connection();
    if (!c0.ok()) {
        return c0.error();
    }
    auto cur = readConnector(*c0, c.id);
    if (!cur.ok()) {
        return cur.error();
    }
    if (!*cur) {
        return Error::notFound(tr("The API connector %1").arg(c.id.left(100)));
    }
    // Switching the authentication type needs the new credentials.
    if (Status s = validateConnector(c, secret, c.authType != (*cur)->authType); !s.ok()) {
        return s.error();
    }
    c.endpointUrl = QUrl(c.endpointUrl).toString(QUrl::FullyEncoded);
    if (c.authType == QLatin1String("certificate")) {
        c.username.clear();
    }
    auto r = m_ctx.db().transaction<ApiConnector>([&](QSqlDatabase &db) -> Result<ApiConnector> {
        auto up =
            Database::exec(db,
                           QStringLiteral("UPDATE api_connectors SET display_name = ?, endpoint_url = ?, auth_type = "
                                          "?, username = ?, row_version = row_version + 1 WHERE id = ? AND "
                                          "row_version = ?"),
                           {c.displayName.trimmed(), c.endpointUrl, c.authType, c.username, c.id,
                            expectedRowVersion >= 0 ? expectedRowVersion : (*cur)->rowVersion});
        if (!up.ok()) {
            return up.error();
        }
        if (up->numRowsAffected() != 1) {
            return Error::conflict((*cur)->displayName);
        }
        c.createdAt = (*cur)->createdAt;
        c.rowVersion = (expectedRowVersion >= 0 ? expectedRowVersion : (*cur)->rowVersion) + 1;
        e.before = (*cur)->toJson();
        e.after = c.toJson();
        e.after.insert(QStringLiteral("credentialsChanged"), !secret.isEmpty());
        if (Status s = AuditLog::append(db, m_ctx.clock(), m_ctx.op(), e); !s.ok()) {
            return s.error();
        }
        return c;
    });
    if (!r.ok()) {
        return r;
    }
    if (!secret.isEmpty()) {
        if (!m_secrets) {
            return Error{ErrorCode::Secret,
                         tr("No keychain is available to keep the API connector's credentials."),
                         {},
                         {},
                         false};
        }
        if (Status s = m_secrets->write(secretKey(*tenant, c.id), secret); !s.ok()) {
            return s.error();
        }
    }
    r->hasSecret = m_secrets && m_secrets->read(secretKey(*tenant, c.id)).ok();
    return r;
}

Status UserFlowService::deleteConnector(const QString &id, qint64 expectedRowVersion) {
    AuditEntry e{activity::DeleteApiConnector, category::UserFlows, QStringLiteral("apiConnector")};
    e.targetId = id.left(100);
    if (Status s = require(e); !s.ok()) {
        return s;
    }
    auto tenant = tenantId();
    if (!tenant.ok()) {
        return tenant.error();
    }
    const Status st = m_ctx.db().transaction([&](QSqlDatabase &db) -> Status {
        auto cur = readConnector(db, id);
        if (!cur.ok()) {
            return cur.error();
        }
        if (!*cur) {
            return Error::notFound(tr("The API connector %1").arg(id.left(100)));
        }
        auto used =
            Database::exec(db,
                           QStringLiteral("SELECT DISTINCT f.name FROM user_flow_connectors c JOIN user_flows f "
                                          "ON f.id = c.flow_id WHERE c.connector_id = ? ORDER BY f.name"),
                           {id});
        if (!used.ok()) {
            return used.error();
        }
        QStringList names;
        while (used->next()) {
            names << used->value(0).toString();
        }
        if (!names.isEmpty()) {
            return Error::invalid(tr("The API connector %1 is used by the user flows %2; remove it from them first.")
                                      .arg((*cur)->displayName, names.join(QStringLiteral(", "))));
        }
        auto del = Database::exec(db, QStringLiteral("DELETE FROM api_connectors WHERE id = ? AND row_version = ?"),
                                  {id, expectedRowVersion >= 0 ? expectedRowVersion : (*cur)->rowVersion});
        if (!del.ok()) {
            return del.error();
        }
        if (del->numRowsAffected() != 1) {
            return Error::conflict((*cur)->displayName);
        }
        e.targetName = (*cur)->displayName;
        e.before = (*cur)->toJson();
        return AuditLog::append(db, m_ctx.clock(), m_ctx.op(), e);
    });
    if (st.ok() && m_secrets) {
        (void)m_secrets->remove(secretKey(*tenant, id)); // a leftover entry is harmless
    }
    return st;
}

} // namespace atrium::core
