-- Schema version 11 (PostgreSQL): the audit log's search box is served by an index (issue 8).
-- A GIN index over a tsvector of activity, actor, target name and reason with the 'simple'
-- configuration (no stemming, no stop words, no extension needed). The text is folded first the way
-- SQLite's unicode61 remove_diacritics tokenizer folds it: accented Latin letters (Latin-1 and Latin
-- Extended-A/B, upper and lower case; the database may use the C locale, where lower() only knows
-- ASCII) become their base letter, then lower(); '@', '.', '/', ':', '_', '+', '\' become spaces so an
-- address is its local part and domain labels, as on SQLite. The search asks for every word as a
-- prefix ("word:*", all words ANDed) through the same fold, so both sides agree. The queries use
-- atrium_audit_words(...) exactly as the index does (auditquery.cpp).
CREATE FUNCTION atrium_audit_fold(t TEXT) RETURNS TEXT LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT lower(translate(t,
        'ÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖÙÚÛÜÝàáâãäåçèéêëìíîïñòóôõöùúûüýÿĀāĂăĄąĆć'
        || 'ĈĉĊċČčĎďĒēĔĕĖėĘęĚěĜĝĞğĠġĢģĤĥĨĩĪīĬĭĮįİĴĵĶķĹĺĻļĽľŃńŅņŇňŌōŎŏŐőŔŕ'
        || 'ŖŗŘřŚśŜŝŞşŠšŢţŤťŨũŪūŬŭŮůŰűŲųŴŵŶŷŸŹźŻżŽžƠơƯưǍǎǏǐǑǒǓǔǕǖǗǘǙǚǛǜǞǟ'
        || 'ǠǡǦǧǨǩǪǫǬǭǰǴǵǸǹǺǻȀȁȂȃȄȅȆȇȈȉȊȋȌȍȎȏȐȑȒȓȔȕȖȗȘșȚțȞȟȦȧȨȩȪȫȬȭȮȯȰȱȲȳ',
        'aaaaaaceeeeiiiinooooouuuuyaaaaaaceeeeiiiinooooouuuuyyaaaaaacc'
        || 'ccccccddeeeeeeeeeegggggggghhiiiiiiiiijjkkllllllnnnnnnoooooorr'
        || 'rrrrssssssssttttuuuuuuuuuuuuwwyyyzzzzzzoouuaaiioouuuuuuuuuuaa'
        || 'aaggkkoooojggnnaaaaaaeeeeiiiioooorrrruuuusstthhaaeeooooooooyy'))
$$
-- go
CREATE FUNCTION atrium_audit_words(activity TEXT, actor_name TEXT, target_name TEXT, reason TEXT)
RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT to_tsvector('simple'::regconfig, translate(atrium_audit_fold(
        coalesce(activity, '') || ' ' || coalesce(actor_name, '') || ' ' || coalesce(target_name, '') || ' ' ||
        coalesce(reason, '')), '@./:_+\', '       '))
$$
-- go
CREATE INDEX audit_search ON audit_log USING GIN (atrium_audit_words(activity, actor_name, target_name, reason))
