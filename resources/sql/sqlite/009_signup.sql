-- Schema version 9: self-service sign-up in atrium-portal (SPEC §8) and terms of use (SPEC §2).
-- A sign-up session: the cookie carries a 256-bit random secret, the row only its SHA-256. It
-- follows one guest through a user flow: email verified by passcode, the claims an API connector
-- pre-filled, then the created user (consent and terms come after creation). At most 24 hours.
CREATE TABLE signup_sessions (
    id_hash TEXT PRIMARY KEY,
    flow_id TEXT NOT NULL REFERENCES user_flows (id) ON DELETE CASCADE,
    email TEXT NOT NULL,
    email_lower TEXT NOT NULL,
    passcode_id TEXT REFERENCES passcodes (id) ON DELETE SET NULL,
    verified_at BIGINT,
    claims TEXT NOT NULL DEFAULT '{}',
    user_id TEXT REFERENCES users (id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL CHECK (expires_at <= created_at + 86400000),
    row_version BIGINT NOT NULL DEFAULT 1
)
-- go
CREATE INDEX signup_sessions_expiry ON signup_sessions (expires_at)
-- go
CREATE INDEX signup_sessions_email ON signup_sessions (email_lower, created_at)
-- go
-- Attributes collected at sign-up (built-in: country, postalCode, jobTitle, city, ...; custom:
-- extension_<appid>_<name>). Collected only at the first sign-up (SPEC §8).
CREATE TABLE user_attributes (
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (user_id, name)
)
