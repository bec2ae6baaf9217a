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

    void cleanupTestCase() { (void)m_keychain->remove(QStringLiteral("probe")); }
};

QTEST_GUILESS_MAIN(tst_IdentityProviderService)
#include "tst_identityproviderservice.moc"
