-- Atrium directory schema, version 1 (SQLite). Statements are separated by "-- go" lines.
-- Timestamps are UTC milliseconds since the epoch; booleans are 0/1; ids are UUID text.
-- Every mutable row has row_version: updates are compare-and-swap on it (no lost updates).
CREATE TABLE schema_info (id INTEGER PRIMARY KEY CHECK (id = 1), version INTEGER NOT NULL)
-- go
INSERT INTO schema_info (id, version) VALUES (1, 0)
-- go
CREATE TABLE directory (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    tenant_id TEXT NOT NULL,
    display_name TEXT NOT NULL,
    initial_domain TEXT NOT NULL,
    privacy_statement_url TEXT NOT NULL DEFAULT '',
    privacy_contact TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL,
    row_version BIGINT NOT NULL DEFAULT 1
)
-- go
CREATE TABLE verified_domains (
    domain TEXT PRIMARY KEY,
    added_at BIGINT NOT NULL
)
-- go
CREATE TABLE users (
    id TEXT PRIMARY KEY,
    display_name TEXT NOT NULL,
    user_principal_name TEXT NOT NULL,
    upn_lower TEXT NOT NULL UNIQUE,
    mail TEXT,
    mail_lower TEXT,
    mail_domain TEXT,
    other_mails TEXT NOT NULL DEFAULT '[]',
    user_type TEXT NOT NULL CHECK (user_type IN ('Member', 'Guest')),
    external_user_state TEXT CHECK (external_user_state IN ('PendingAcceptance', 'Accepted')),
    external_user_state_changed_at BIGINT,
    creation_type TEXT CHECK (creation_type IN ('Invitation', 'SelfServiceSignUp')),
    account_enabled INTEGER NOT NULL DEFAULT 1 CHECK (account_enabled IN (0, 1)),
    invited_by TEXT REFERENCES users (id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL,
    last_sign_in_at BIGINT,
    os_account TEXT UNIQUE,
    db_login TEXT UNIQUE,
    deleted_at BIGINT,
    row_version BIGINT NOT NULL DEFAULT 1
)
-- go
CREATE INDEX users_mail ON users (mail_lower)
-- go
CREATE INDEX users_type_state ON users (user_type, external_user_state, created_at)
-- go
CREATE INDEX users_domain ON users (mail_domain, display_name)
-- go
CREATE TABLE user_identities (
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    sign_in_type TEXT NOT NULL,
    issuer TEXT NOT NULL,
    issuer_assigned_id TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (user_id, sign_in_type, issuer)
)
-- go
CREATE TABLE directory_groups (
    id TEXT PRIMARY KEY,
    display_name TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL,
    row_version BIGINT NOT NULL DEFAULT 1
)
-- go
CREATE TABLE group_members (
    group_id TEXT NOT NULL REFERENCES directory_groups (id) ON DELETE CASCADE,
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    added_at BIGINT NOT NULL,
    PRIMARY KEY (group_id, user_id)
)
-- go
CREATE INDEX group_members_user ON group_members (user_id)
-- go
CREATE TABLE group_owners (
    group_id TEXT NOT NULL REFERENCES directory_groups (id) ON DELETE CASCADE,
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    PRIMARY KEY (group_id, user_id)
)
-- go
CREATE INDEX group_owners_user ON group_owners (user_id)
-- go
CREATE TABLE applications (
    id TEXT PRIMARY KEY,
    display_name TEXT NOT NULL,
    self_service_group_id TEXT REFERENCES directory_groups (id) ON DELETE SET NULL,
    created_at BIGINT NOT NULL,
    row_version BIGINT NOT NULL DEFAULT 1
)
-- go
CREATE TABLE app_assignments (
    app_id TEXT NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    added_at BIGINT NOT NULL,
    PRIMARY KEY (app_id, user_id)
)
-- go
CREATE INDEX app_assignments_user ON app_assignments (user_id)
-- go
CREATE TABLE app_owners (
    app_id TEXT NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    PRIMARY KEY (app_id, user_id)
)
-- go
CREATE INDEX app_owners_user ON app_owners (user_id)
-- go
CREATE TABLE sponsors (
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    sponsor_id TEXT NOT NULL,
    sponsor_type TEXT NOT NULL CHECK (sponsor_type IN ('user', 'group')),
    PRIMARY KEY (user_id, sponsor_id)
)
-- go
CREATE TABLE role_assignments (
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('GlobalAdministrator', 'UserAdministrator', 'GuestInviter',
        'HelpdeskAdministrator', 'SecurityAdministrator', 'ExternalIdentityProviderAdministrator', 'GlobalReader')),
    assigned_at BIGINT NOT NULL,
    assigned_by TEXT,
    PRIMARY KEY (user_id, role)
)
-- go
CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    row_version BIGINT NOT NULL DEFAULT 1
)
-- go
CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at_ms BIGINT NOT NULL,
    actor_id TEXT,
    actor_name TEXT NOT NULL,
    activity TEXT NOT NULL,
    category TEXT NOT NULL,
    target_type TEXT NOT NULL DEFAULT '',
    target_id TEXT NOT NULL DEFAULT '',
    target_name TEXT NOT NULL DEFAULT '',
    result TEXT NOT NULL CHECK (result IN ('success', 'failure', 'denied')),
    reason TEXT NOT NULL DEFAULT '',
    before_json TEXT,
    after_json TEXT,
    correlation_id TEXT NOT NULL
)
-- go
CREATE INDEX audit_at ON audit_log (at_ms)
-- go
CREATE INDEX audit_correlation ON audit_log (correlation_id)
-- go
-- Append-only in the database itself, not by convention.
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END
-- go
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END
