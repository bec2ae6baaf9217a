-- Schema version 12 (SQLite): counts of the guest pane's common filters read index entries only
-- (issue 3: a count <= 20 ms at 1,000,000 guests). GuestDirectory::count() names the index: the
-- domain filter takes guests_by_domain, the state filter (and "pending for more than N days")
-- guests_count_state, the creation-type filter guests_count_creation. Each holds every column the
-- filters test, user_type and deleted_at included: SQLite 3.40 does not treat a partial index as
-- covering for the columns of its own WHERE clause. The filters compare plain columns
-- (external_user_state = ?, not coalesce(...)) so that the columns, not expressions, are covered.
-- guests_by_domain is widened in place (its old display_name key served nothing: the domain source
-- reads rowids only), and two unused indexes are dropped below, so a guest insert writes as many
-- index entries as before (wider ones).
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
