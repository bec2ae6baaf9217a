-- Schema version 5 (PostgreSQL): atrium-portal (redemption by email one-time passcode, portal sessions, consent,
-- self-service sign-up user flows and API connectors).
-- Passcodes are never stored. A code is derived when the mail is sent as
--     code = decimal(HMAC-SHA256(tokenKey, "passcode:" ‖ id ‖ ":" ‖ code_nonce)[0..8] as uint64 mod 10^8), 8 digits
-- with the directory's token key from the keychain (as redemption tokens are), and the row keeps only
--     code_hash = hex HMAC-SHA256(tokenKey, "passcode-check:" ‖ id ‖ ":" ‖ code)
-- keyed, so that a copy of the database cannot be searched offline for the 10^8 possible codes.
CREATE TABLE passcodes (
    id TEXT PRIMARY KEY,
    invitation_id TEXT REFERENCES invitations (id) ON DELETE CASCADE,
    user_id TEXT REFERENCES users (id) ON DELETE CASCADE,
    email_lower TEXT NOT NULL,
    purpose TEXT NOT NULL CHECK (purpose IN ('redeem', 'signup')),
    code_nonce TEXT NOT NULL,
    code_hash TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    used_at BIGINT,
    superseded_at BIGINT,
    row_version BIGINT NOT NULL DEFAULT 1
)
-- go
CREATE INDEX passcodes_invitation ON passcodes (invitation_id, created_at)
-- go
CREATE INDEX passcodes_email ON passcodes (email_lower, created_at)
-- go
-- A passcode mail in the outbox points at its passcode row (kind 'passcode').
ALTER TABLE outbox ADD COLUMN passcode_id TEXT REFERENCES passcodes (id) ON DELETE CASCADE
-- go
-- Portal sessions: the cookie carries a 256-bit random secret, the row only its SHA-256.
-- A session lasts at most 24 hours (SPEC §7).
CREATE TABLE portal_sessions (
    id_hash TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    invitation_id TEXT REFERENCES invitations (id) ON DELETE CASCADE,
    identity_issuer TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL CHECK (expires_at <= created_at + 86400000),
    consented INTEGER NOT NULL DEFAULT 0 CHECK (consented IN (0, 1)),
    row_version BIGINT NOT NULL DEFAULT 1
)
-- go
CREATE INDEX portal_sessions_user ON portal_sessions (user_id)
-- go
CREATE INDEX portal_sessions_expiry ON portal_sessions (expires_at)
-- go
-- "Review permissions" is asked once per guest (SPEC §2).
CREATE TABLE consents (
    user_id TEXT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    consented_at BIGINT NOT NULL,
    terms_accepted_at BIGINT
)
-- go
-- Self-service sign-up (SPEC §8). definition: JSON (identity providers, attributes, page order).
CREATE TABLE user_flows (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL UNIQUE CHECK (name LIKE 'B2X\_1\_%' ESCAPE '\'),
    definition TEXT NOT NULL DEFAULT '{}',
    created_at BIGINT NOT NULL,
    row_version BIGINT NOT NULL DEFAULT 1
)
-- go
CREATE TABLE user_flow_applications (
    flow_id TEXT NOT NULL REFERENCES user_flows (id) ON DELETE CASCADE,
    app_id TEXT NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
    PRIMARY KEY (flow_id, app_id)
)
-- go
CREATE INDEX user_flow_applications_app ON user_flow_applications (app_id)
-- go
-- API connectors: the credentials (password, client certificate key) live in the keychain.
CREATE TABLE api_connectors (
    id TEXT PRIMARY KEY,
    display_name TEXT NOT NULL,
    endpoint_url TEXT NOT NULL,
    auth_type TEXT NOT NULL CHECK (auth_type IN ('basic', 'certificate')),
    username TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL,
    row_version BIGINT NOT NULL DEFAULT 1
)
-- go
CREATE TABLE user_flow_connectors (
    flow_id TEXT NOT NULL REFERENCES user_flows (id) ON DELETE CASCADE,
    step TEXT NOT NULL CHECK (step IN ('postFederationSignup', 'postAttributeCollection')),
    connector_id TEXT NOT NULL REFERENCES api_connectors (id) ON DELETE RESTRICT,
    PRIMARY KEY (flow_id, step)
)
