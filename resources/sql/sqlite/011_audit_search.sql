-- Schema version 11 (SQLite): the audit log's search box is served by an index (issue 8).
-- An FTS5 external-content index over activity, actor, target name and reason; its rowid is
-- audit_log.id (INTEGER PRIMARY KEY, so VACUUM keeps it). unicode61 with remove_diacritics 2 splits
-- on everything that is not a letter or digit (an address becomes its local part and domain labels)
-- and folds case and accents; the search asks for every word as a prefix ('"word"*'). Word-based, not
-- trigram: each row writes about ten postings, where a trigram index writes one per three letters.
-- No prefix indexes: each would add another posting per word and prefix, on every audit append.
-- The table is append-only (migration 001 refuses UPDATE and DELETE), so the AFTER INSERT trigger is
-- the only one needed to keep the index in step. If rows are ever removed by hand (the triggers
-- dropped first), "INSERT INTO audit_fts(audit_fts) VALUES ('rebuild')" repairs the index.
CREATE VIRTUAL TABLE audit_fts USING fts5(activity, actor_name, target_name, reason, content = 'audit_log',
    content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2')
-- go
INSERT INTO audit_fts (audit_fts) VALUES ('rebuild')
-- go
CREATE TRIGGER audit_fts_insert AFTER INSERT ON audit_log
BEGIN
    INSERT INTO audit_fts (rowid, activity, actor_name, target_name, reason)
    VALUES (new.id, new.activity, new.actor_name, new.target_name, new.reason);
END
-- go
-- The index's vocabulary, one row per posting in term order: the search reads the terms that start
-- with a word (one seek each) and asks for them exactly, which FTS5 reads lazily (auditquery.cpp).
CREATE VIRTUAL TABLE audit_fts_terms USING fts5vocab(audit_fts, 'instance')
