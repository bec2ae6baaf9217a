-- Schema version 8: identity providers (SPEC §6) and the redemption order (SPEC §2), issue 6.
-- One row per configured provider (the built-in partner directory, Microsoft account and email
-- one-time passcode are not stored). SAML/WS-Fed keep what their metadata said as JSON (endpoints
-- with bindings, signing certificates as base64 DER), OIDC its discovery document. Client secrets
-- are NEVER stored here: they live in the keychain under "<tenantId>/idp/<id>/secret".
-- Table names start with identity_provider / idp_ so PostgreSQL role grants find them (pgaccess).
CREATE TABLE identity_providers (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('saml', 'wsfed', 'google', 'facebook', 'oidc')),
    display_name TEXT NOT NULL,
    protocol TEXT NOT NULL DEFAULT '',
    issuer TEXT NOT NULL DEFAULT '',
    passive_sign_in_endpoint TEXT NOT NULL DEFAULT '',
    metadata_url TEXT NOT NULL DEFAULT '',
    metadata_json TEXT NOT NULL DEFAULT '',
    client_id TEXT NOT NULL DEFAULT '',
    oidc_discovery_json TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    row_version BIGINT NOT NULL DEFAULT 1
)
-- go
-- Google and Facebook exist at most once each.
CREATE UNIQUE INDEX identity_providers_social ON identity_providers (kind) WHERE kind IN ('google', 'facebook')
-- go
-- One federation per issuer (SAML entity id, WS-Fed realm issuer, OIDC issuer).
CREATE UNIQUE INDEX identity_providers_issuer ON identity_providers (issuer) WHERE kind IN ('saml', 'wsfed', 'oidc')
-- go
-- A domain belongs to one federation only.
CREATE TABLE idp_domains (
    domain TEXT PRIMARY KEY,
    idp_id TEXT NOT NULL REFERENCES identity_providers (id) ON DELETE CASCADE
)
-- go
CREATE INDEX idp_domains_idp ON idp_domains (idp_id)
-- go
-- Redemption order as Graph JSON (RedemptionOrder::toJson): scope '' is the default, otherwise a
-- partner's tenant id. No row = the built-in default order.
CREATE TABLE idp_redemption_orders (
    scope TEXT PRIMARY KEY,
    order_json TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    row_version BIGINT NOT NULL DEFAULT 1
)
