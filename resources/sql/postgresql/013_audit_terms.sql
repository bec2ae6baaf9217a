-- Schema version 13 (PostgreSQL): the audit search keeps its words in a stored column (issue 8).
-- At 10,000,000 rows a search with many hits ("admin42 invite", ~0.8 % of rows) is answered by
-- walking the newest rows and testing each; with the words computed by atrium_audit_words on every
-- tested row that cost ~10 µs a row and 1.7 s for a first page. search_words holds the same tsvector,
-- computed once when the row is written (a generated column: nothing else can write it, and the log
-- stays append-only), and the GIN index is on it. The fold is also given an ASCII fast path: the
-- Latin translate() table is scanned for every character, ~60 µs per row, and an ASCII text needs
-- only lower(). Its results are the same for every input, so the words of existing rows do not change.
-- The column is filled by rewriting the table once (measured in BENCHMARKS.md).
CREATE OR REPLACE FUNCTION atrium_audit_fold(t TEXT) RETURNS TEXT LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN octet_length(t) = length(t) THEN lower(t) ELSE lower(translate(t,
        'ÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖÙÚÛÜÝàáâãäåçèéêëìíîïñòóôõöùúûüýÿĀāĂăĄąĆć'
        || 'ĈĉĊċČčĎďĒēĔĕĖėĘęĚěĜĝĞğĠġĢģĤĥĨĩĪīĬĭĮįİĴĵĶķĹĺĻļĽľŃńŅņŇňŌōŎŏŐőŔŕ'
        || 'ŖŗŘřŚśŜŝŞşŠšŢţŤťŨũŪūŬŭŮůŰűŲųŴŵŶŷŸŹźŻżŽžƠơƯưǍǎǏǐǑǒǓǔǕǖǗǘǙǚǛǜǞǟ'
        || 'ǠǡǦǧǨǩǪǫǬǭǰǴǵǸǹǺǻȀȁȂȃȄȅȆȇȈȉȊȋȌȍȎȏȐȑȒȓȔȕȖȗȘșȚțȞȟȦȧȨȩȪȫȬȭȮȯȰȱȲȳ',
        'aaaaaaceeeeiiiinooooouuuuyaaaaaaceeeeiiiinooooouuuuyyaaaaaacc'
        || 'ccccccddeeeeeeeeeegggggggghhiiiiiiiiijjkkllllllnnnnnnoooooorr'
        || 'rrrrssssssssttttuuuuuuuuuuuuwwyyyzzzzzzoouuaaiioouuuuuuuuuuaa'
        || 'aaggkkoooojggnnaaaaaaeeeeiiiioooorrrruuuusstthhaaeeooooooooyy')) END
$$
-- go
DROP INDEX audit_search
-- go
ALTER TABLE audit_log ADD COLUMN search_words tsvector
    GENERATED ALWAYS AS (atrium_audit_words(activity, actor_name, target_name, reason)) STORED
-- go
CREATE INDEX audit_search ON audit_log USING GIN (search_words)
