-- 0007: a country with an event root (the dashboard's "conflict in a
-- country" view, country + cameo=19) read as a seek. With events_*_country
-- alone such a page walked every event of the country in date order and
-- looked up each one's root: a thousand lookups for a page at 2 M events
-- (986 ms p95). Each index ends in the date, as every filter's does (0004);
-- a three- or four-digit code filters on its root too (filter.go), so it
-- seeks here as well.
CREATE INDEX events_source_country_root ON events(source_country, root, date);
CREATE INDEX events_target_country_root ON events(target_country, root, date);

-- A rare word's page (q) gathers the events of the word's sentences and
-- sorts them by date: with the date in events_sentence that sort reads the
-- index alone, and only the page's events are read from the table (at ten
-- million events a word in 3,000 sentences read 3,000 rows at random).
DROP INDEX events_sentence;
CREATE INDEX events_sentence ON events(sentence_id, date);
