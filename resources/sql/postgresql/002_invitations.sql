-- Schema version 2: invitations, the mail outbox, unsubscribed addresses and bulk jobs.
-- Redemption tokens are never stored: only their SHA-256 (token_hash). A token is derived when
-- needed as HMAC-SHA256(directory token key, invitation id ‖ token_nonce), the key living in the
-- keychain, so a copy of the database alone cannot redeem anything (see docs in invitationtoken.h).
CREATE TABLE invitations (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    invited_email TEXT NOT NULL,
    email_lower TEXT NOT NULL,
    redirect_url TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('PendingAcceptance', 'Completed', 'InProgress', 'Error')),
    token_nonce TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    send_email INTEGER NOT NULL CHECK (send_email IN (0, 1)),
    message TEXT NOT NULL DEFAULT '',
    cc TEXT NOT NULL DEFAULT '',
    language TEXT NOT NULL DEFAULT 'en',
    invited_by TEXT,
    correlation_id TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT,
    redeemed_at BIGINT,
    row_version BIGINT NOT NULL DEFAULT 1
)
-- go
CREATE INDEX invitations_user ON invitations (user_id, created_at)
-- go
CREATE INDEX invitations_status ON invitations (status, created_at)
-- go
CREATE TABLE outbox (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('invitation', 'passcode')),
    invitation_id TEXT REFERENCES invitations (id) ON DELETE CASCADE,
    recipient TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('pending', 'sent', 'failed', 'cancelled')),
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at BIGINT NOT NULL,
    last_error TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL,
    sent_at BIGINT
)
-- go
CREATE INDEX outbox_due ON outbox (status, next_attempt_at)
-- go
CREATE INDEX outbox_invitation ON outbox (invitation_id)
-- go
CREATE TABLE unsubscribed (
    email_lower TEXT PRIMARY KEY,
    at_ms BIGINT NOT NULL
)
-- go
CREATE TABLE bulk_jobs (
    id TEXT PRIMARY KEY,
    file_name TEXT NOT NULL,
    file_sha256 TEXT NOT NULL,
    total_rows INTEGER NOT NULL DEFAULT 0,
    succeeded INTEGER NOT NULL DEFAULT 0,
    failed INTEGER NOT NULL DEFAULT 0,
    status TEXT NOT NULL CHECK (status IN ('running', 'completed', 'cancelled')),
    started_by TEXT,
    started_at BIGINT NOT NULL,
    finished_at BIGINT
)
