-- Schema version 10: impact preview "email one-time passcodes off" at a million guests (issue 4).
-- Accepted guests by id, a small covering index: each passcode identity (user_identities_issuer,
-- issuer "mail") is checked against it with one probe instead of a lookup of the whole user row.
-- Pending guests (what bulk invite writes) are not in it, so inviting costs nothing extra. The
-- WHERE clause is spelled as in core/collaboration/impactpreview.cpp.
CREATE INDEX guests_accepted ON users (id)
    WHERE user_type = 'Guest' AND external_user_state = 'Accepted' AND deleted_at IS NULL
