-- 0007: a country with an event root (the dashboard's "conflict in a
-- country" view, country + cameo=19) read as a seek. With events_*_country
-- alone such a page walked every event of the country in date order and
-- looked up each one's root: a thousand lookups for a page at 2 M events
-- (986 ms p95). Each index ends in the date, as every filter's does (0004);
-- a three- or four-digit code filters on its root too (filter.go), so it
-- seeks here as well.
CREATE INDEX events_source_country_root ON events(source_country, root, date);
CREATE INDEX events_target_country_root ON events(target_country, root, date);
