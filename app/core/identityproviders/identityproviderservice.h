#pragma once

#include "core/federation/directfeddns.h"
#include "core/federation/redemptionresolver.h"
#include "core/identityproviders/identityprovider.h"
#include "core/services/servicecontext.h"

#include <QHostAddress>

#include <memory>

namespace atrium::core {

class SecretStore;

namespace activity {
inline const QString AddIdentityProvider = QStringLiteral("Add identity provider");
inline const QString UpdateIdentityProvider = QStringLiteral("Update identity provider");
inline const QString DeleteIdentityProvider = QStringLiteral("Delete identity provider");
inline const QString UpdateRedemptionOrder = QStringLiteral("Update invitation redemption identity provider configuration");
inline const QString RefreshIdpCertificates = QStringLiteral("Refresh identity provider signing certificates");
} // namespace activity

namespace category {
inline const QString IdentityProviders = QStringLiteral("IdentityProvider");
} // namespace category

// A refresh preview: what the metadata URL says now against what is stored.
struct MetadataRefresh {
    QString id;
    FederationMetadata stored;
    FederationMetadata fetched;
    QList<FieldChange> changes; // empty: nothing to apply
    bool applied = false;
    qint64 rowVersion = 0;      // the provider's row version after the call
    QJsonObject toJson() const;
};

// One federation looked at by refreshDueCertificates().
struct CertificateRefreshOutcome {
    enum class Kind {
        Refreshed, // new signing certificates from the metadata URL were stored
        Unchanged, // the metadata still lists the same certificates (the partner has not rolled over yet)
        Failed,    // fetch failed, metadata invalid, entity id changed, or no valid certificate: nothing changed
    };
    QString id;
    QString displayName;
    QUrl metadataUrl;
    QDateTime expiresAt;                // the earliest expiry among the stored signing certificates (UTC)
    Kind kind = Kind::Unchanged;
    QList<FieldChange> applied;         // the certificate changes stored
    QList<FieldChange> notApplied;      // other fields that differ (endpoints): left for an admin (idp refresh ID)
    QString message;                    // translated: what happened, or why it failed
    ErrorCode errorCode = ErrorCode::Internal; // Failed only
    QJsonObject toJson() const;
};

struct CertificateRefreshReport {
    int checked = 0;                          // federations with a metadata URL
    QList<CertificateRefreshOutcome> due;     // those with a certificate expiring within the window (or expired)
    int count(CertificateRefreshOutcome::Kind k) const;
    bool anyFailed() const { return count(CertificateRefreshOutcome::Kind::Failed) > 0; }
    QJsonObject toJson() const;
};

struct IdpRemoval {
    QString id;
    QString displayName;
    qint64 redeemedGuests = 0; // guests whose identity issuer is the provider's: they need a redemption reset
};

struct RedemptionOrderRecord {
    QString partnerTenantId; // empty: the default
    RedemptionOrder order;
    bool isDefault = true;   // no row stored: the built-in default (or, for a partner, the directory default)
    qint64 rowVersion = 0;   // 0 while no row is stored
    QJsonObject toJson() const;
};

// Identity providers (SPEC §6) and the redemption order (SPEC §2). Reads need ReadDirectory; every
// change needs ManageIdentityProviders (External Identity Provider Administrator or Global
// Administrator), is one transaction with its audit row (before/after) and is refused with Conflict
// when the row version passed is stale (pass -1 to skip the check where noted). Client secrets go to
// the SecretStore under secretKey(tenantId, id), never to the database.
//
// The blocking helpers (…FromUrl, refresh, checkDns) run a local QEventLoop: call them from the CLI's
// main thread or a worker thread (DbExecutor), never from the GUI thread.
class IdentityProviderService final {
public:
    IdentityProviderService(ServiceContext ctx, std::shared_ptr<SecretStore> secrets);

    // Built-ins first (partner directory, Microsoft account, email one-time passcode with its state
    // from the collaboration settings), then the configured ones by name; each with its warnings.
    Result<QList<IdentityProvider>> list() const;
    Result<IdentityProvider> show(const QString &id) const;

    // SAML / WS-Fed from metadata (file contents). The passive sign-in endpoint must be https; every
    // domain is normalized and must not belong to another federation (AlreadyExists naming it).
    Result<IdentityProvider> addSamlFromMetadata(const QByteArray &xml, const QStringList &domains,
                                                 const QString &displayName = {}, const QUrl &metadataUrl = {});
    // Fetches (blocking) then addSamlFromMetadata with the URL kept for refreshes.
    Result<IdentityProvider> addSamlFromUrl(const QUrl &url, const QStringList &domains, const QString &displayName = {});
    // Replaces a federation's domains.
    Result<IdentityProvider> setDomains(const QString &id, const QStringList &domains, qint64 expectedRowVersion);

    // Compares `xml` (or, for refresh(), what the metadata URL serves now) with the stored metadata;
    // with apply, stores it keeping the provider id (certificate rollover). The entity id must stay.
    Result<MetadataRefresh> refreshFromMetadata(const QString &id, const QByteArray &xml, bool apply,
                                                qint64 expectedRowVersion = -1);
    Result<MetadataRefresh> refresh(const QString &id, bool apply, qint64 expectedRowVersion = -1);

    // SPEC §6 certificate rollover, unattended: for every SAML/WS-Fed federation with a metadata URL
    // whose stored signing certificates include one that expires within `windowDays` of `now` (or has
    // expired), fetches the metadata (blocking) and stores its signing certificates when the metadata
    // parses, names the same entity id and offers at least one certificate valid at `now`. Only the
    // certificates are applied; other differences (endpoints) are reported for an admin to review.
    // Each federation is its own transaction (row-version checked) with an audit row
    // (RefreshIdpCertificates, "success"); each failure is audited with result "failure" and its reason
    // and reported, and the others still run. Needs ManageIdentityProviders.
    Result<CertificateRefreshReport> refreshDueCertificates(const QDateTime &now, int windowDays = 30);
    // The same run by the directory itself (atrium-portal's timer): no operator, audited as the
    // scheduled refresh. It only applies what SPEC §6 prescribes, so it needs no role.
    static CertificateRefreshReport refreshDueCertificatesScheduled(std::shared_ptr<Database> db,
                                                                    std::shared_ptr<const Clock> clock,
                                                                    int windowDays = 30);

    // Google: gmail.com / googlemail.com only. Facebook: sign-up only (never used at redemption).
    Result<IdentityProvider> addGoogle(const QString &clientId, const QString &clientSecret);
    Result<IdentityProvider> addFacebook(const QString &appId, const QString &appSecret);
    // Generic OIDC from its discovery document; the document's issuer must equal `issuer`.
    Result<IdentityProvider> addOidc(const QString &issuer, const QByteArray &discoveryJson, const QString &clientId,
                                     const QString &clientSecret, const QString &displayName,
                                     const QStringList &domains = {});

    // Removes the provider (and its secret); says how many guests redeemed through it.
    Result<IdpRemoval> remove(const QString &id, qint64 expectedRowVersion = -1);
    Result<qint64> redeemedGuestCount(const QString &id) const;

    // Secrets: written to the keychain (audited without the value); presence only, never the value.
    Status setSecret(const QString &id, const QString &secret);
    bool hasSecret(const QString &id) const;
    static QString secretKey(const QString &tenantId, const QString &id); // "<tenantId>/idp/<id>/secret"

    // DNS TXT check for a federation's domain (blocking; see DirectFedDnsChecker).
    Result<DirectFedDnsOutcome> checkDns(const QString &id, const QString &domain, int timeoutMs = 10000,
                                         const QHostAddress &nameserver = {}) const;
    static DirectFedDnsOutcome checkDnsBlocking(const QString &domain, const QUrl &endpoint, int timeoutMs = 10000,
                                                const QHostAddress &nameserver = {});

    // Redemption order: the default (empty tenant id) or a partner's (its tenant id). Setting needs
    // at least one usable fallback (RedemptionOrder::validate with the email OTP setting).
    // expectedRowVersion 0 = "I read the built-in default". resetPartner removes a partner's own order.
    Result<RedemptionOrderRecord> redemptionOrder(const QString &partnerTenantId = {}) const;
    Result<RedemptionOrderRecord> setRedemptionOrder(const QString &partnerTenantId, const RedemptionOrder &order,
                                                     qint64 expectedRowVersion);
    Status resetPartnerRedemptionOrder(const QString &partnerTenantId, qint64 expectedRowVersion);

    // The resolver's view of the directory: partner domains (cross-tenant partners), federation
    // domains, Google, the email OTP setting, the default and per-partner orders. No permission check.
    static Result<ResolverContext> buildResolverContext(QSqlDatabase &db);
    // "Where will this guest sign in?": the existing guest's recorded Microsoft account is looked up.
    Result<ResolvedIdp> resolve(const QString &email) const;

private:
    Status requireManage(AuditEntry &e) const;
    Result<QString> tenantId() const;
    Result<IdentityProvider> addConfigured(IdentityProvider p, const QString &secret);
    void decorate(IdentityProvider &p, const QString &tenant) const;
    Result<CertificateRefreshReport> runDueRefresh(const QDateTime &now, int windowDays);
    CertificateRefreshOutcome refreshOneDue(const IdentityProvider &p, const QDateTime &now);

    ServiceContext m_ctx;
    std::shared_ptr<SecretStore> m_secrets;
};

QJsonObject resolvedIdpToJson(const ResolvedIdp &r);

} // namespace atrium::core
