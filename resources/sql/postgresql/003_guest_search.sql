-- Schema version 3 (PostgreSQL): the guest directory stays instant at a million guests (issue 3).
-- Search: a GIN tsvector index with the 'simple' configuration (no stemming, no extension needed) over
-- the display name and the mail with '@', '.', '-', '_', '+' turned into spaces, so local-part words
-- and domain labels are words; queries are "word:*" prefixes. Whole-address prefixes ("alice@con")
-- use a text_pattern_ops index. The queries repeat these expressions exactly (guestsql.cpp).
-- Sort: one partial index per sortable column, each ending in id, for keyset paging.
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
CREATE INDEX guests_search ON users USING GIN (to_tsvector('simple'::regconfig,
    display_name || ' ' || translate(coalesce(mail, ''), '@.-_+', '     ')))
    WHERE user_type = 'Guest' AND deleted_at IS NULL
-- go
CREATE INDEX guests_mail_prefix ON users (mail_lower text_pattern_ops) WHERE user_type = 'Guest' AND deleted_at IS NULL
-- go
-- "Invited by" sorts by the inviter's name, so the name is kept beside the id (bulk seeding sets it
-- itself and skips the lookup).
CREATE FUNCTION atrium_users_invited_by_name() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.invited_by IS NULL THEN
        NEW.invited_by_name := NULL;
    ELSIF TG_OP = 'UPDATE' OR NEW.invited_by_name IS NULL THEN
        NEW.invited_by_name := (SELECT display_name FROM users WHERE id = NEW.invited_by);
    END IF;
    RETURN NEW;
END
$$
-- go
CREATE TRIGGER users_invited_by_name BEFORE INSERT OR UPDATE OF invited_by ON users
    FOR EACH ROW EXECUTE FUNCTION atrium_users_invited_by_name()
-- go
CREATE FUNCTION atrium_sponsors_sort_of(uid TEXT) RETURNS TEXT LANGUAGE sql STABLE AS $$
    SELECT min(coalesce(su.display_name, g.display_name)) FROM sponsors s
    LEFT JOIN users su ON s.sponsor_type = 'user' AND su.id = s.sponsor_id
    LEFT JOIN directory_groups g ON s.sponsor_type = 'group' AND g.id = s.sponsor_id
    WHERE s.user_id = uid
$$
-- go
CREATE FUNCTION atrium_users_renamed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE users SET invited_by_name = NEW.display_name WHERE invited_by = NEW.id;
    UPDATE users SET sponsors_sort = atrium_sponsors_sort_of(id)
        WHERE id IN (SELECT user_id FROM sponsors WHERE sponsor_id = NEW.id);
    RETURN NULL;
END
$$
-- go
CREATE TRIGGER users_renamed AFTER UPDATE OF display_name ON users
    FOR EACH ROW WHEN (OLD.display_name IS DISTINCT FROM NEW.display_name) EXECUTE FUNCTION atrium_users_renamed()
-- go
-- "Sponsors" sorts by the alphabetically first sponsor's name.
CREATE FUNCTION atrium_sponsors_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        UPDATE users SET sponsors_sort = atrium_sponsors_sort_of(OLD.user_id) WHERE id = OLD.user_id;
    ELSE
        UPDATE users SET sponsors_sort = atrium_sponsors_sort_of(NEW.user_id)
            WHERE id = NEW.user_id AND sponsors_sort IS DISTINCT FROM atrium_sponsors_sort_of(NEW.user_id);
    END IF;
    RETURN NULL;
END
$$
-- go
CREATE TRIGGER sponsors_changed AFTER INSERT OR DELETE ON sponsors
    FOR EACH ROW EXECUTE FUNCTION atrium_sponsors_changed()
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
