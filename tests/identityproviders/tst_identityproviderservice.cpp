// IdentityProviderService on SQLite and PostgreSQL with a real keychain: SAML/WS-Fed from realistic
// metadata (file and loopback HTTP), domain conflicts, certificate rollover via refresh (diff, then
// apply keeping the id), removal counting redeemed guests, Google's domain rule, OIDC issuer check,
// secrets only in the keychain, authorization and audit, and the resolver built from the directory
// over every step of the redemption order.
#include "core/crosstenant/crosstenantservice.h"
#include "core/identityproviders/identityproviderservice.h"
#include "core/policy/collaborationsettings.h"
#include "core/secrets/keychainsecretstore.h"
#include "core/services/roleservice.h"
#include "core/services/settingsservice.h"
#include "core/services/userservice.h"
#include "directoryfixture.h"
#include "loopbackhttpserver.h"
#include "metadatafixture.h"

#include <QFile>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QJsonArray>
#include <QTest>
#include <QUuid>

using namespace atrium::core;
using atrium::test::DirectoryFixture;
using atrium::test::LoopbackHttpServer;
using atrium::test::MetadataFixture;

namespace {
const QString kPartnerTenant = QStringLiteral("3d0f5dec-5d3d-455c-8016-e2af1ae4d31a");
const QString kAdfsEntity = QStringLiteral("http://sts.contoso.com/adfs/services/trust");

int auditCount(const ServiceContext &ctx, const QString &activityName, const QString &result) {
    auto c = ctx.db().connection();
    QSqlQuery q(*c);
    q.prepare(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE activity = ? AND result = ? AND category = ?"));
    q.addBindValue(activityName);
    q.addBindValue(result);
    q.addBindValue(category::IdentityProviders);
    return q.exec() && q.next() ? q.value(0).toInt() : -1;
}

QJsonObject lastAudit(const ServiceContext &ctx, const QString &activityName, const char *column) {
    auto c = ctx.db().connection();
    QSqlQuery q(*c);
    q.prepare(QStringLiteral("SELECT %1 FROM audit_log WHERE activity = ? ORDER BY id DESC").arg(QLatin1String(column)));
    q.addBindValue(activityName);
    return q.exec() && q.next() ? QJsonDocument::fromJson(q.value(0).toString().toUtf8()).object() : QJsonObject();
}

void exec(const ServiceContext &ctx, const QString &sql, const QVariantList &values) {
    auto c = ctx.db().connection();
    QSqlQuery q(*c);
    q.prepare(sql);
    for (const QVariant &v : values) {
        q.addBindValue(v);
    }
    if (!q.exec()) {
        qFatal("%s", qPrintable(q.lastError().text()));
    }
}

// A redeemed guest whose recorded identity issuer is `issuer`.
void addRedeemedGuest(const ServiceContext &ctx, const QString &email, const QString &issuer) {
    const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QString upn = QString(email).replace(QLatin1Char('@'), QLatin1Char('_')) + QStringLiteral("#EXT#@fabrikam.example");
    exec(ctx,
         QStringLiteral("INSERT INTO users (id, display_name, user_principal_name, upn_lower, mail, mail_lower, mail_domain, "
                        "user_type, external_user_state, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'Guest', 'Accepted', 0)"),
         {id, email, upn, upn.toLower(), email, email.toLower(), email.section(QLatin1Char('@'), 1).toLower()});
    exec(ctx, QStringLiteral("INSERT INTO user_identities (user_id, sign_in_type, issuer, issuer_assigned_id) VALUES (?, "
                             "'federated', ?, ?)"),
         {id, issuer, email});
}

QByteArray discovery(const QString &issuer) {
    return QJsonDocument(QJsonObject{{QStringLiteral("issuer"), issuer},
                                     {QStringLiteral("authorization_endpoint"), QString(issuer + QStringLiteral("/authorize"))},
                                     {QStringLiteral("token_endpoint"), QString(issuer + QStringLiteral("/token"))},
                                     {QStringLiteral("jwks_uri"), QString(issuer + QStringLiteral("/jwks"))},
                                     {QStringLiteral("response_types_supported"), QJsonArray{QStringLiteral("code")}},
                                     {QStringLiteral("scopes_supported"),
                                      QJsonArray{QStringLiteral("openid"), QStringLiteral("email")}}})
        .toJson();
}
} // namespace

class tst_IdentityProviderService : public QObject {
    Q_OBJECT
private:
    DirectoryFixture m_fx;
    MetadataFixture m_md;
    std::shared_ptr<KeychainSecretStore> m_keychain;
    atrium::test::CertFactory m_extraCerts;
    QByteArray m_pem90;
    QByteArray m_pemExpired;

    static void engineData() {
        QTest::addColumn<QString>("engine");
        for (const QString &e : DirectoryFixture::engines()) {
            QTest::newRow(qPrintable(e)) << e;
        }
    }
    ServiceContext withRole(ServiceContext &admin, const QString &name, std::optional<Role> role) {
        auto u = UserService(admin).addMember({name, name + QStringLiteral("@fabrikam.example"), {}});
        if (!u.ok()) {
            qFatal("addMember failed");
        }
        if (role && !RoleService(admin).assign(*role, u->id).ok()) {
            qFatal("assign failed");
        }
        return m_fx.as(admin, u->id);
    }
    IdentityProviderService service(const ServiceContext &ctx) { return IdentityProviderService(ctx, m_keychain); }

private slots:
    void initTestCase() {
        QString error;
        QVERIFY2(m_fx.start(&error), qPrintable(QStringLiteral("PostgreSQL test server: ") + error));
        m_md.generate();
        // Certificates are generated now: the directory's clock must agree.
        m_fx.clock()->set(QDateTime::currentDateTimeUtc());
        m_keychain = std::make_shared<KeychainSecretStore>(QStringLiteral("tst-idp"));
        m_keychain->setTimeout(std::chrono::seconds(30));
        // A keychain that cannot start fails the test here (never skipped).
        QVERIFY2(m_keychain->write(QStringLiteral("probe"), QStringLiteral("x")).ok(), "keychain unavailable");
    }

    void samlFromMetadata_data() { engineData(); }
    void samlFromMetadata() {
        QFETCH(QString, engine);
        auto ctx = m_fx.freshDirectory(engine);
        QVERIFY2(ctx.ok(), qPrintable(ctx.ok() ? QString() : ctx.error().message));
        auto svc = service(*ctx);

        auto list = svc.list();
        QVERIFY(list.ok());
        QCOMPARE(list->size(), 3); // the built-ins only
        QCOMPARE(list->at(0).id, QStringLiteral("partnerDirectory"));
        QCOMPARE(list->at(2).id, QStringLiteral("emailOneTimePasscode"));
        QVERIFY(list->at(2).enabled);

        auto added = svc.addSamlFromMetadata(m_md.file(QStringLiteral("adfs-federationmetadata.xml")),
                                             {QStringLiteral("Contoso.COM"), QStringLiteral("eu.contoso.com")},
                                             QStringLiteral("Contoso ADFS"));
        QVERIFY2(added.ok(), qPrintable(added.ok() ? QString() : added.error().message));
        QCOMPARE(toString(added->kind), toString(IdpKind::WsFed));
        QCOMPARE(added->issuer, kAdfsEntity);
        QCOMPARE(added->domains, (QStringList{QStringLiteral("contoso.com"), QStringLiteral("eu.contoso.com")}));
        QVERIFY(added->metadata);
        QCOMPARE(added->metadata->signingCertificates.size(), 2); // A and B; C is encryption
        // B expires in 10 days: a warning, and the status says so.
        bool expiring = false;
        for (const IdpWarning &w : added->warnings) {
            expiring = expiring || w.key == QLatin1String("certificateExpiringSoon");
        }
        QVERIFY(expiring);
        QCOMPARE(added->status(), QStringLiteral("warning"));
        QCOMPARE(auditCount(*ctx, activity::AddIdentityProvider, QStringLiteral("success")), 1);
        QCOMPARE(lastAudit(*ctx, activity::AddIdentityProvider, "after_json").value(QStringLiteral("issuer")).toString(),
                 kAdfsEntity);

        // Read back from the database: same certificates, same endpoint.
        auto shown = svc.show(added->id);
        QVERIFY(shown.ok());
        QCOMPARE(shown->metadata->signingCertificates.size(), 2);
        QCOMPARE(shown->metadata->signingCertificates.at(0).sha256Fingerprint,
                 added->metadata->signingCertificates.at(0).sha256Fingerprint);
        QCOMPARE(shown->passiveSignInEndpoint, added->passiveSignInEndpoint);
        QCOMPARE(svc.list()->size(), 4);
        // The endpoint is inside contoso.com: no DirectFedAuthUrl record needed (decided without DNS).
        auto dnsCheck = svc.checkDns(added->id, QStringLiteral("contoso.com"));
        QVERIFY(dnsCheck.ok());
        QCOMPARE(toString(dnsCheck->state), QStringLiteral("NotNeeded"));

        // Domain conflict names the other federation; nothing is added.
        auto conflict = svc.addSamlFromMetadata(m_md.file(QStringLiteral("shibboleth-idp.xml")),
                                                {QStringLiteral("fabrikam.edu"), QStringLiteral("contoso.com")},
                                                QStringLiteral("Fabrikam"));
        QCOMPARE(conflict.error().code, ErrorCode::AlreadyExists);
        QVERIFY2(conflict.error().message.contains(QStringLiteral("Contoso ADFS")), qPrintable(conflict.error().message));
        QCOMPARE(svc.list()->size(), 4);
        // The same issuer twice is refused.
        QCOMPARE(svc.addSamlFromMetadata(m_md.file(QStringLiteral("adfs-federationmetadata.xml")),
                                         {QStringLiteral("other.example")})
                     .error()
                     .code,
                 ErrorCode::AlreadyExists);
        // Google's domains cannot be federated; a hostile file is refused with nothing added.
        QCOMPARE(svc.addSamlFromMetadata(m_md.file(QStringLiteral("shibboleth-idp.xml")), {QStringLiteral("gmail.com")})
                     .error()
                     .code,
                 ErrorCode::Invalid);
        QCOMPARE(svc.addSamlFromMetadata(QByteArray("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>"),
                                         {QStringLiteral("evil.example")})
                     .error()
                     .code,
                 ErrorCode::Invalid);
        // A plain http endpoint is refused.
        QByteArray http = m_md.file(QStringLiteral("shibboleth-idp.xml"));
        http.replace("https://idp.fabrikam.edu/idp/profile/SAML2/Redirect/SSO", "http://idp.fabrikam.edu/sso");
        auto plain = svc.addSamlFromMetadata(http, {QStringLiteral("fabrikam.edu")});
        QCOMPARE(plain.error().code, ErrorCode::Invalid);
        QCOMPARE(plain.error().field, QStringLiteral("passiveSignInEndpoint"));
        QCOMPARE(svc.list()->size(), 4);

        // Shibboleth on another host than the domain: a DNS record is needed.
        auto shib = svc.addSamlFromMetadata(m_md.file(QStringLiteral("shibboleth-idp.xml")), {QStringLiteral("partner.example")},
                                            QStringLiteral("Fabrikam"));
        QVERIFY2(shib.ok(), qPrintable(shib.ok() ? QString() : shib.error().message));
        QCOMPARE(toString(shib->kind), toString(IdpKind::Saml));
        bool dns = false;
        for (const IdpWarning &w : shib->warnings) {
            dns = dns || w.key == QLatin1String("dnsRecordNeeded");
        }
        QVERIFY(dns);

        // Domains edited with compare-and-swap.
        auto moved = svc.setDomains(shib->id, {QStringLiteral("fabrikam.edu")}, shib->rowVersion);
        QVERIFY(moved.ok());
        QCOMPARE(moved->domains, QStringList{QStringLiteral("fabrikam.edu")});
        QCOMPARE(svc.setDomains(shib->id, {QStringLiteral("partner.example")}, shib->rowVersion).error().code,
                 ErrorCode::Conflict);
        QCOMPARE(auditCount(*ctx, activity::UpdateIdentityProvider, QStringLiteral("failure")), 1);
    }

    void refreshOverHttp_data() { engineData(); }
    void refreshOverHttp() {
        QFETCH(QString, engine);
        auto ctx = m_fx.freshDirectory(engine);
        QVERIFY(ctx.ok());
        auto svc = service(*ctx);
        LoopbackHttpServer server;
        QVERIFY(server.start());
        server.set("/FederationMetadata.xml", {200, m_md.file(QStringLiteral("adfs-federationmetadata.xml")), {}});

        auto added = svc.addSamlFromUrl(server.url(QStringLiteral("/FederationMetadata.xml")), {QStringLiteral("contoso.com")},
                                        QStringLiteral("Contoso"));
        QVERIFY2(added.ok(), qPrintable(added.ok() ? QString() : added.error().message));
        QCOMPARE(server.hits("/FederationMetadata.xml"), 1);
        QCOMPARE(added->metadataUrl, server.url(QStringLiteral("/FederationMetadata.xml")));

        // Nothing changed yet.
        auto same = svc.refresh(added->id, false);
        QVERIFY2(same.ok(), qPrintable(same.ok() ? QString() : same.error().message));
        QVERIFY(same->changes.isEmpty());

        // The partner rolls certificate A over to D: the preview shows it and changes nothing.
        server.set("/FederationMetadata.xml",
                   {200, m_md.file(QStringLiteral("adfs-federationmetadata.xml"), {{QStringLiteral("A"), QStringLiteral("D")}}), {}});
        auto preview = svc.refresh(added->id, false);
        QVERIFY(preview.ok());
        QVERIFY(!preview->applied);
        bool addedD = false, removedA = false;
        for (const FieldChange &c : preview->changes) {
            QCOMPARE(c.field, QStringLiteral("signingCertificate"));
            addedD = addedD || c.after.contains(m_md.fingerprint(QStringLiteral("D")));
            removedA = removedA || c.before.contains(m_md.fingerprint(QStringLiteral("A")));
        }
        QVERIFY(addedD && removedA);
        QCOMPARE(svc.show(added->id)->metadata->signingCertificates.at(0).sha256Fingerprint, m_md.fingerprint(QStringLiteral("A")));

        // Stale apply refused; apply with the version read keeps the id.
        QCOMPARE(svc.refresh(added->id, true, added->rowVersion + 5).error().code, ErrorCode::Conflict);
        auto applied = svc.refresh(added->id, true, added->rowVersion);
        QVERIFY2(applied.ok(), qPrintable(applied.ok() ? QString() : applied.error().message));
        QVERIFY(applied->applied);
        auto after = svc.show(added->id);
        QVERIFY(after.ok());
        QStringList fps;
        for (const SigningCertificate &c : after->metadata->signingCertificates) {
            fps << c.sha256Fingerprint;
        }
        QVERIFY(fps.contains(m_md.fingerprint(QStringLiteral("D"))));
        QVERIFY(!fps.contains(m_md.fingerprint(QStringLiteral("A"))));
        QCOMPARE(svc.list()->size(), 4); // same provider, not a new one
        QVERIFY(lastAudit(*ctx, activity::UpdateIdentityProvider, "before_json")
                    .value(QStringLiteral("signingCertificates"))
                    .toArray()
                    .size() == 2);

        // A server error is a network error; nothing changes.
        server.set("/FederationMetadata.xml", {500, QByteArray("oops"), {}});
        QCOMPARE(svc.refresh(added->id, true).error().code, ErrorCode::Network);
    }

    void removeCountsGuests_data() { engineData(); }
    void removeCountsGuests() {
        QFETCH(QString, engine);
        auto ctx = m_fx.freshDirectory(engine);
        QVERIFY(ctx.ok());
        auto svc = service(*ctx);
        auto added = svc.addSamlFromMetadata(m_md.file(QStringLiteral("adfs-federationmetadata.xml")), {QStringLiteral("contoso.com")});
        QVERIFY(added.ok());
        addRedeemedGuest(*ctx, QStringLiteral("ann@contoso.com"), kAdfsEntity);
        addRedeemedGuest(*ctx, QStringLiteral("bob@contoso.com"), kAdfsEntity);
        addRedeemedGuest(*ctx, QStringLiteral("eve@other.example"), QStringLiteral("mail"));
        QCOMPARE(svc.redeemedGuestCount(added->id).value(), 2);
        QCOMPARE(svc.remove(added->id, added->rowVersion + 1).error().code, ErrorCode::Conflict);
        auto removed = svc.remove(added->id, added->rowVersion);
        QVERIFY(removed.ok());
        QCOMPARE(removed->redeemedGuests, 2);
        QCOMPARE(svc.list()->size(), 3);
        QCOMPARE(lastAudit(*ctx, activity::DeleteIdentityProvider, "after_json").value(QStringLiteral("redeemedGuests")).toInt(), 2);
        // The domain is free again.
        QVERIFY(svc.addSamlFromMetadata(m_md.file(QStringLiteral("shibboleth-idp.xml")), {QStringLiteral("contoso.com")}).ok());
        QCOMPARE(svc.remove(added->id).error().code, ErrorCode::NotFound);
    }

    void socialAndOidcSecrets_data() { engineData(); }
    void socialAndOidcSecrets() {
        QFETCH(QString, engine);
        auto ctx = m_fx.freshDirectory(engine);
        QVERIFY(ctx.ok());
        auto svc = service(*ctx);
        const QString googleSecret = QStringLiteral("GOCSPX-google-secret-") + QUuid::createUuid().toString(QUuid::Id128);
        const QString oidcSecret = QStringLiteral("oidc-secret-") + QUuid::createUuid().toString(QUuid::Id128);

        auto google = svc.addGoogle(QStringLiteral("123.apps.googleusercontent.com"), googleSecret);
        QVERIFY2(google.ok(), qPrintable(google.ok() ? QString() : google.error().message));
        QCOMPARE(google->domains, (QStringList{QStringLiteral("gmail.com"), QStringLiteral("googlemail.com")}));
        QVERIFY(google->secretStored);
        QCOMPARE(svc.addGoogle(QStringLiteral("again"), QStringLiteral("x")).error().code, ErrorCode::AlreadyExists);
        QCOMPARE(svc.addGoogle(QStringLiteral("id"), QString()).error().code, ErrorCode::Invalid);

        auto fb = svc.addFacebook(QStringLiteral("4242"), QStringLiteral("fb-secret"));
        QVERIFY(fb.ok());

        // OIDC: the document's issuer must match exactly.
        const QString issuer = QStringLiteral("https://login.partner.example");
        auto mismatch = svc.addOidc(issuer + QStringLiteral("/"), discovery(issuer), QStringLiteral("client"), oidcSecret,
                                    QStringLiteral("Partner"));
        QCOMPARE(mismatch.error().code, ErrorCode::Invalid);
        QCOMPARE(svc.list()->size(), 5);
        auto oidc = svc.addOidc(issuer, discovery(issuer), QStringLiteral("client"), oidcSecret, QStringLiteral("Partner"),
                                {QStringLiteral("partner.example")});
        QVERIFY2(oidc.ok(), qPrintable(oidc.ok() ? QString() : oidc.error().message));
        QVERIFY(oidc->discovery);
        QCOMPARE(oidc->discovery->jwksUri, QUrl(issuer + QStringLiteral("/jwks")));

        // The secrets are in the keychain under <tenantId>/idp/<id>/secret ...
        auto c = ctx->db().connection();
        QSqlQuery t(*c);
        QVERIFY(t.exec(QStringLiteral("SELECT tenant_id FROM directory")) && t.next());
        const QString tenant = t.value(0).toString();
        QCOMPARE(m_keychain->read(IdentityProviderService::secretKey(tenant, google->id)).value(), googleSecret);
        QCOMPARE(m_keychain->read(IdentityProviderService::secretKey(tenant, oidc->id)).value(), oidcSecret);
        // ... and nowhere in the database: not in any column, not in the file.
        QSqlQuery all(*c);
        QVERIFY(all.exec(QStringLiteral("SELECT * FROM identity_providers")));
        while (all.next()) {
            for (int i = 0; i < all.record().count(); ++i) {
                QVERIFY(!all.value(i).toString().contains(googleSecret));
                QVERIFY(!all.value(i).toString().contains(oidcSecret));
            }
        }
        QSqlQuery audit(*c);
        QVERIFY(audit.exec(QStringLiteral("SELECT before_json, after_json FROM audit_log")));
        while (audit.next()) {
            QVERIFY(!audit.value(0).toString().contains(googleSecret) && !audit.value(1).toString().contains(googleSecret));
        }
        if (engine == QLatin1String("sqlite")) {
            const QString path = ctx->db().info().path;
            for (const QString &f : QStringList{path, QString(path + QStringLiteral("-wal"))}) {
                QFile file(f);
                if (file.open(QIODevice::ReadOnly)) {
                    const QByteArray bytes = file.readAll();
                    QVERIFY2(!bytes.contains(googleSecret.toUtf8()), qPrintable(f));
                    QVERIFY2(!bytes.contains(oidcSecret.toUtf8()), qPrintable(f));
                    QVERIFY(bytes.size() > 0);
                }
            }
        }
        // A missing secret is a warning; setting it again clears it.
        QVERIFY(m_keychain->remove(IdentityProviderService::secretKey(tenant, fb->id)).ok());
        auto shown = svc.show(fb->id);
        QVERIFY(!shown->secretStored);
        QCOMPARE(shown->warnings.value(0).key, QStringLiteral("secretMissing"));
        QVERIFY(svc.setSecret(fb->id, QStringLiteral("new-fb-secret")).ok());
        QVERIFY(svc.show(fb->id)->secretStored);
        QVERIFY(!svc.show(fb->id)->toJson().contains(QStringLiteral("secret")));
        // Removing a provider removes its secret.
        QVERIFY(svc.remove(oidc->id).ok());
        QCOMPARE(m_keychain->read(IdentityProviderService::secretKey(tenant, oidc->id)).error().code, ErrorCode::NotFound);
    }

    void authorization_data() { engineData(); }
    void authorization() {
        QFETCH(QString, engine);
        auto admin = m_fx.freshDirectory(engine);
        QVERIFY(admin.ok());
        auto helpdesk = withRole(*admin, QStringLiteral("helen"), Role::HelpdeskAdministrator);
        auto idpAdmin = withRole(*admin, QStringLiteral("ida"), Role::ExternalIdentityProviderAdministrator);
        auto denied = service(helpdesk).addSamlFromMetadata(m_md.file(QStringLiteral("adfs-federationmetadata.xml")),
                                                            {QStringLiteral("contoso.com")});
        QCOMPARE(denied.error().code, ErrorCode::PermissionDenied);
        QVERIFY(denied.error().message.contains(QStringLiteral("External Identity Provider Administrator")));
        QCOMPARE(auditCount(*admin, activity::AddIdentityProvider, QStringLiteral("denied")), 1);
        QVERIFY(service(helpdesk).list().ok()); // reading is allowed
        QCOMPARE(service(helpdesk).setRedemptionOrder({}, RedemptionOrder{}, 0).error().code, ErrorCode::PermissionDenied);
        auto ok = service(idpAdmin).addSamlFromMetadata(m_md.file(QStringLiteral("adfs-federationmetadata.xml")),
                                                        {QStringLiteral("contoso.com")});
        QVERIFY(ok.ok());
        QCOMPARE(service(helpdesk).remove(ok->id).error().code, ErrorCode::PermissionDenied);
        QCOMPARE(service(helpdesk).list()->size(), 4);
    }

    void resolverFromDirectory_data() { engineData(); }
    void resolverFromDirectory() {
        QFETCH(QString, engine);
        auto ctx = m_fx.freshDirectory(engine);
        QVERIFY(ctx.ok());
        auto svc = service(*ctx);
        QVERIFY(CrossTenantService(*ctx)
                    .addPartner(CrossTenantConfiguration::partner(kPartnerTenant, QStringLiteral("Northwind"),
                                                                  {QStringLiteral("northwind.example")}))
                    .ok());
        auto fed = svc.addSamlFromMetadata(m_md.file(QStringLiteral("adfs-federationmetadata.xml")), {QStringLiteral("contoso.com")},
                                           QStringLiteral("Contoso ADFS"));
        QVERIFY(fed.ok());
        auto provider = [&](const QString &email) {
            auto r = svc.resolve(email);
            return r.ok() ? r->provider : QStringLiteral("error: ") + r.error().message;
        };
        // Primary steps in the default order.
        QCOMPARE(provider(QStringLiteral("kim@northwind.example")), QStringLiteral("partnerDirectory"));
        QCOMPARE(provider(QStringLiteral("ann@contoso.com")), QStringLiteral("externalFederation:") + fed->id);
        QCOMPARE(svc.resolve(QStringLiteral("ann@contoso.com"))->displayName, QStringLiteral("Contoso ADFS"));
        // Google only once configured, and only for gmail.com / googlemail.com.
        QCOMPARE(provider(QStringLiteral("joe@gmail.com")), QStringLiteral("emailOneTimePasscode"));
        QVERIFY(svc.addGoogle(QStringLiteral("id"), QStringLiteral("google-secret")).ok());
        QCOMPARE(provider(QStringLiteral("joe@gmail.com")), QStringLiteral("google"));
        QCOMPARE(provider(QStringLiteral("joe@googlemail.com")), QStringLiteral("google"));
        QCOMPARE(provider(QStringLiteral("joe@yahoo.example")), QStringLiteral("emailOneTimePasscode"));
        // An existing Microsoft account wins in the default fallback.
        addRedeemedGuest(*ctx, QStringLiteral("msa@yahoo.example"), QStringLiteral("MicrosoftAccount"));
        QCOMPARE(provider(QStringLiteral("msa@yahoo.example")), QStringLiteral("microsoftAccount"));

        // Default order: federation off, fallback Microsoft account.
        RedemptionOrder order;
        order.primary = {PrimaryIdp::azureActiveDirectory, PrimaryIdp::socialIdentityProviders};
        order.fallback = FallbackIdp::microsoftAccount;
        auto saved = svc.setRedemptionOrder({}, order, 0);
        QVERIFY2(saved.ok(), qPrintable(saved.ok() ? QString() : saved.error().message));
        QCOMPARE(svc.setRedemptionOrder({}, order, 0).error().code, ErrorCode::Conflict);
        QCOMPARE(provider(QStringLiteral("ann@contoso.com")), QStringLiteral("microsoftAccount"));
        QCOMPARE(provider(QStringLiteral("joe@yahoo.example")), QStringLiteral("microsoftAccount"));
        // Fallback email one-time passcode.
        order.fallback = FallbackIdp::emailOneTimePasscode;
        saved = svc.setRedemptionOrder({}, order, saved->rowVersion);
        QVERIFY(saved.ok());
        QCOMPARE(provider(QStringLiteral("joe@yahoo.example")), QStringLiteral("emailOneTimePasscode"));
        QCOMPARE(provider(QStringLiteral("msa@yahoo.example")), QStringLiteral("emailOneTimePasscode"));

        // A partner's own order: no primary, fallback Microsoft account.
        RedemptionOrder partnerOrder;
        partnerOrder.primary = {};
        partnerOrder.fallback = FallbackIdp::microsoftAccount;
        auto p = svc.setRedemptionOrder(kPartnerTenant.toUpper(), partnerOrder, 0);
        QVERIFY2(p.ok(), qPrintable(p.ok() ? QString() : p.error().message));
        QCOMPARE(svc.redemptionOrder(kPartnerTenant)->order, partnerOrder);
        QCOMPARE(provider(QStringLiteral("kim@northwind.example")), QStringLiteral("microsoftAccount"));
        QCOMPARE(svc.setRedemptionOrder(QStringLiteral("6f546279-4da5-4b53-a095-09ea0cef9971"), partnerOrder, 0).error().code,
                 ErrorCode::NotFound);
        QVERIFY(svc.resetPartnerRedemptionOrder(kPartnerTenant, p->rowVersion).ok());
        QCOMPARE(provider(QStringLiteral("kim@northwind.example")), QStringLiteral("partnerDirectory"));

        // Email one-time passcode switched off: the passcode fallback is refused, default falls to MSA.
        CollaborationSettings cs;
        cs.emailOtpEnabled = false;
        auto cur = SettingsService(*ctx).get(settingkey::Collaboration);
        QVERIFY(cur.ok());
        QVERIFY(SettingsService(*ctx)
                    .set(settingkey::Collaboration, QString::fromUtf8(QJsonDocument(cs.toJson()).toJson(QJsonDocument::Compact)),
                         cur->isDefault ? -1 : cur->rowVersion)
                    .ok());
        QVERIFY(!svc.show(QStringLiteral("emailOneTimePasscode"))->enabled);
        QCOMPARE(svc.setRedemptionOrder({}, order, saved->rowVersion).error().code, ErrorCode::Invalid);
        order.fallback = FallbackIdp::defaultConfiguredIdp;
        QVERIFY(svc.setRedemptionOrder({}, order, saved->rowVersion).ok());
        QCOMPARE(provider(QStringLiteral("joe@yahoo.example")), QStringLiteral("microsoftAccount"));

        // The trace names each step that ran.
        auto traced = svc.resolve(QStringLiteral("ann@contoso.com"));
        QVERIFY(traced.ok());
        QStringList steps;
        for (const auto &s : traced->trace) {
            steps << s.first;
        }
        QVERIFY2(steps.contains(QStringLiteral("partnerDirectory")), qPrintable(steps.join(u',')));
        QVERIFY2(steps.contains(QStringLiteral("fallback")), qPrintable(steps.join(u',')));
        QCOMPARE(resolvedIdpToJson(*traced).value(QStringLiteral("trace")).toArray().size(), traced->trace.size());
    }

    // SPEC §6: with a metadata URL the signing certificate is refreshed starting 30 days before it
    // expires. A certificate expiring in 10 days is rolled over; one expiring in 90 days is left alone
    // (its metadata is not even fetched); a changed entity id, broken metadata, a server error or a
    // document with only expired certificates is refused, audited as a failure, and changes nothing.
    void refreshDueCertificates_data() { engineData(); }
    void refreshDueCertificates() {
        QFETCH(QString, engine);
        auto ctx = m_fx.freshDirectory(engine);
        QVERIFY(ctx.ok());
        auto svc = service(*ctx);
        if (m_pem90.isEmpty()) {
            m_pem90 = m_extraCerts.selfSigned(QStringLiteral("token-signing-90.tailspin.example"), 90);
            m_pemExpired = m_extraCerts.withDates(QStringLiteral("old.tailspin.example"), QStringLiteral("20200101000000Z"),
                                                  QStringLiteral("20210101000000Z"));
            QVERIFY(!m_pem90.isEmpty() && !m_pemExpired.isEmpty());
        }
        const QString okta = QStringLiteral("http://www.okta.example/exk1abcdEFGH");
        const QString far = QStringLiteral("http://www.okta.example/far");
        const QString other = QStringLiteral("http://www.okta.example/other");
        // default-namespace-idp.xml has one signing certificate, {{A}}; swaps put B (10 days) or D
        // (the rolled-over one, 730 days) there.
        const auto metadata = [this](const QString &entity, const QString &cert) {
            QByteArray xml = m_md.file(QStringLiteral("default-namespace-idp.xml"), {{QStringLiteral("A"), cert}});
            return xml.replace("http://www.okta.example/exk1abcdEFGH", entity.toUtf8());
        };
        const auto withCert = [](QByteArray xml, const QByteArray &fromPem, const QByteArray &toPem) {
            return xml.replace(atrium::test::CertFactory::base64Body(fromPem), atrium::test::CertFactory::base64Body(toPem));
        };
        LoopbackHttpServer server;
        QVERIFY(server.start());
        server.set("/soon.xml", {200, metadata(okta, QStringLiteral("B")), {}});
        server.set("/far.xml", {200, withCert(metadata(far, QStringLiteral("A")), m_md.pem(QStringLiteral("A")), m_pem90), {}});
        auto soon = svc.addSamlFromUrl(server.url(QStringLiteral("/soon.xml")), {QStringLiteral("soon.example")},
                                       QStringLiteral("Soon"));
        QVERIFY2(soon.ok(), qPrintable(soon.ok() ? QString() : soon.error().message));
        auto farIdp = svc.addSamlFromUrl(server.url(QStringLiteral("/far.xml")), {QStringLiteral("far.example")},
                                         QStringLiteral("Far"));
        QVERIFY2(farIdp.ok(), qPrintable(farIdp.ok() ? QString() : farIdp.error().message));
        // A federation imported from a file (no metadata URL) is never refreshed, however soon it expires.
        auto fileOnly = svc.addSamlFromMetadata(metadata(QStringLiteral("http://www.okta.example/file"), QStringLiteral("B")), {QStringLiteral("file.example")},
                                                QStringLiteral("From a file"));
        QVERIFY(fileOnly.ok());
        QCOMPARE(server.hits("/far.xml"), 1);

        // Both partners have rolled over by now; only the one within 30 days of expiry is due.
        server.set("/soon.xml", {200, metadata(okta, QStringLiteral("D")), {}});
        server.set("/far.xml", {200, metadata(far, QStringLiteral("D")), {}});
        const QDateTime now = m_fx.clock()->now();

        // Refused without the role (named), audited, nothing fetched.
        auto helpdesk = withRole(*ctx, QStringLiteral("helen"), Role::HelpdeskAdministrator);
        auto denied = service(helpdesk).refreshDueCertificates(now);
        QCOMPARE(denied.error().code, ErrorCode::PermissionDenied);
        QVERIFY(denied.error().message.contains(QStringLiteral("External Identity Provider Administrator")));
        QCOMPARE(auditCount(*ctx, activity::RefreshIdpCertificates, QStringLiteral("denied")), 1);
        QCOMPARE(server.hits("/soon.xml"), 1);

        auto report = svc.refreshDueCertificates(now);
        QVERIFY2(report.ok(), qPrintable(report.ok() ? QString() : report.error().message));
        QCOMPARE(report->checked, 2);
        QCOMPARE(report->due.size(), 1);
        const CertificateRefreshOutcome &o = report->due.first();
        QCOMPARE(o.id, soon->id);
        QCOMPARE(o.kind, CertificateRefreshOutcome::Kind::Refreshed);
        QVERIFY(o.notApplied.isEmpty());
        QCOMPARE(o.applied.size(), 2); // B removed, D added
        QCOMPARE(server.hits("/soon.xml"), 2);
        QCOMPARE(server.hits("/far.xml"), 1); // 90 days left: not even fetched
        auto soonAfter = svc.show(soon->id);
        QVERIFY(soonAfter.ok());
        QCOMPARE(soonAfter->metadata->signingCertificates.size(), 1);
        QCOMPARE(soonAfter->metadata->signingCertificates.first().sha256Fingerprint, m_md.fingerprint(QStringLiteral("D")));
        QCOMPARE(soonAfter->rowVersion, soon->rowVersion + 1);
        QCOMPARE(soonAfter->id, soon->id);
        QCOMPARE(svc.show(farIdp->id)->metadata->signingCertificates.first().sha256Fingerprint,
                 QString::fromLatin1(atrium::test::CertFactory().fingerprint(m_pem90)));
        QCOMPARE(svc.show(fileOnly->id)->metadata->signingCertificates.first().sha256Fingerprint,
                 m_md.fingerprint(QStringLiteral("B")));
        QCOMPARE(auditCount(*ctx, activity::RefreshIdpCertificates, QStringLiteral("success")), 1);
        QCOMPARE(lastAudit(*ctx, activity::RefreshIdpCertificates, "after_json")
                     .value(QStringLiteral("signingCertificates"))
                     .toArray()
                     .size(),
                 1);
        QCOMPARE(report->toJson().value(QStringLiteral("refreshed")).toInt(), 1);

        // The next run finds nothing due.
        auto again = svc.refreshDueCertificates(now);
        QVERIFY(again.ok());
        QCOMPARE(again->due.size(), 0);

        // A third federation expiring in 10 days, whose metadata misbehaves in every way: each run fails,
        // is audited with its reason, and leaves the federation exactly as it was.
        server.set("/bad.xml", {200, metadata(other, QStringLiteral("B")), {}});
        auto bad = svc.addSamlFromUrl(server.url(QStringLiteral("/bad.xml")), {QStringLiteral("bad.example")},
                                      QStringLiteral("Misbehaving"));
        QVERIFY(bad.ok());
        // Same certificate still served: nothing to apply, not a failure.
        auto unchanged = svc.refreshDueCertificates(now);
        QVERIFY(unchanged.ok());
        QCOMPARE(unchanged->due.size(), 1);
        QCOMPARE(unchanged->due.first().kind, CertificateRefreshOutcome::Kind::Unchanged);
        QVERIFY(!unchanged->anyFailed());

        struct Case {
            const char *name;
            LoopbackHttpServer::Response response;
            ErrorCode code;
            QString inMessage;
        };
        const QList<Case> cases{
            {"entity id changed", {200, metadata(QStringLiteral("http://evil.example/idp"), QStringLiteral("D")), {}},
             ErrorCode::Invalid, QStringLiteral("http://evil.example/idp")},
            {"not XML", {200, QByteArray("<html><body>Maintenance</body></html>"), {}}, ErrorCode::Invalid, {}},
            {"truncated", {200, metadata(other, QStringLiteral("D")).left(400), {}}, ErrorCode::Invalid, {}},
            {"server error", {500, QByteArray("oops"), {}}, ErrorCode::Network, {}},
            {"only expired certificates",
             {200, withCert(metadata(other, QStringLiteral("A")), m_md.pem(QStringLiteral("A")), m_pemExpired), {}},
             ErrorCode::Invalid, QStringLiteral("valid")},
        };
        int failures = 0;
        for (const Case &c : cases) {
            server.set("/bad.xml", c.response);
            auto r = svc.refreshDueCertificates(now);
            QVERIFY2(r.ok(), c.name);
            QCOMPARE(r->due.size(), 1);
            const CertificateRefreshOutcome &f = r->due.first();
            QVERIFY2(f.kind == CertificateRefreshOutcome::Kind::Failed, c.name);
            QVERIFY2(f.errorCode == c.code, c.name);
            QVERIFY2(!f.message.isEmpty(), c.name);
            QVERIFY2(c.inMessage.isEmpty() || f.message.contains(c.inMessage), qPrintable(f.message));
            QVERIFY(r->anyFailed());
            QCOMPARE(r->toJson().value(QStringLiteral("failed")).toInt(), 1);
            auto still = svc.show(bad->id);
            QVERIFY(still.ok());
            QCOMPARE(still->rowVersion, bad->rowVersion);
            QCOMPARE(still->issuer, other);
            QCOMPARE(still->metadata->signingCertificates.first().sha256Fingerprint, m_md.fingerprint(QStringLiteral("B")));
            QCOMPARE(auditCount(*ctx, activity::RefreshIdpCertificates, QStringLiteral("failure")), ++failures);
        }
        QVERIFY(lastAudit(*ctx, activity::RefreshIdpCertificates, "after_json").isEmpty());

        // The portal's scheduled run (no operator) applies a proper rollover and audits it as the system.
        server.set("/bad.xml", {200, metadata(other, QStringLiteral("D")), {}});
        const CertificateRefreshReport scheduled =
            IdentityProviderService::refreshDueCertificatesScheduled(ctx->database(), ctx->clockPtr());
        QCOMPARE(scheduled.due.size(), 1);
        QCOMPARE(scheduled.due.first().kind, CertificateRefreshOutcome::Kind::Refreshed);
        QCOMPARE(svc.show(bad->id)->metadata->signingCertificates.first().sha256Fingerprint,
                 m_md.fingerprint(QStringLiteral("D")));
        auto c = ctx->db().connection();
        QSqlQuery q(*c);
        QVERIFY(q.exec(QStringLiteral("SELECT actor_name, result FROM audit_log WHERE activity = '%1' ORDER BY id DESC")
                           .arg(activity::RefreshIdpCertificates)));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toString(), QStringLiteral("system"));
        QCOMPARE(q.value(1).toString(), QStringLiteral("success"));
    }

    void cleanupTestCase() { (void)m_keychain->remove(QStringLiteral("probe")); }
};

QTEST_GUILESS_MAIN(tst_IdentityProviderService)
#include "tst_identityproviderservice.moc"
