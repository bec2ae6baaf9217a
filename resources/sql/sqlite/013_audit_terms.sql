-- Schema version 13 (SQLite): the search box's word expansion reads its own term list (issue 8).
-- The search turns an ASCII word into the index terms that start with it (auditquery.cpp). Read from
-- the fts5vocab table of 011, "the next term after t" seeks to the leaf where t's postings start and
-- walks every leaf of t's doclist before it reaches the next term: a word in every row ("guest")
-- cost 763 ms on a 10,000,000-row log with the page cache empty (BENCHMARKS.md, "Cold page cache").
-- audit_terms holds each distinct term once, in a b-tree of its own, so the expansion is one range
-- read of at most 33 keys whatever the row count.
CREATE TABLE audit_terms (term TEXT PRIMARY KEY) WITHOUT ROWID
-- go
CREATE VIRTUAL TABLE temp.audit_fts_rows USING fts5vocab(main, audit_fts, 'row')
-- go
INSERT INTO audit_terms (term) SELECT term FROM temp.audit_fts_rows
-- go
DROP TABLE temp.audit_fts_rows
-- go
-- New rows' terms, split by the very tokenizer of audit_fts (so a term here is exactly a term there,
-- accents folded the same way): the trigger writes the row into this contentless, position-less
-- index, copies its vocabulary into audit_terms and empties it again. It never holds more than the
-- row being appended (measured: about 20 microseconds per append).
CREATE VIRTUAL TABLE audit_terms_stage USING fts5(activity, actor_name, target_name, reason, content = '',
    detail = none, tokenize = 'unicode61 remove_diacritics 2')
-- go
CREATE VIRTUAL TABLE audit_terms_stage_vocab USING fts5vocab(audit_terms_stage, 'row')
-- go
DROP TRIGGER audit_fts_insert
-- go
CREATE TRIGGER audit_fts_insert AFTER INSERT ON audit_log
BEGIN
    INSERT INTO audit_fts (rowid, activity, actor_name, target_name, reason)
    VALUES (new.id, new.activity, new.actor_name, new.target_name, new.reason);
    INSERT INTO audit_terms_stage (rowid, activity, actor_name, target_name, reason)
    VALUES (new.id, new.activity, new.actor_name, new.target_name, new.reason);
    INSERT OR IGNORE INTO audit_terms (term) SELECT term FROM audit_terms_stage_vocab;
    INSERT INTO audit_terms_stage (audit_terms_stage) VALUES ('delete-all');
END
-- go
-- The vocabulary view of 011 served only the expansion.
DROP TABLE audit_fts_terms
-- go
-- audit_terms may hold a term no row holds any more only if rows were removed by hand (the log is
-- append-only); the expansion then asks FTS5 for a term that matches nothing, which is still right.
-- After an audit_fts 'rebuild', refill it the way this migration does.
