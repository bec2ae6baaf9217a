-- Schema version 12 (PostgreSQL): the same count indexes as on SQLite (see sqlite/012), so that a
-- count of the guest pane's common filters (state, creation type, domain) can be an index-only scan.
-- PostgreSQL needs no predicate columns in a partial index for that; they are kept for symmetry.
DROP INDEX guests_by_domain
-- go
CREATE INDEX guests_by_domain ON users (mail_domain, external_user_state, creation_type, created_at,
    external_user_state_changed_at, last_sign_in_at, user_type, deleted_at)
    WHERE user_type = 'Guest' AND deleted_at IS NULL
-- go
CREATE INDEX guests_count_state ON users (external_user_state, creation_type, mail_domain, created_at,
    external_user_state_changed_at, last_sign_in_at, user_type, deleted_at)
    WHERE user_type = 'Guest' AND deleted_at IS NULL
-- go
CREATE INDEX guests_count_creation ON users (creation_type, external_user_state, mail_domain, created_at,
    external_user_state_changed_at, last_sign_in_at, user_type, deleted_at)
    WHERE user_type = 'Guest' AND deleted_at IS NULL
-- go
-- Indexes nothing reads any more, dropped so that bulk invite does not pay for them on every guest:
-- guests_inactive duplicates users_guest_activity (migration 007), which the "no sign-in for N
-- days" count and the inactive-guests report take; users_domain (migration 001) is superseded by
-- guests_by_domain and guests_pending_domain, which every mail_domain query names or prefers.
DROP INDEX guests_inactive
-- go
DROP INDEX users_domain
