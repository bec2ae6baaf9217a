#include "core/identityproviders/identityproviderservice.h"

#include "core/base/domainname.h"
#include "core/base/logging.h"
#include "core/crosstenant/crosstenantservice.h"
#include "core/federation/directfeddnschecker.h"
#include "core/federation/metadatafetcher.h"
#include "core/policy/collaborationsettings.h"
#include "core/secrets/secretstore.h"
#include "core/services/settingsservice.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QTimer>
#include <QUuid>

#include <algorithm>

namespace atrium::core {
namespace {
QString tr(const char *s) { return QCoreApplication::translate("atrium::core::IdentityProviderService", s); }
QString compact(const QJsonObject &o) { return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)); }
QJsonObject parseObject(const QString &s) { return QJsonDocument::fromJson(s.toUtf8()).object(); }
QString urlText(const QUrl &u) { return u.toString(QUrl::FullyEncoded); }

const QString kPartnerDirectoryId = QStringLiteral("partnerDirectory");
const QString kMicrosoftAccountId = QStringLiteral("microsoftAccount");
const QString kEmailOtpId = QStringLiteral("emailOneTimePasscode");
const QStringList kGoogleDomains{QStringLiteral("gmail.com"), QStringLiteral("googlemail.com")};
const QString kGoogleIssuer = QStringLiteral("google.com");
const QString kFacebookIssuer = QStringLiteral("facebook.com");

const QString kSelect = QStringLiteral(
    "SELECT id, kind, display_name, issuer, passive_sign_in_endpoint, metadata_url, metadata_json, client_id, "
    "oidc_discovery_json, created_at, updated_at, row_version FROM identity_providers");

Result<IdentityProvider> fromRow(const QSqlQuery &q) {
    IdentityProvider p;
    p.id = q.value(0).toString();
    p.kind = idpKindFromString(q.value(1).toString()).value_or(IdpKind::Saml);
    p.displayName = q.value(2).toString();
    p.issuer = q.value(3).toString();
    p.passiveSignInEndpoint = QUrl(q.value(4).toString(), QUrl::StrictMode);
    p.metadataUrl = QUrl(q.value(5).toString(), QUrl::StrictMode);
    if (const QString m = q.value(6).toString(); !m.isEmpty()) {
        auto md = metadataFromJson(parseObject(m));
        if (!md.ok()) {
            return md.error();
        }
        p.metadata = *md;
    }
    p.clientId = q.value(7).toString();
    p.discoveryJson = q.value(8).toString().toUtf8();
    if (!p.discoveryJson.isEmpty()) {
        if (auto d = parseOidcDiscovery(p.discoveryJson, p.issuer); d.ok()) {
            p.discovery = *d;
        }
    }
    p.createdAt = q.value(9).toLongLong();
    p.updatedAt = q.value(10).toLongLong();
    p.rowVersion = q.value(11).toLongLong();
    return p;
}

// Separate from fromRow: PostgreSQL (QPSQL) loses a result set when another query runs while it is read.
Status fillDomains(QSqlDatabase &db, IdentityProvider &p) {
    if (p.kind == IdpKind::Google) {
        p.domains = kGoogleDomains;
        return {};
    }
    auto d = Database::exec(db, QStringLiteral("SELECT domain FROM idp_domains WHERE idp_id = ? ORDER BY domain"), {p.id});
    if (!d.ok()) {
        return d.error();
    }
    while (d->next()) {
        p.domains << d->value(0).toString();
    }
    return {};
}

Result<std::optional<IdentityProvider>> readProvider(QSqlDatabase &db, const QString &id) {
    auto q = Database::exec(db, kSelect + QStringLiteral(" WHERE id = ?"), {id});
    if (!q.ok()) {
        return q.error();
    }
    if (!q->next()) {
        return std::optional<IdentityProvider>{};
    }
    auto p = fromRow(*q);
    if (!p.ok()) {
        return p.error();
    }
    q->finish();
    if (Status s = fillDomains(db, *p); !s.ok()) {
        return s.error();
    }
    return std::optional<IdentityProvider>(*p);
}

Result<QList<IdentityProvider>> readAll(QSqlDatabase &db) {
    auto q = Database::exec(db, kSelect + QStringLiteral(" ORDER BY display_name, id"));
    if (!q.ok()) {
        return q.error();
    }
    QList<IdentityProvider> out;
    while (q->next()) {
        auto p = fromRow(*q);
        if (!p.ok()) {
            return p.error();
        }
        out << *p;
    }
    q->finish();
    for (IdentityProvider &p : out) {
        if (Status s = fillDomains(db, p); !s.ok()) {
            return s.error();
        }
    }
    return out;
}

Result<bool> emailOtpEnabled(QSqlDatabase &db) {
    auto v = SettingsService::read(db, settingkey::Collaboration);
    if (!v.ok()) {
        return v.error();
    }
    if (v->trimmed().isEmpty()) {
        return CollaborationSettings{}.emailOtpEnabled;
    }
    auto s = CollaborationSettings::fromJson(parseObject(*v));
    return s.ok() ? s->emailOtpEnabled : CollaborationSettings{}.emailOtpEnabled;
}

// The audit view of a provider: what an admin changed, without computed warnings.
QJsonObject auditJson(const IdentityProvider &p) {
    QJsonObject o = p.toJson();
    o.remove(QStringLiteral("warnings"));
    o.remove(QStringLiteral("status"));
    o.remove(QStringLiteral("secretStored"));
    return o;
}

Result<QStringList> normalizeDomains(const QStringList &in) {
    QStringList out;
    for (const QString &d : in) {
        auto n = normalizeDomain(d.trimmed());
        if (!n.ok()) {
            Error e = n.error();
            e.field = QStringLiteral("domains");
            return e;
        }
        if (kGoogleDomains.contains(*n)) {
            return Error::invalid(tr("%1 addresses sign in with Google; it cannot be a federation domain.").arg(*n),
                                  QStringLiteral("domains"));
        }
        if (!out.contains(*n)) {
            out << *n;
        }
    }
    return out;
}

// Refuses a domain that belongs to another federation, naming it.
Status checkDomainsFree(QSqlDatabase &db, const QStringList &domains, const QString &ownId) {
    for (const QString &d : domains) {
        auto q = Database::exec(db,
                                QStringLiteral("SELECT p.id, p.display_name FROM idp_domains d JOIN identity_providers p "
                                               "ON p.id = d.idp_id WHERE d.domain = ?"),
                                {d});
        if (!q.ok()) {
            return q.error();
        }
        if (q->next() && q->value(0).toString() != ownId) {
            return Error{ErrorCode::AlreadyExists,
                         tr("The domain %1 already belongs to the federation \"%2\"; a domain can belong to one "
                            "federation only.")
                             .arg(domainForDisplay(d), q->value(1).toString()),
                         {}, QStringLiteral("domains"), false};
        }
    }
    return {};
}

Status writeDomains(QSqlDatabase &db, const QString &id, const QStringList &domains) {
    if (auto q = Database::exec(db, QStringLiteral("DELETE FROM idp_domains WHERE idp_id = ?"), {id}); !q.ok()) {
        return q.error();
    }
    for (const QString &d : domains) {
        if (auto q = Database::exec(db, QStringLiteral("INSERT INTO idp_domains (domain, idp_id) VALUES (?, ?)"), {d, id});
            !q.ok()) {
            return q.error();
        }
    }
    return {};
}

Status checkEndpoint(const FederationMetadata &m) {
    const QUrl &u = m.passiveSignInEndpoint;
    if (!u.isValid() || u.scheme() != QLatin1String("https") || u.host().isEmpty()) {
        return Error::invalid(tr("The passive sign-in endpoint must be an https URL; the metadata says \"%1\".")
                                  .arg(urlText(u)),
                              QStringLiteral("passiveSignInEndpoint"));
    }
    return {};
}

IdpKind kindFor(const FederationMetadata &m) {
    return m.protocol == FederationMetadata::Protocol::WsFed ? IdpKind::WsFed : IdpKind::Saml;
}

Result<QByteArray> fetchBlocking(const QUrl &url) {
    QNetworkAccessManager nam;
    MetadataFetcher fetcher(&nam);
    std::optional<Result<QByteArray>> out;
    QEventLoop loop;
    QObject::connect(&fetcher, &MetadataFetcher::finished, &loop, [&](Result<QByteArray> r) {
        out.emplace(std::move(r));
        loop.quit();
    });
    fetcher.fetch(url);
    if (!out) {
        loop.exec();
    }
    return std::move(*out);
}

Result<std::optional<RedemptionOrderRecord>> readOrder(QSqlDatabase &db, const QString &scope) {
    auto q = Database::exec(db, QStringLiteral("SELECT order_json, row_version FROM idp_redemption_orders WHERE scope = ?"),
                            {scope});
    if (!q.ok()) {
        return q.error();
    }
    if (!q->next()) {
        return std::optional<RedemptionOrderRecord>{};
    }
    auto o = RedemptionOrder::fromJson(parseObject(q->value(0).toString()));
    if (!o.ok()) {
        return o.error();
    }
    RedemptionOrderRecord r;
    r.partnerTenantId = scope;
    r.order = *o;
    r.isDefault = false;
    r.rowVersion = q->value(1).toLongLong();
    return std::optional<RedemptionOrderRecord>(r);
}

// Compare-and-swap unless the caller passed -1 (CLI "apply what is there now").
QString cas(qint64 expected) { return expected < 0 ? QString() : QStringLiteral(" AND row_version = ?"); }
QVariantList withCas(QVariantList values, qint64 expected) {
    if (expected >= 0) {
        values << expected;
    }
    return values;
}

QString normalizedTenant(const QString &t) {
    const QString n = normalizeTenantId(t);
    return n.isEmpty() ? t.trimmed().toLower() : n;
}

const QString kAuditRead = QStringLiteral("Read identity providers");
} // namespace

QJsonObject MetadataRefresh::toJson() const {
    QJsonArray ch;
    for (const FieldChange &c : changes) {
        ch.append(QJsonObject{{QStringLiteral("field"), c.field},
                              {QStringLiteral("label"), fieldLabel(c.field)},
                              {QStringLiteral("before"), c.before},
                              {QStringLiteral("after"), c.after}});
    }
    return {{QStringLiteral("id"), id}, {QStringLiteral("changes"), ch}, {QStringLiteral("applied"), applied},
            {QStringLiteral("rowVersion"), rowVersion}};
}

QJsonObject RedemptionOrderRecord::toJson() const {
    QJsonObject o = order.toJson();
    o.insert(QStringLiteral("partnerTenantId"), partnerTenantId);
    o.insert(QStringLiteral("isDefault"), isDefault);
    o.insert(QStringLiteral("rowVersion"), rowVersion);
    return o;
}

QJsonObject resolvedIdpToJson(const ResolvedIdp &r) {
    QJsonArray trace;
    for (const auto &step : r.trace) {
        trace.append(QJsonObject{{QStringLiteral("step"), step.first},
                                 {QStringLiteral("label"), redemptionStepLabel(step.first)},
                                 {QStringLiteral("finding"), step.second}});
    }
    return {{QStringLiteral("provider"), r.provider}, {QStringLiteral("displayName"), r.displayName},
            {QStringLiteral("trace"), trace}};
}

IdentityProviderService::IdentityProviderService(ServiceContext ctx, std::shared_ptr<SecretStore> secrets)
    : m_ctx(std::move(ctx)), m_secrets(std::move(secrets)) {}

QString IdentityProviderService::secretKey(const QString &tenantId, const QString &id) {
    return tenantId + QStringLiteral("/idp/") + id + QStringLiteral("/secret");
}

Status IdentityProviderService::requireManage(AuditEntry &e) const {
    e.category = category::IdentityProviders;
    if (e.targetType.isEmpty()) {
        e.targetType = QStringLiteral("identityProvider");
    }
    return m_ctx.require(Permission::ManageIdentityProviders, e);
}

Result<QString> IdentityProviderService::tenantId() const {
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

bool IdentityProviderService::hasSecret(const QString &id) const {
    auto t = tenantId();
    if (!t.ok() || !m_secrets) {
        return false;
    }
    return m_secrets->read(secretKey(*t, id)).ok();
}

void IdentityProviderService::decorate(IdentityProvider &p, const QString &tenant) const {
    const QDateTime now = m_ctx.clock().now();
    if (p.metadata) {
        for (const SigningCertificate &c : p.metadata->signingCertificates) {
            switch (certificateHealth(c, now)) {
            case CertificateHealth::Valid:
                break;
            case CertificateHealth::ExpiringSoon:
                p.warnings.append({QStringLiteral("certificateExpiringSoon"),
                                   tr("Signing certificate %1: %2").arg(c.subject, certificateHealthMessage(c, now))});
                break;
            case CertificateHealth::Expired:
                p.warnings.append({QStringLiteral("certificateExpired"),
                                   tr("Signing certificate %1: %2").arg(c.subject, certificateHealthMessage(c, now))});
                break;
            case CertificateHealth::NotYetValid:
                p.warnings.append({QStringLiteral("certificateNotYetValid"),
                                   tr("Signing certificate %1: %2").arg(c.subject, certificateHealthMessage(c, now))});
                break;
            }
        }
    }
    if (p.kind == IdpKind::Saml || p.kind == IdpKind::WsFed) {
        for (const QString &d : std::as_const(p.domains)) {
            if (needsDirectFedDnsRecord(d, p.passiveSignInEndpoint)) {
                p.warnings.append({QStringLiteral("dnsRecordNeeded"),
                                   tr("The sign-in endpoint is not on %1: the partner must publish the DNS TXT record "
                                      "DirectFedAuthUrl=%2 on it.")
                                       .arg(domainForDisplay(d), urlText(p.passiveSignInEndpoint))});
            }
        }
    }
    if (hasClientSecret(p.kind)) {
        p.secretStored = m_secrets && !tenant.isEmpty() && m_secrets->read(secretKey(tenant, p.id)).ok();
        if (!p.secretStored) {
            p.warnings.append({QStringLiteral("secretMissing"),
                               tr("The client secret is missing from the keychain: sign-in with %1 fails until it is "
                                  "entered again.")
                                   .arg(p.displayName)});
        }
    }
}

Result<QList<IdentityProvider>> IdentityProviderService::list() const {
    if (Status s = m_ctx.require(Permission::ReadDirectory, {kAuditRead, category::IdentityProviders}); !s.ok()) {
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
    auto otp = emailOtpEnabled(*c);
    if (!otp.ok()) {
        return otp.error();
    }
    auto configured = readAll(*c);
    if (!configured.ok()) {
        return configured.error();
    }
    QList<IdentityProvider> out;
    IdentityProvider pd;
    pd.id = kPartnerDirectoryId;
    pd.kind = IdpKind::PartnerDirectory;
    pd.displayName = idpKindLabel(pd.kind);
    IdentityProvider msa;
    msa.id = kMicrosoftAccountId;
    msa.kind = IdpKind::MicrosoftAccount;
    msa.displayName = idpKindLabel(msa.kind);
    IdentityProvider otpIdp;
    otpIdp.id = kEmailOtpId;
    otpIdp.kind = IdpKind::EmailOneTimePasscode;
    otpIdp.displayName = idpKindLabel(otpIdp.kind);
    otpIdp.enabled = *otp;
    out << pd << msa << otpIdp;
    for (IdentityProvider &p : *configured) {
        decorate(p, *tenant);
        out << p;
    }
    return out;
}

Result<IdentityProvider> IdentityProviderService::show(const QString &id) const {
    auto all = list();
    if (!all.ok()) {
        return all.error();
    }
    for (const IdentityProvider &p : std::as_const(*all)) {
        if (p.id == id) {
            return p;
        }
    }
    return Error::notFound(tr("The identity provider %1").arg(id));
}

Result<IdentityProvider> IdentityProviderService::addConfigured(IdentityProvider p, const QString &secret) {
    p.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    AuditEntry e{activity::AddIdentityProvider, category::IdentityProviders, QStringLiteral("identityProvider"), p.id,
                 p.displayName};
    if (Status s = requireManage(e); !s.ok()) {
        return s.error();
    }
    auto tenant = tenantId();
    if (!tenant.ok()) {
        return tenant.error();
    }
    const bool withSecret = hasClientSecret(p.kind);
    if (withSecret) {
        if (!m_secrets) {
            return Error{ErrorCode::Secret, tr("No keychain is available to store the client secret."), {}, {}, false};
        }
        if (Status s = m_secrets->write(secretKey(*tenant, p.id), secret); !s.ok()) {
            return s.error();
        }
    }
    const qint64 now = m_ctx.clock().nowMs();
    p.createdAt = now;
    p.updatedAt = now;
    p.rowVersion = 1;
    const Status s = m_ctx.db().transaction([&](QSqlDatabase &db) -> Status {
        if (p.kind == IdpKind::Google || p.kind == IdpKind::Facebook) {
            auto q = Database::exec(db, QStringLiteral("SELECT display_name FROM identity_providers WHERE kind = ?"),
                                    {toString(p.kind)});
            if (!q.ok()) {
                return q.error();
            }
            if (q->next()) {
                return Error{ErrorCode::AlreadyExists, tr("%1 is already configured.").arg(idpKindLabel(p.kind)), {}, {},
                             false};
            }
        } else {
            auto q = Database::exec(db, QStringLiteral("SELECT display_name FROM identity_providers WHERE issuer = ? AND "
                                                       "kind IN ('saml', 'wsfed', 'oidc')"),
                                    {p.issuer});
            if (!q.ok()) {
                return q.error();
            }
            if (q->next()) {
                return Error{ErrorCode::AlreadyExists,
                             tr("The issuer %1 is already configured as \"%2\".").arg(p.issuer, q->value(0).toString()),
                             {}, QStringLiteral("issuer"), false};
            }
            if (Status d = checkDomainsFree(db, p.domains, p.id); !d.ok()) {
                return d;
            }
        }
        auto q = Database::exec(
            db,
            QStringLiteral("INSERT INTO identity_providers (id, kind, display_name, protocol, issuer, "
                           "passive_sign_in_endpoint, metadata_url, metadata_json, client_id, oidc_discovery_json, "
                           "created_at, updated_at, row_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)"),
            {p.id, toString(p.kind), p.displayName, p.metadata ? core::toString(p.metadata->protocol) : QString(),
             p.issuer, urlText(p.passiveSignInEndpoint), urlText(p.metadataUrl),
             p.metadata ? compact(metadataToJson(*p.metadata)) : QString(), p.clientId,
             QString::fromUtf8(p.discoveryJson), now, now});
        if (!q.ok()) {
            return q.error();
        }
        if (p.kind != IdpKind::Google) {
            if (Status d = writeDomains(db, p.id, p.domains); !d.ok()) {
                return d;
            }
        }
        e.after = auditJson(p);
        return AuditLog::append(db, m_ctx.clock(), m_ctx.op(), e);
    });
    if (!s.ok()) {
        if (withSecret) {
            (void)m_secrets->remove(secretKey(*tenant, p.id));
        }
        return m_ctx.refuse(s.error(), e).error();
    }
    decorate(p, *tenant);
    return p;
}

Result<IdentityProvider> IdentityProviderService::addSamlFromMetadata(const QByteArray &xml, const QStringList &domains,
                                                                      const QString &displayName, const QUrl &metadataUrl) {
    auto md = parseFederationMetadata(xml);
    if (!md.ok()) {
        return md.error();
    }
    if (Status s = checkEndpoint(*md); !s.ok()) {
        return s.error();
    }
    auto doms = normalizeDomains(domains);
    if (!doms.ok()) {
        return doms.error();
    }
    if (doms->isEmpty()) {
        return Error::invalid(tr("Name at least one domain whose users sign in with this federation."),
                              QStringLiteral("domains"));
    }
    IdentityProvider p;
    p.kind = kindFor(*md);
    p.displayName = displayName.trimmed().isEmpty() ? md->entityId : displayName.trimmed();
    p.issuer = md->entityId;
    p.passiveSignInEndpoint = md->passiveSignInEndpoint;
    p.metadataUrl = metadataUrl;
    p.domains = *doms;
    md->warnings.clear();
    p.metadata = *md;
    return addConfigured(std::move(p), {});
}

Result<IdentityProvider> IdentityProviderService::addSamlFromUrl(const QUrl &url, const QStringList &domains,
                                                                 const QString &displayName) {
    if (const QString why = MetadataFetcher::refusalReason(url); !why.isEmpty()) {
        return Error::invalid(why, QStringLiteral("metadataUrl"));
    }
    auto body = fetchBlocking(url);
    if (!body.ok()) {
        return body.error();
    }
    return addSamlFromMetadata(*body, domains, displayName, url);
}

Result<IdentityProvider> IdentityProviderService::setDomains(const QString &id, const QStringList &domains,
                                                             qint64 expectedRowVersion) {
    AuditEntry e{activity::UpdateIdentityProvider, category::IdentityProviders, QStringLiteral("identityProvider"), id};
    if (Status s = requireManage(e); !s.ok()) {
        return s.error();
    }
    auto doms = normalizeDomains(domains);
    if (!doms.ok()) {
        return doms.error();
    }
    auto tenant = tenantId();
    if (!tenant.ok()) {
        return tenant.error();
    }
    auto r = m_ctx.db().transaction<IdentityProvider>([&](QSqlDatabase &db) -> Result<IdentityProvider> {
        auto cur = readProvider(db, id);
        if (!cur.ok()) {
            return cur.error();
        }
        if (!*cur) {
            return Error::notFound(tr("The identity provider %1").arg(id));
        }
        IdentityProvider p = **cur;
        if (p.kind == IdpKind::Google || p.kind == IdpKind::Facebook) {
            return Error::invalid(tr("The domains of %1 are fixed.").arg(idpKindLabel(p.kind)), QStringLiteral("domains"));
        }
        if ((p.kind == IdpKind::Saml || p.kind == IdpKind::WsFed) && doms->isEmpty()) {
            return Error::invalid(tr("A federation needs at least one domain."), QStringLiteral("domains"));
        }
        if (Status d = checkDomainsFree(db, *doms, id); !d.ok()) {
            return d.error();
        }
        e.targetName = p.displayName;
        e.before = auditJson(p);
        auto q = Database::exec(db, QStringLiteral("UPDATE identity_providers SET updated_at = ?, row_version = row_version + 1 "
                                                   "WHERE id = ?") + cas(expectedRowVersion),
                                withCas({m_ctx.clock().nowMs(), id}, expectedRowVersion));
        if (!q.ok()) {
            return q.error();
        }
        if (q->numRowsAffected() == 0) {
            return Error::conflict(tr("The identity provider \"%1\"").arg(p.displayName));
        }
        if (Status d = writeDomains(db, id, *doms); !d.ok()) {
            return d.error();
        }
        auto after = readProvider(db, id);
        if (!after.ok()) {
            return after.error();
        }
        e.after = auditJson(**after);
        if (Status a = AuditLog::append(db, m_ctx.clock(), m_ctx.op(), e); !a.ok()) {
            return a.error();
        }
        return **after;
    });
    if (!r.ok()) {
        return m_ctx.refuse(r.error(), e).error();
    }
    decorate(*r, *tenant);
    return r;
}

Result<MetadataRefresh> IdentityProviderService::refreshFromMetadata(const QString &id, const QByteArray &xml, bool apply,
                                                                     qint64 expectedRowVersion) {
    AuditEntry e{activity::UpdateIdentityProvider, category::IdentityProviders, QStringLiteral("identityProvider"), id};
    if (apply) {
        if (Status s = requireManage(e); !s.ok()) {
            return s.error();
        }
    } else if (Status s = m_ctx.require(Permission::ReadDirectory, {kAuditRead, category::IdentityProviders}); !s.ok()) {
        return s.error();
    }
    auto r = m_ctx.db().transaction<MetadataRefresh>([&](QSqlDatabase &db) -> Result<MetadataRefresh> {
        auto cur = readProvider(db, id);
        if (!cur.ok()) {
            return cur.error();
        }
        if (!*cur || !(*cur)->metadata) {
            return Error::notFound(tr("The federation %1").arg(id));
        }
        const IdentityProvider &p = **cur;
        auto md = parseFederationMetadata(xml, p.issuer, p.metadata->protocol);
        if (!md.ok()) {
            return md.error();
        }
        md->warnings.clear();
        MetadataRefresh out;
        out.id = id;
        out.stored = *p.metadata;
        out.fetched = *md;
        out.changes = diffMetadata(out.stored, out.fetched);
        out.rowVersion = p.rowVersion;
        if (!apply || out.changes.isEmpty()) {
            return out;
        }
        if (Status s = checkEndpoint(*md); !s.ok()) {
            return s.error();
        }
        e.targetName = p.displayName;
        e.before = auditJson(p);
        auto q = Database::exec(
            db,
            QStringLiteral("UPDATE identity_providers SET kind = ?, protocol = ?, passive_sign_in_endpoint = ?, "
                           "metadata_json = ?, updated_at = ?, row_version = row_version + 1 "
                           "WHERE id = ?") + cas(expectedRowVersion),
            withCas({toString(kindFor(*md)), core::toString(md->protocol), urlText(md->passiveSignInEndpoint),
                     compact(metadataToJson(*md)), m_ctx.clock().nowMs(), id},
                    expectedRowVersion));
        if (!q.ok()) {
            return q.error();
        }
        if (q->numRowsAffected() == 0) {
            return Error::conflict(tr("The identity provider \"%1\"").arg(p.displayName));
        }
        auto after = readProvider(db, id);
        if (!after.ok()) {
            return after.error();
        }
        e.after = auditJson(**after);
        if (Status a = AuditLog::append(db, m_ctx.clock(), m_ctx.op(), e); !a.ok()) {
            return a.error();
        }
        out.applied = true;
        out.rowVersion = (*after)->rowVersion;
        return out;
    });
    if (!r.ok() && apply) {
        return m_ctx.refuse(r.error(), e).error();
    }
    return r;
}

Result<MetadataRefresh> IdentityProviderService::refresh(const QString &id, bool apply, qint64 expectedRowVersion) {
    QUrl url;
    {
        auto c = m_ctx.db().connection();
        if (!c.ok()) {
            return c.error();
        }
        auto cur = readProvider(*c, id);
        if (!cur.ok()) {
            return cur.error();
        }
        if (!*cur) {
            return Error::notFound(tr("The identity provider %1").arg(id));
        }
        url = (*cur)->metadataUrl;
    }
    if (url.isEmpty()) {
        return Error::invalid(tr("This federation has no metadata URL; import a new metadata file instead."),
                              QStringLiteral("metadataUrl"));
    }
    auto body = fetchBlocking(url);
    if (!body.ok()) {
        return body.error();
    }
    return refreshFromMetadata(id, *body, apply, expectedRowVersion);
}

Result<IdentityProvider> IdentityProviderService::addGoogle(const QString &clientId, const QString &clientSecret) {
    if (clientId.trimmed().isEmpty()) {
        return Error::invalid(tr("Enter the Google client id."), QStringLiteral("clientId"));
    }
    if (clientSecret.isEmpty()) {
        return Error::invalid(tr("Enter the Google client secret."), QStringLiteral("clientSecret"));
    }
    IdentityProvider p;
    p.kind = IdpKind::Google;
    p.displayName = idpKindLabel(p.kind);
    p.issuer = kGoogleIssuer;
    p.clientId = clientId.trimmed();
    p.domains = kGoogleDomains;
    return addConfigured(std::move(p), clientSecret);
}

Result<IdentityProvider> IdentityProviderService::addFacebook(const QString &appId, const QString &appSecret) {
    if (appId.trimmed().isEmpty()) {
        return Error::invalid(tr("Enter the Facebook app id."), QStringLiteral("clientId"));
    }
    if (appSecret.isEmpty()) {
        return Error::invalid(tr("Enter the Facebook app secret."), QStringLiteral("clientSecret"));
    }
    IdentityProvider p;
    p.kind = IdpKind::Facebook;
    p.displayName = idpKindLabel(p.kind);
    p.issuer = kFacebookIssuer;
    p.clientId = appId.trimmed();
    return addConfigured(std::move(p), appSecret);
}

Result<IdentityProvider> IdentityProviderService::addOidc(const QString &issuer, const QByteArray &discoveryJson,
                                                          const QString &clientId, const QString &clientSecret,
                                                          const QString &displayName, const QStringList &domains) {
    auto d = parseOidcDiscovery(discoveryJson, issuer);
    if (!d.ok()) {
        return d.error();
    }
    if (clientId.trimmed().isEmpty()) {
        return Error::invalid(tr("Enter the client id."), QStringLiteral("clientId"));
    }
    if (clientSecret.isEmpty()) {
        return Error::invalid(tr("Enter the client secret."), QStringLiteral("clientSecret"));
    }
    auto doms = normalizeDomains(domains);
    if (!doms.ok()) {
        return doms.error();
    }
    IdentityProvider p;
    p.kind = IdpKind::Oidc;
    p.displayName = displayName.trimmed().isEmpty() ? issuer : displayName.trimmed();
    p.issuer = d->issuer;
    p.clientId = clientId.trimmed();
    p.discoveryJson = discoveryJson;
    p.discovery = *d;
    p.domains = *doms;
    return addConfigured(std::move(p), clientSecret);
}

Result<qint64> IdentityProviderService::redeemedGuestCount(const QString &id) const {
    auto c = m_ctx.db().connection();
    if (!c.ok()) {
        return c.error();
    }
    auto cur = readProvider(*c, id);
    if (!cur.ok()) {
        return cur.error();
    }
    if (!*cur) {
        return Error::notFound(tr("The identity provider %1").arg(id));
    }
    auto q = Database::exec(*c, QStringLiteral("SELECT COUNT(DISTINCT user_id) FROM user_identities WHERE issuer = ?"),
                            {(*cur)->issuer});
    if (!q.ok()) {
        return q.error();
    }
    return q->next() ? q->value(0).toLongLong() : 0;
}

Result<IdpRemoval> IdentityProviderService::remove(const QString &id, qint64 expectedRowVersion) {
    AuditEntry e{activity::DeleteIdentityProvider, category::IdentityProviders, QStringLiteral("identityProvider"), id};
    if (Status s = requireManage(e); !s.ok()) {
        return s.error();
    }
    auto tenant = tenantId();
    if (!tenant.ok()) {
        return tenant.error();
    }
    bool withSecret = false;
    auto r = m_ctx.db().transaction<IdpRemoval>([&](QSqlDatabase &db) -> Result<IdpRemoval> {
        auto cur = readProvider(db, id);
        if (!cur.ok()) {
            return cur.error();
        }
        if (!*cur) {
            return Error::notFound(tr("The identity provider %1").arg(id));
        }
        const IdentityProvider &p = **cur;
        withSecret = hasClientSecret(p.kind);
        IdpRemoval out;
        out.id = id;
        out.displayName = p.displayName;
        auto n = Database::exec(db, QStringLiteral("SELECT COUNT(DISTINCT user_id) FROM user_identities WHERE issuer = ?"),
                                {p.issuer});
        if (!n.ok()) {
            return n.error();
        }
        out.redeemedGuests = n->next() ? n->value(0).toLongLong() : 0;
        if (auto q = Database::exec(db, QStringLiteral("DELETE FROM idp_domains WHERE idp_id = ?"), {id}); !q.ok()) {
            return q.error();
        }
        auto q = Database::exec(db, QStringLiteral("DELETE FROM identity_providers WHERE id = ?") + cas(expectedRowVersion),
                                withCas({id}, expectedRowVersion));
        if (!q.ok()) {
            return q.error();
        }
        if (q->numRowsAffected() == 0) {
            return Error::conflict(tr("The identity provider \"%1\"").arg(p.displayName));
        }
        e.targetName = p.displayName;
        e.before = auditJson(p);
        e.after = {{QStringLiteral("redeemedGuests"), out.redeemedGuests}};
        if (Status a = AuditLog::append(db, m_ctx.clock(), m_ctx.op(), e); !a.ok()) {
            return a.error();
        }
        return out;
    });
    if (!r.ok()) {
        return m_ctx.refuse(r.error(), e).error();
    }
    if (withSecret && m_secrets) {
        if (Status s = m_secrets->remove(secretKey(*tenant, id)); !s.ok()) {
            qCWarning(lcFederation) << "could not remove the client secret of a deleted identity provider:" << s.error().message;
        }
    }
    return r;
}

Status IdentityProviderService::setSecret(const QString &id, const QString &secret) {
    AuditEntry e{activity::UpdateIdentityProvider, category::IdentityProviders, QStringLiteral("identityProvider"), id};
    if (Status s = requireManage(e); !s.ok()) {
        return s;
    }
    if (secret.isEmpty()) {
        return Error::invalid(tr("Enter the client secret."), QStringLiteral("clientSecret"));
    }
    if (!m_secrets) {
        return Error{ErrorCode::Secret, tr("No keychain is available to store the client secret."), {}, {}, false};
    }
    auto tenant = tenantId();
    if (!tenant.ok()) {
        return tenant.error();
    }
    auto c = m_ctx.db().connection();
    if (!c.ok()) {
        return c.error();
    }
    auto cur = readProvider(*c, id);
    if (!cur.ok()) {
        return cur.error();
    }
    if (!*cur || !hasClientSecret((*cur)->kind)) {
        return Error::notFound(tr("The identity provider %1 with a client secret").arg(id));
    }
    if (Status s = m_secrets->write(secretKey(*tenant, id), secret); !s.ok()) {
        return m_ctx.refuse(s.error(), e);
    }
    e.targetName = (*cur)->displayName;
    e.after = {{QStringLiteral("secretStored"), true}}; // never the value
    return m_ctx.db().transaction([&](QSqlDatabase &db) { return AuditLog::append(db, m_ctx.clock(), m_ctx.op(), e); });
}

DirectFedDnsOutcome IdentityProviderService::checkDnsBlocking(const QString &domain, const QUrl &endpoint, int timeoutMs,
                                                              const QHostAddress &nameserver) {
    DirectFedDnsChecker checker;
    if (!nameserver.isNull()) {
        checker.setNameserver(nameserver);
    }
    std::optional<DirectFedDnsOutcome> out;
    QEventLoop loop;
    QObject::connect(&checker, &DirectFedDnsChecker::finished, &loop, [&](const DirectFedDnsOutcome &o) {
        out = o;
        loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    checker.check(domain, endpoint);
    loop.exec();
    if (!out) {
        DirectFedDnsOutcome o;
        o.state = DirectFedDnsOutcome::State::LookupFailed;
        o.message = tr("The DNS lookup for %1 did not answer within %2 seconds.").arg(domain).arg(timeoutMs / 1000);
        return o;
    }
    return *out;
}

Result<DirectFedDnsOutcome> IdentityProviderService::checkDns(const QString &id, const QString &domain, int timeoutMs,
                                                              const QHostAddress &nameserver) const {
    auto c = m_ctx.db().connection();
    if (!c.ok()) {
        return c.error();
    }
    auto cur = readProvider(*c, id);
    if (!cur.ok()) {
        return cur.error();
    }
    if (!*cur || (*cur)->passiveSignInEndpoint.isEmpty()) {
        return Error::notFound(tr("The federation %1").arg(id));
    }
    auto n = normalizeDomain(domain);
    if (!n.ok()) {
        return n.error();
    }
    return checkDnsBlocking(*n, (*cur)->passiveSignInEndpoint, timeoutMs, nameserver);
}

Result<RedemptionOrderRecord> IdentityProviderService::redemptionOrder(const QString &partnerTenantId) const {
    if (Status s = m_ctx.require(Permission::ReadDirectory, {kAuditRead, category::IdentityProviders}); !s.ok()) {
        return s.error();
    }
    auto c = m_ctx.db().connection();
    if (!c.ok()) {
        return c.error();
    }
    const QString scope = partnerTenantId.isEmpty() ? QString() : normalizedTenant(partnerTenantId);
    auto own = readOrder(*c, scope);
    if (!own.ok()) {
        return own.error();
    }
    if (*own) {
        return **own;
    }
    RedemptionOrderRecord r;
    r.partnerTenantId = scope;
    if (!scope.isEmpty()) {
        auto def = readOrder(*c, QString());
        if (!def.ok()) {
            return def.error();
        }
        if (*def) {
            r.order = (*def)->order;
        }
    }
    return r;
}

Result<RedemptionOrderRecord> IdentityProviderService::setRedemptionOrder(const QString &partnerTenantId,
                                                                          const RedemptionOrder &order,
                                                                          qint64 expectedRowVersion) {
    const QString scope = partnerTenantId.isEmpty() ? QString() : normalizedTenant(partnerTenantId);
    AuditEntry e{activity::UpdateRedemptionOrder, category::IdentityProviders, QStringLiteral("redemptionOrder"),
                 scope.isEmpty() ? QStringLiteral("default") : scope};
    if (Status s = requireManage(e); !s.ok()) {
        return s.error();
    }
    auto r = m_ctx.db().transaction<RedemptionOrderRecord>([&](QSqlDatabase &db) -> Result<RedemptionOrderRecord> {
        auto otp = emailOtpEnabled(db);
        if (!otp.ok()) {
            return otp.error();
        }
        if (Status v = order.validate(*otp); !v.ok()) {
            return v.error();
        }
        if (!scope.isEmpty()) {
            auto p = Database::exec(db, QStringLiteral("SELECT name FROM cross_tenant_partners WHERE tenant_id = ?"), {scope});
            if (!p.ok()) {
                return p.error();
            }
            if (!p->next()) {
                return Error::notFound(tr("The partner organization %1").arg(scope));
            }
            e.targetName = p->value(0).toString();
        }
        auto cur = readOrder(db, scope);
        if (!cur.ok()) {
            return cur.error();
        }
        const qint64 now = m_ctx.clock().nowMs();
        if (*cur) {
            e.before = (*cur)->order.toJson();
            auto q = Database::exec(db, QStringLiteral("UPDATE idp_redemption_orders SET order_json = ?, updated_at = ?, "
                                                       "row_version = row_version + 1 WHERE scope = ? AND row_version = ?"),
                                    {compact(order.toJson()), now, scope, expectedRowVersion});
            if (!q.ok()) {
                return q.error();
            }
            if (q->numRowsAffected() == 0) {
                return Error::conflict(tr("The redemption order"));
            }
        } else {
            if (expectedRowVersion != 0) {
                return Error::conflict(tr("The redemption order"));
            }
            e.before = RedemptionOrder{}.toJson();
            auto q = Database::exec(db, QStringLiteral("INSERT INTO idp_redemption_orders (scope, order_json, updated_at, "
                                                       "row_version) VALUES (?, ?, ?, 1)"),
                                    {scope, compact(order.toJson()), now});
            if (!q.ok()) {
                return q.error().code == ErrorCode::AlreadyExists ? Error::conflict(tr("The redemption order")) : q.error();
            }
        }
        e.after = order.toJson();
        if (Status a = AuditLog::append(db, m_ctx.clock(), m_ctx.op(), e); !a.ok()) {
            return a.error();
        }
        auto after = readOrder(db, scope);
        if (!after.ok()) {
            return after.error();
        }
        return **after;
    });
    if (!r.ok()) {
        return m_ctx.refuse(r.error(), e).error();
    }
    return r;
}

Status IdentityProviderService::resetPartnerRedemptionOrder(const QString &partnerTenantId, qint64 expectedRowVersion) {
    const QString scope = normalizedTenant(partnerTenantId);
    AuditEntry e{activity::UpdateRedemptionOrder, category::IdentityProviders, QStringLiteral("redemptionOrder"), scope};
    if (Status s = requireManage(e); !s.ok()) {
        return s;
    }
    if (scope.isEmpty()) {
        return Error::invalid(tr("Name the partner whose own redemption order is removed."), QStringLiteral("partner"));
    }
    const Status s = m_ctx.db().transaction([&](QSqlDatabase &db) -> Status {
        auto cur = readOrder(db, scope);
        if (!cur.ok()) {
            return cur.error();
        }
        if (!*cur) {
            return {};
        }
        auto q = Database::exec(db, QStringLiteral("DELETE FROM idp_redemption_orders WHERE scope = ? AND row_version = ?"),
                                {scope, expectedRowVersion});
        if (!q.ok()) {
            return q.error();
        }
        if (q->numRowsAffected() == 0) {
            return Error::conflict(tr("The redemption order"));
        }
        e.before = (*cur)->order.toJson();
        return AuditLog::append(db, m_ctx.clock(), m_ctx.op(), e);
    });
    return s.ok() ? s : m_ctx.refuse(s.error(), e);
}

Result<ResolverContext> IdentityProviderService::buildResolverContext(QSqlDatabase &db) {
    ResolverContext ctx;
    auto snap = CrossTenantService::loadSnapshot(db);
    if (!snap.ok()) {
        return snap.error();
    }
    for (const auto &p : (*snap)->partners()) {
        for (const QString &d : p.config.domains) {
            ctx.partnerDirectoryDomains.insert(d);
        }
    }
    auto q = Database::exec(db, QStringLiteral("SELECT d.domain, d.idp_id FROM idp_domains d JOIN identity_providers p ON "
                                               "p.id = d.idp_id WHERE p.kind IN ('saml', 'wsfed', 'oidc')"));
    if (!q.ok()) {
        return q.error();
    }
    while (q->next()) {
        ctx.federationByDomain.insert(q->value(0).toString(), q->value(1).toString());
    }
    auto g = Database::exec(db, QStringLiteral("SELECT COUNT(*) FROM identity_providers WHERE kind = 'google'"));
    if (!g.ok()) {
        return g.error();
    }
    ctx.googleConfigured = g->next() && g->value(0).toLongLong() > 0;
    auto otp = emailOtpEnabled(db);
    if (!otp.ok()) {
        return otp.error();
    }
    ctx.emailOtpEnabled = *otp;
    auto o = Database::exec(db, QStringLiteral("SELECT scope, order_json FROM idp_redemption_orders"));
    if (!o.ok()) {
        return o.error();
    }
    while (o->next()) {
        auto order = RedemptionOrder::fromJson(parseObject(o->value(1).toString()));
        if (!order.ok()) {
            return order.error();
        }
        const QString scope = o->value(0).toString();
        if (scope.isEmpty()) {
            ctx.defaultOrder = *order;
        } else if (const auto *partner = (*snap)->partnerByTenant(scope)) {
            for (const QString &d : partner->config.domains) {
                ctx.partnerOrders.insert(d, *order);
            }
        }
    }
    return ctx;
}

Result<ResolvedIdp> IdentityProviderService::resolve(const QString &email) const {
    if (Status s = m_ctx.require(Permission::ReadDirectory, {kAuditRead, category::IdentityProviders}); !s.ok()) {
        return s.error();
    }
    auto c = m_ctx.db().connection();
    if (!c.ok()) {
        return c.error();
    }
    auto ctx = buildResolverContext(*c);
    if (!ctx.ok()) {
        return ctx.error();
    }
    QString issuer;
    auto q = Database::exec(*c,
                            QStringLiteral("SELECT x.issuer FROM user_identities x JOIN users u ON u.id = x.user_id "
                                           "WHERE u.mail_lower = ? AND x.issuer = 'MicrosoftAccount'"),
                            {email.trimmed().toLower()});
    if (!q.ok()) {
        return q.error();
    }
    if (q->next()) {
        issuer = q->value(0).toString();
    }
    ResolvedIdp r = resolveRedemptionIdp(*ctx, email, issuer);
    static const QString fedPrefix = QStringLiteral("externalFederation:");
    if (r.provider.startsWith(fedPrefix)) {
        const QString id = r.provider.mid(fedPrefix.size());
        if (auto p = readProvider(*c, id); p.ok() && *p) {
            r.displayName = (*p)->displayName;
            // The pure resolver knows only the id: name the federation the way the admin does.
            for (auto &step : r.trace) {
                if (step.first == QLatin1String("externalFederation")) {
                    step.second.replace(id, QStringLiteral("\u201C%1\u201D").arg((*p)->displayName));
                }
            }
        }
    }
    return r;
}

// --- Unattended certificate rollover (SPEC §6) -------------------------------------------------

namespace {
QString outcomeKey(CertificateRefreshOutcome::Kind k) {
    switch (k) {
    case CertificateRefreshOutcome::Kind::Refreshed:
        return QStringLiteral("refreshed");
    case CertificateRefreshOutcome::Kind::Unchanged:
        return QStringLiteral("unchanged");
    case CertificateRefreshOutcome::Kind::Failed:
        return QStringLiteral("failed");
    }
    return {};
}

QJsonArray changesJson(const QList<FieldChange> &changes) {
    QJsonArray a;
    for (const FieldChange &c : changes) {
        a.append(QJsonObject{{QStringLiteral("field"), c.field},
                             {QStringLiteral("label"), fieldLabel(c.field)},
                             {QStringLiteral("before"), c.before},
                             {QStringLiteral("after"), c.after}});
    }
    return a;
}

// The earliest expiry among the signing certificates; invalid when there are none.
QDateTime earliestExpiry(const FederationMetadata &m) {
    QDateTime out;
    for (const SigningCertificate &c : m.signingCertificates) {
        if (!out.isValid() || c.notAfter < out) {
            out = c.notAfter;
        }
    }
    return out;
}

QStringList fingerprints(const FederationMetadata &m) {
    QStringList out;
    for (const SigningCertificate &c : m.signingCertificates) {
        out << c.sha256Fingerprint;
    }
    out.sort();
    return out;
}
} // namespace

QJsonObject CertificateRefreshOutcome::toJson() const {
    QJsonObject o{{QStringLiteral("id"), id},
                  {QStringLiteral("displayName"), displayName},
                  {QStringLiteral("metadataUrl"), urlText(metadataUrl)},
                  {QStringLiteral("expiresAt"), expiresAt.toUTC().toString(Qt::ISODate)},
                  {QStringLiteral("outcome"), outcomeKey(kind)},
                  {QStringLiteral("message"), message},
                  {QStringLiteral("applied"), changesJson(applied)},
                  {QStringLiteral("notApplied"), changesJson(notApplied)}};
    if (kind == Kind::Failed) {
        o.insert(QStringLiteral("error"), errorCodeName(errorCode));
    }
    return o;
}

int CertificateRefreshReport::count(CertificateRefreshOutcome::Kind k) const {
    return int(std::count_if(due.cbegin(), due.cend(), [k](const CertificateRefreshOutcome &o) { return o.kind == k; }));
}

QJsonObject CertificateRefreshReport::toJson() const {
    QJsonArray a;
    for (const CertificateRefreshOutcome &o : due) {
        a.append(o.toJson());
    }
    return {{QStringLiteral("checked"), checked},
            {QStringLiteral("due"), int(due.size())},
            {QStringLiteral("refreshed"), count(CertificateRefreshOutcome::Kind::Refreshed)},
            {QStringLiteral("unchanged"), count(CertificateRefreshOutcome::Kind::Unchanged)},
            {QStringLiteral("failed"), count(CertificateRefreshOutcome::Kind::Failed)},
            {QStringLiteral("federations"), a}};
}

Result<CertificateRefreshReport> IdentityProviderService::refreshDueCertificates(const QDateTime &now, int windowDays) {
    AuditEntry e{activity::RefreshIdpCertificates, category::IdentityProviders, QStringLiteral("identityProvider")};
    if (Status s = requireManage(e); !s.ok()) {
        return s.error();
    }
    return runDueRefresh(now, windowDays);
}

CertificateRefreshReport IdentityProviderService::refreshDueCertificatesScheduled(std::shared_ptr<Database> db,
                                                                                   std::shared_ptr<const Clock> clock,
                                                                                   int windowDays) {
    const QDateTime now = clock->now();
    IdentityProviderService svc(ServiceContext(std::move(db), std::move(clock), Operator{}), nullptr);
    auto r = svc.runDueRefresh(now, windowDays);
    if (!r.ok()) {
        // Reading the federations failed (database unreachable): one failed outcome says so.
        CertificateRefreshReport report;
        CertificateRefreshOutcome o;
        o.kind = CertificateRefreshOutcome::Kind::Failed;
        o.message = r.error().message;
        o.errorCode = r.error().code;
        report.due << o;
        return report;
    }
    return *r;
}

Result<CertificateRefreshReport> IdentityProviderService::runDueRefresh(const QDateTime &now, int windowDays) {
    QList<IdentityProvider> all;
    {
        auto c = m_ctx.db().connection();
        if (!c.ok()) {
            return c.error();
        }
        auto r = readAll(*c);
        if (!r.ok()) {
            return r.error();
        }
        all = *r;
    }
    CertificateRefreshReport report;
    for (const IdentityProvider &p : std::as_const(all)) {
        if ((p.kind != IdpKind::Saml && p.kind != IdpKind::WsFed) || !p.metadata || p.metadataUrl.isEmpty()) {
            continue;
        }
        ++report.checked;
        const bool due = std::any_of(p.metadata->signingCertificates.cbegin(), p.metadata->signingCertificates.cend(),
                                     [&](const SigningCertificate &c) {
                                         const CertificateHealth h = certificateHealth(c, now, windowDays);
                                         return h == CertificateHealth::ExpiringSoon || h == CertificateHealth::Expired;
                                     });
        if (due) {
            report.due << refreshOneDue(p, now);
        }
    }
    qCInfo(lcFederation) << "certificate refresh:" << report.checked << "federations with a metadata URL,"
                         << report.due.size() << "due," << report.count(CertificateRefreshOutcome::Kind::Refreshed)
                         << "refreshed," << report.count(CertificateRefreshOutcome::Kind::Failed) << "failed";
    return report;
}

CertificateRefreshOutcome IdentityProviderService::refreshOneDue(const IdentityProvider &p, const QDateTime &now) {
    CertificateRefreshOutcome out;
    out.id = p.id;
    out.displayName = p.displayName;
    out.metadataUrl = p.metadataUrl;
    out.expiresAt = earliestExpiry(*p.metadata);
    AuditEntry e{activity::RefreshIdpCertificates, category::IdentityProviders, QStringLiteral("identityProvider"), p.id,
                 p.displayName};
    const auto failed = [&](const Error &error) {
        out.kind = CertificateRefreshOutcome::Kind::Failed;
        out.errorCode = error.code;
        out.message = error.message;
        qCWarning(lcFederation) << "certificate refresh of" << p.displayName << p.id << "failed:" << error.message;
        // Recorded in the audit log (its own transaction) so that the failure is not lost.
        e.result = QStringLiteral("failure");
        e.reason = tr("Certificate refresh from %1 failed: %2").arg(urlText(p.metadataUrl), error.message).left(2000);
        const Status s = m_ctx.db().transaction(
            [&](QSqlDatabase &db) { return AuditLog::append(db, m_ctx.clock(), m_ctx.op(), e); });
        if (!s.ok()) {
            qCWarning(lcFederation) << "could not audit the failed certificate refresh:" << s.error().detail;
        }
        return out;
    };

    auto body = fetchBlocking(p.metadataUrl);
    if (!body.ok()) {
        return failed(body.error());
    }
    // Parsed without a preference first: a metadata document that now names another entity is
    // refused with that reason rather than "identity provider not found".
    auto any = parseFederationMetadata(*body);
    if (!any.ok()) {
        return failed(any.error());
    }
    auto md = parseFederationMetadata(*body, p.issuer, p.metadata->protocol);
    if (!md.ok() || md->entityId != p.issuer) {
        return failed(Error::invalid(tr("The metadata now names the entity \"%1\" instead of \"%2\"; nothing was applied. "
                                        "Check with the partner and import the metadata again if that is right.")
                                         .arg(any->entityId, p.issuer),
                                     QStringLiteral("entityId")));
    }
    const bool anyValid = std::any_of(md->signingCertificates.cbegin(), md->signingCertificates.cend(),
                                      [&](const SigningCertificate &c) {
                                          const CertificateHealth h = certificateHealth(c, now, 0);
                                          return h == CertificateHealth::Valid || h == CertificateHealth::ExpiringSoon;
                                      });
    if (!anyValid) {
        return failed(Error::invalid(tr("The metadata offers no signing certificate that is valid now; nothing was "
                                        "applied."),
                                     QStringLiteral("signingCertificate")));
    }
    const QList<FieldChange> all = diffMetadata(*p.metadata, *md);
    for (const FieldChange &c : all) {
        (c.field == QLatin1String("signingCertificate") ? out.applied : out.notApplied) << c;
    }
    if (fingerprints(*p.metadata) == fingerprints(*md)) {
        out.applied.clear();
        out.kind = CertificateRefreshOutcome::Kind::Unchanged;
        out.message = tr("The metadata still lists the same signing certificates (earliest expiry %1); the partner has "
                         "not published a new one yet.")
                          .arg(QLocale().toString(out.expiresAt.date(), QLocale::ShortFormat));
        return out;
    }

    // Only the certificates change: endpoints and the rest stay as the admin imported them.
    FederationMetadata next = *p.metadata;
    next.signingCertificates = md->signingCertificates;
    next.warnings.clear();
    auto r = m_ctx.db().transaction<qint64>([&](QSqlDatabase &db) -> Result<qint64> {
        auto cur = readProvider(db, p.id);
        if (!cur.ok()) {
            return cur.error();
        }
        if (!*cur) {
            return Error::notFound(tr("The federation %1").arg(p.displayName));
        }
        e.before = auditJson(**cur);
        auto q = Database::exec(db,
                                QStringLiteral("UPDATE identity_providers SET metadata_json = ?, updated_at = ?, "
                                               "row_version = row_version + 1 WHERE id = ? AND row_version = ?"),
                                {compact(metadataToJson(next)), m_ctx.clock().nowMs(), p.id, p.rowVersion});
        if (!q.ok()) {
            return q.error();
        }
        if (q->numRowsAffected() == 0) {
            return Error::conflict(tr("The identity provider \"%1\"").arg(p.displayName));
        }
        auto after = readProvider(db, p.id);
        if (!after.ok()) {
            return after.error();
        }
        e.after = auditJson(**after);
        e.reason = tr("Signing certificates refreshed from %1 (a certificate expires on %2).")
                       .arg(urlText(p.metadataUrl), out.expiresAt.toUTC().toString(Qt::ISODate));
        if (Status a = AuditLog::append(db, m_ctx.clock(), m_ctx.op(), e); !a.ok()) {
            return a.error();
        }
        return (*after)->rowVersion;
    });
    if (!r.ok()) {
        return failed(r.error());
    }
    out.kind = CertificateRefreshOutcome::Kind::Refreshed;
    out.message = out.notApplied.isEmpty()
                      ? tr("New signing certificates stored.")
                      : tr("New signing certificates stored; other changes in the metadata were not applied: review "
                           "them with \"atriumctl idp refresh %1\".")
                            .arg(p.id);
    qCInfo(lcFederation) << "certificate refresh of" << p.displayName << p.id << "stored" << out.applied.size()
                         << "certificate change(s)";
    return out;
}

} // namespace atrium::core
