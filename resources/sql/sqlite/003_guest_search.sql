-- Schema version 3 (SQLite): the guest directory stays instant at a million guests (issue 3).
-- Search: an FTS5 external-content index over display name and mail (unicode61 splits the address
-- into local-part words and domain labels), prefix indexes for 1-3 letters so a first keystroke reads
-- one doclist. Its rowid is users.rowid, which VACUUM and VACUUM INTO keep (checked on 3.40); if a
-- restore ever renumbers users, "INSERT INTO guest_fts(guest_fts) VALUES ('rebuild')" repairs it.
-- Sort: one partial index per sortable column (guests that are not deleted), each ending in id so
-- keyset paging "(key, id) > (?, ?)" is a range scan. Nullable keys are indexed as coalesce(...) and
-- the queries use the very same expression.
ALTER TABLE users ADD COLUMN invited_by_name TEXT
-- go
ALTER TABLE users ADD COLUMN sponsors_sort TEXT
-- go
UPDATE users SET invited_by_name = (SELECT i.display_name FROM users i WHERE i.id = users.invited_by)
WHERE invited_by IS NOT NULL
-- go
UPDATE users SET sponsors_sort = (
    SELECT min(coalesce(su.display_name, g.display_name)) FROM sponsors s
    LEFT JOIN users su ON s.sponsor_type = 'user' AND su.id = s.sponsor_id
    LEFT JOIN directory_groups g ON s.sponsor_type = 'group' AND g.id = s.sponsor_id
    WHERE s.user_id = users.id)
-- go
CREATE INDEX users_invited_by ON users (invited_by)
-- go
CREATE VIRTUAL TABLE guest_fts USING fts5(display_name, mail, content = 'users', content_rowid = 'rowid',
    prefix = '1 2 3', tokenize = 'unicode61 remove_diacritics 2')
-- go
INSERT INTO guest_fts (guest_fts) VALUES ('rebuild')
-- go
CREATE TRIGGER users_fts_insert AFTER INSERT ON users
BEGIN
    INSERT INTO guest_fts (rowid, display_name, mail) VALUES (new.rowid, new.display_name, new.mail);
END
-- go
CREATE TRIGGER users_fts_delete AFTER DELETE ON users
BEGIN
    INSERT INTO guest_fts (guest_fts, rowid, display_name, mail) VALUES ('delete', old.rowid, old.display_name, old.mail);
END
-- go
CREATE TRIGGER users_fts_update AFTER UPDATE OF display_name, mail ON users
BEGIN
    INSERT INTO guest_fts (guest_fts, rowid, display_name, mail) VALUES ('delete', old.rowid, old.display_name, old.mail);
    INSERT INTO guest_fts (rowid, display_name, mail) VALUES (new.rowid, new.display_name, new.mail);
END
-- go
-- "Invited by" sorts by the inviter's name, so the name is kept beside the id (bulk seeding sets it
-- itself and skips the lookup).
CREATE TRIGGER users_invited_by_insert AFTER INSERT ON users
WHEN new.invited_by IS NOT NULL AND new.invited_by_name IS NULL
BEGIN
    UPDATE users SET invited_by_name = (SELECT display_name FROM users WHERE id = new.invited_by)
    WHERE rowid = new.rowid;
END
-- go
CREATE TRIGGER users_invited_by_update AFTER UPDATE OF invited_by ON users
BEGIN
    UPDATE users SET invited_by_name = (SELECT display_name FROM users WHERE id = new.invited_by)
    WHERE rowid = new.rowid;
END
-- go
CREATE TRIGGER users_inviter_renamed AFTER UPDATE OF display_name ON users
BEGIN
    UPDATE users SET invited_by_name = new.display_name WHERE invited_by = new.id;
    UPDATE users SET sponsors_sort = (
        SELECT min(coalesce(su.display_name, g.display_name)) FROM sponsors s
        LEFT JOIN users su ON s.sponsor_type = 'user' AND su.id = s.sponsor_id
        LEFT JOIN directory_groups g ON s.sponsor_type = 'group' AND g.id = s.sponsor_id
        WHERE s.user_id = users.id)
    WHERE id IN (SELECT user_id FROM sponsors WHERE sponsor_id = new.id);
END
-- go
-- "Sponsors" sorts by the alphabetically first sponsor's name.
CREATE TRIGGER sponsors_sort_insert AFTER INSERT ON sponsors
BEGIN
    -- Only rewrite the row (and its indexes) when the value changes: an invitation inserts the guest
    -- with sponsors_sort already filled in.
    UPDATE users SET sponsors_sort = (
        SELECT min(coalesce(su.display_name, g.display_name)) FROM sponsors s
        LEFT JOIN users su ON s.sponsor_type = 'user' AND su.id = s.sponsor_id
        LEFT JOIN directory_groups g ON s.sponsor_type = 'group' AND g.id = s.sponsor_id
        WHERE s.user_id = new.user_id)
    WHERE id = new.user_id AND sponsors_sort IS NOT (
        SELECT min(coalesce(su.display_name, g.display_name)) FROM sponsors s
        LEFT JOIN users su ON s.sponsor_type = 'user' AND su.id = s.sponsor_id
        LEFT JOIN directory_groups g ON s.sponsor_type = 'group' AND g.id = s.sponsor_id
        WHERE s.user_id = new.user_id);
END
-- go
CREATE TRIGGER sponsors_sort_delete AFTER DELETE ON sponsors
BEGIN
    UPDATE users SET sponsors_sort = (
        SELECT min(coalesce(su.display_name, g.display_name)) FROM sponsors s
        LEFT JOIN users su ON s.sponsor_type = 'user' AND su.id = s.sponsor_id
        LEFT JOIN directory_groups g ON s.sponsor_type = 'group' AND g.id = s.sponsor_id
        WHERE s.user_id = old.user_id)
    WHERE id = old.user_id;
END
-- go
CREATE INDEX sponsors_sponsor ON sponsors (sponsor_id)
-- go
CREATE INDEX guests_by_name ON users (display_name, id) WHERE user_type = 'Guest' AND deleted_at IS NULL
-- go
CREATE INDEX guests_by_mail ON users (coalesce(mail_lower, ''), id) WHERE user_type = 'Guest' AND deleted_at IS NULL
-- go
CREATE INDEX guests_by_upn ON users (upn_lower, id) WHERE user_type = 'Guest' AND deleted_at IS NULL
-- go
CREATE INDEX guests_by_state ON users (coalesce(external_user_state, ''), id) WHERE user_type = 'Guest' AND deleted_at IS NULL
-- go
CREATE INDEX guests_by_creation ON users (coalesce(creation_type, ''), id) WHERE user_type = 'Guest' AND deleted_at IS NULL
-- go
CREATE INDEX guests_by_type ON users (user_type, id) WHERE user_type = 'Guest' AND deleted_at IS NULL
-- go
CREATE INDEX guests_by_inviter ON users (coalesce(invited_by_name, ''), id) WHERE user_type = 'Guest' AND deleted_at IS NULL
-- go
CREATE INDEX guests_by_created ON users (created_at, id) WHERE user_type = 'Guest' AND deleted_at IS NULL
-- go
CREATE INDEX guests_by_state_changed ON users (coalesce(external_user_state_changed_at, 0), id) WHERE user_type = 'Guest' AND deleted_at IS NULL
-- go
CREATE INDEX guests_by_sign_in ON users (coalesce(last_sign_in_at, 0), id) WHERE user_type = 'Guest' AND deleted_at IS NULL
-- go
CREATE INDEX guests_by_sponsors ON users (coalesce(sponsors_sort, ''), id) WHERE user_type = 'Guest' AND deleted_at IS NULL
-- go
CREATE INDEX guests_by_enabled ON users (account_enabled, id) WHERE user_type = 'Guest' AND deleted_at IS NULL
-- go
-- Filters with their own indexes, so a count of a dense filter reads index entries only.
CREATE INDEX guests_by_domain ON users (mail_domain, display_name, id) WHERE user_type = 'Guest' AND deleted_at IS NULL
-- go
CREATE INDEX guests_inactive ON users (coalesce(last_sign_in_at, created_at)) WHERE user_type = 'Guest' AND deleted_at IS NULL
-- go
CREATE INDEX guests_pending_since ON users (coalesce(external_user_state_changed_at, created_at))
    WHERE user_type = 'Guest' AND deleted_at IS NULL AND external_user_state = 'PendingAcceptance'
