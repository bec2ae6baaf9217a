-- Schema version 7: indexes for the audit log view and the inactive guests report (issue 8).
-- The view orders by (at_ms, id) descending and filters in the database; every filter column leads
-- an index that continues with (at_ms, id), so "activity = ?" plus a keyset position is one seek
-- however many millions of rows the log holds.
CREATE INDEX audit_activity ON audit_log (activity, at_ms, id)
-- go
CREATE INDEX audit_category ON audit_log (category, at_ms, id)
-- go
CREATE INDEX audit_actor ON audit_log (actor_name, at_ms, id)
-- go
CREATE INDEX audit_target_id ON audit_log (target_id, at_ms, id)
-- go
CREATE INDEX audit_target_name ON audit_log (target_name, at_ms, id)
-- go
CREATE INDEX audit_result ON audit_log (result, at_ms, id)
-- go
DROP INDEX audit_correlation
-- go
CREATE INDEX audit_correlation ON audit_log (correlation_id, at_ms, id)
-- go
DROP INDEX audit_at
-- go
CREATE INDEX audit_at ON audit_log (at_ms, id)
-- go
-- Inactive guests: last sign-in, or creation when never signed in.
CREATE INDEX users_guest_activity ON users (user_type, COALESCE(last_sign_in_at, created_at), id)
