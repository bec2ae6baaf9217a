-- Schema version 6: impact previews of external collaboration settings (issue 4), fast at a
-- million guests. The WHERE clauses match the queries of core/collaboration/impactpreview.cpp
-- word for word, so that the planners can use these partial indexes.
-- Pending guests per mail domain: GROUP BY mail_domain reads only this index, and the first page of
-- one blocked domain is a range of it.
CREATE INDEX guests_pending_domain ON users (mail_domain, mail_lower, id)
    WHERE user_type = 'Guest' AND external_user_state = 'PendingAcceptance' AND deleted_at IS NULL
-- go
-- Guests who redeemed with a passcode (identity issuer "mail"), found without scanning all identities.
CREATE INDEX user_identities_issuer ON user_identities (issuer, user_id)
