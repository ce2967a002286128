-- 0004: every documented filter of /api/events answered from an index in
-- (date, id) order, and summary tables for the aggregates (docs/API.md,
-- "Scale"). Each index ends in the date (and, as every SQLite index, the
-- rowid), so a page of one code, root, country, quad class, modality,
-- category or outlet is read in order and stops after its last row.
CREATE INDEX events_root ON events(root, date);
CREATE INDEX events_code3 ON events(substr(cameo, 1, 3), date);
CREATE INDEX events_source_country ON events(source_country, date);
CREATE INDEX events_target_country ON events(target_country, date);
CREATE INDEX events_quad ON events(quad, date);
CREATE INDEX events_modality ON events(modality, date);
CREATE INDEX events_plover ON events(plover, date);
CREATE INDEX events_outlet ON events(doc_source, date);
CREATE INDEX events_sentence ON events(sentence_id);

-- Summaries, kept by the triggers below in the transaction that writes
-- the events, read by Series, CountEvents, TopActors, TopDyads and Network
-- when a filter asks nothing they do not hold (summary.go):
--   event_days: events per day by quad class, with their Goldstein sum;
--   event_dyad_days: the same per pair of actor roots (first three letters);
--   event_root_days: the same per actor root as source, as target, and as
--     either ('actor': an event counts once for each root it involves);
--   event_actor_months: event sides per month and actor code (an event
--     counts once for its source and once for its target);
--   event_pair_months: events per month and directed pair of codes.
-- A month is YYYY-MM ('' for undated events); month 'all' holds the
-- totals over every month. Rows whose count falls to zero are deleted.
CREATE TABLE event_days (
	date      TEXT PRIMARY KEY,
	n         INTEGER NOT NULL,
	q1        INTEGER NOT NULL,
	q2        INTEGER NOT NULL,
	q3        INTEGER NOT NULL,
	q4        INTEGER NOT NULL,
	goldstein REAL NOT NULL
) WITHOUT ROWID;

CREATE TABLE event_dyad_days (
	source_root TEXT NOT NULL,
	target_root TEXT NOT NULL,
	date        TEXT NOT NULL,
	n           INTEGER NOT NULL,
	q1          INTEGER NOT NULL,
	q2          INTEGER NOT NULL,
	q3          INTEGER NOT NULL,
	q4          INTEGER NOT NULL,
	goldstein   REAL NOT NULL,
	PRIMARY KEY (source_root, target_root, date)
) WITHOUT ROWID;
CREATE INDEX event_dyad_days_target ON event_dyad_days(target_root, date);
-- The root pairs of a period with their counts, for the alerts' ranking.
CREATE INDEX event_dyad_days_date ON event_dyad_days(date, source_root, target_root, n);

CREATE TABLE event_root_days (
	role        TEXT NOT NULL,
	root        TEXT NOT NULL,
	date        TEXT NOT NULL,
	n           INTEGER NOT NULL,
	q1          INTEGER NOT NULL,
	q2          INTEGER NOT NULL,
	q3          INTEGER NOT NULL,
	q4          INTEGER NOT NULL,
	goldstein   REAL NOT NULL,
	PRIMARY KEY (role, root, date)
) WITHOUT ROWID;

CREATE TABLE event_actor_months (
	month   TEXT NOT NULL,
	code    TEXT NOT NULL,
	country TEXT NOT NULL,
	n       INTEGER NOT NULL,
	PRIMARY KEY (month, code, country)
) WITHOUT ROWID;

CREATE TABLE event_pair_months (
	month       TEXT NOT NULL,
	source_code TEXT NOT NULL,
	target_code TEXT NOT NULL,
	n           INTEGER NOT NULL,
	q1          INTEGER NOT NULL,
	q2          INTEGER NOT NULL,
	q3          INTEGER NOT NULL,
	q4          INTEGER NOT NULL,
	goldstein   REAL NOT NULL,
	PRIMARY KEY (month, source_code, target_code)
) WITHOUT ROWID;
-- The busiest pairs of all time, read in order.
CREATE INDEX event_pair_months_n ON event_pair_months(month, n);

CREATE TRIGGER events_summary_ai AFTER INSERT ON events BEGIN
	INSERT INTO event_days (date, n, q1, q2, q3, q4, goldstein)
		VALUES (new.date, 1, new.quad = 1, new.quad = 2, new.quad = 3, new.quad = 4, new.goldstein)
		ON CONFLICT (date) DO UPDATE SET n = n + 1, q1 = q1 + excluded.q1, q2 = q2 + excluded.q2,
			q3 = q3 + excluded.q3, q4 = q4 + excluded.q4, goldstein = goldstein + excluded.goldstein;
	INSERT INTO event_dyad_days (source_root, target_root, date, n, q1, q2, q3, q4, goldstein)
		VALUES (new.source_root, new.target_root, new.date, 1, new.quad = 1, new.quad = 2, new.quad = 3, new.quad = 4, new.goldstein)
		ON CONFLICT (source_root, target_root, date) DO UPDATE SET n = n + 1, q1 = q1 + excluded.q1, q2 = q2 + excluded.q2,
			q3 = q3 + excluded.q3, q4 = q4 + excluded.q4, goldstein = goldstein + excluded.goldstein;
	INSERT INTO event_root_days (role, root, date, n, q1, q2, q3, q4, goldstein)
		SELECT x.role, x.root, new.date, 1, new.quad = 1, new.quad = 2, new.quad = 3, new.quad = 4, new.goldstein FROM (
			SELECT 'source' AS role, new.source_root AS root UNION ALL SELECT 'target', new.target_root
			UNION ALL SELECT 'actor', new.source_root
			UNION ALL SELECT 'actor', new.target_root WHERE new.target_root <> new.source_root) AS x
		WHERE x.root <> ''
		ON CONFLICT (role, root, date) DO UPDATE SET n = n + 1, q1 = q1 + excluded.q1, q2 = q2 + excluded.q2,
			q3 = q3 + excluded.q3, q4 = q4 + excluded.q4, goldstein = goldstein + excluded.goldstein;
	INSERT INTO event_actor_months (month, code, country, n)
		SELECT m.column1, new.source_code, new.source_country, 1 FROM (VALUES (substr(new.date, 1, 7)), ('all')) AS m
		WHERE new.source_code <> ''
		ON CONFLICT (month, code, country) DO UPDATE SET n = n + 1;
	INSERT INTO event_actor_months (month, code, country, n)
		SELECT m.column1, new.target_code, new.target_country, 1 FROM (VALUES (substr(new.date, 1, 7)), ('all')) AS m
		WHERE new.target_code <> ''
		ON CONFLICT (month, code, country) DO UPDATE SET n = n + 1;
	INSERT INTO event_pair_months (month, source_code, target_code, n, q1, q2, q3, q4, goldstein)
		SELECT m.column1, new.source_code, new.target_code, 1, new.quad = 1, new.quad = 2, new.quad = 3, new.quad = 4, new.goldstein
		FROM (VALUES (substr(new.date, 1, 7)), ('all')) AS m
		WHERE new.source_code <> '' AND new.target_code <> ''
		ON CONFLICT (month, source_code, target_code) DO UPDATE SET n = n + 1, q1 = q1 + excluded.q1, q2 = q2 + excluded.q2,
			q3 = q3 + excluded.q3, q4 = q4 + excluded.q4, goldstein = goldstein + excluded.goldstein;
END;

CREATE TRIGGER events_summary_ad AFTER DELETE ON events BEGIN
	UPDATE event_days SET n = n - 1, q1 = q1 - (old.quad = 1), q2 = q2 - (old.quad = 2), q3 = q3 - (old.quad = 3), q4 = q4 - (old.quad = 4), goldstein = goldstein - old.goldstein WHERE date = old.date;
	DELETE FROM event_days WHERE date = old.date AND n <= 0;
	UPDATE event_dyad_days SET n = n - 1, q1 = q1 - (old.quad = 1), q2 = q2 - (old.quad = 2), q3 = q3 - (old.quad = 3), q4 = q4 - (old.quad = 4), goldstein = goldstein - old.goldstein
		WHERE source_root = old.source_root AND target_root = old.target_root AND date = old.date;
	DELETE FROM event_dyad_days WHERE source_root = old.source_root AND target_root = old.target_root AND date = old.date AND n <= 0;
	UPDATE event_root_days SET n = n - 1, q1 = q1 - (old.quad = 1), q2 = q2 - (old.quad = 2), q3 = q3 - (old.quad = 3), q4 = q4 - (old.quad = 4), goldstein = goldstein - old.goldstein
		WHERE date = old.date AND ((role IN ('source', 'actor') AND root = old.source_root) OR (role = 'target' AND root = old.target_root)
			OR (role = 'actor' AND root = old.target_root AND old.target_root <> old.source_root));
	DELETE FROM event_root_days WHERE date = old.date AND root IN (old.source_root, old.target_root) AND n <= 0;
	UPDATE event_actor_months SET n = n - 1 WHERE month IN (substr(old.date, 1, 7), 'all') AND code = old.source_code AND country = old.source_country;
	UPDATE event_actor_months SET n = n - 1 WHERE month IN (substr(old.date, 1, 7), 'all') AND code = old.target_code AND country = old.target_country;
	DELETE FROM event_actor_months WHERE month IN (substr(old.date, 1, 7), 'all') AND code IN (old.source_code, old.target_code) AND n <= 0;
	UPDATE event_pair_months SET n = n - 1, q1 = q1 - (old.quad = 1), q2 = q2 - (old.quad = 2), q3 = q3 - (old.quad = 3), q4 = q4 - (old.quad = 4), goldstein = goldstein - old.goldstein
		WHERE month IN (substr(old.date, 1, 7), 'all') AND source_code = old.source_code AND target_code = old.target_code;
	DELETE FROM event_pair_months WHERE month IN (substr(old.date, 1, 7), 'all') AND source_code = old.source_code AND target_code = old.target_code AND n <= 0;
END;

-- The store changes only cluster_id after an insert; should anything else
-- change a summarised column, the event moves between summary rows.
CREATE TRIGGER events_summary_au AFTER UPDATE OF date, source_root, target_root, source_code, target_code, source_country, target_country, quad, goldstein ON events BEGIN
	UPDATE event_days SET n = n - 1, q1 = q1 - (old.quad = 1), q2 = q2 - (old.quad = 2), q3 = q3 - (old.quad = 3), q4 = q4 - (old.quad = 4), goldstein = goldstein - old.goldstein WHERE date = old.date;
	DELETE FROM event_days WHERE date = old.date AND n <= 0;
	UPDATE event_dyad_days SET n = n - 1, q1 = q1 - (old.quad = 1), q2 = q2 - (old.quad = 2), q3 = q3 - (old.quad = 3), q4 = q4 - (old.quad = 4), goldstein = goldstein - old.goldstein
		WHERE source_root = old.source_root AND target_root = old.target_root AND date = old.date;
	DELETE FROM event_dyad_days WHERE source_root = old.source_root AND target_root = old.target_root AND date = old.date AND n <= 0;
	UPDATE event_root_days SET n = n - 1, q1 = q1 - (old.quad = 1), q2 = q2 - (old.quad = 2), q3 = q3 - (old.quad = 3), q4 = q4 - (old.quad = 4), goldstein = goldstein - old.goldstein
		WHERE date = old.date AND ((role IN ('source', 'actor') AND root = old.source_root) OR (role = 'target' AND root = old.target_root)
			OR (role = 'actor' AND root = old.target_root AND old.target_root <> old.source_root));
	DELETE FROM event_root_days WHERE date = old.date AND root IN (old.source_root, old.target_root) AND n <= 0;
	UPDATE event_actor_months SET n = n - 1 WHERE month IN (substr(old.date, 1, 7), 'all') AND code = old.source_code AND country = old.source_country;
	UPDATE event_actor_months SET n = n - 1 WHERE month IN (substr(old.date, 1, 7), 'all') AND code = old.target_code AND country = old.target_country;
	DELETE FROM event_actor_months WHERE month IN (substr(old.date, 1, 7), 'all') AND code IN (old.source_code, old.target_code) AND n <= 0;
	UPDATE event_pair_months SET n = n - 1, q1 = q1 - (old.quad = 1), q2 = q2 - (old.quad = 2), q3 = q3 - (old.quad = 3), q4 = q4 - (old.quad = 4), goldstein = goldstein - old.goldstein
		WHERE month IN (substr(old.date, 1, 7), 'all') AND source_code = old.source_code AND target_code = old.target_code;
	DELETE FROM event_pair_months WHERE month IN (substr(old.date, 1, 7), 'all') AND source_code = old.source_code AND target_code = old.target_code AND n <= 0;
	INSERT INTO event_days (date, n, q1, q2, q3, q4, goldstein)
		VALUES (new.date, 1, new.quad = 1, new.quad = 2, new.quad = 3, new.quad = 4, new.goldstein)
		ON CONFLICT (date) DO UPDATE SET n = n + 1, q1 = q1 + excluded.q1, q2 = q2 + excluded.q2,
			q3 = q3 + excluded.q3, q4 = q4 + excluded.q4, goldstein = goldstein + excluded.goldstein;
	INSERT INTO event_dyad_days (source_root, target_root, date, n, q1, q2, q3, q4, goldstein)
		VALUES (new.source_root, new.target_root, new.date, 1, new.quad = 1, new.quad = 2, new.quad = 3, new.quad = 4, new.goldstein)
		ON CONFLICT (source_root, target_root, date) DO UPDATE SET n = n + 1, q1 = q1 + excluded.q1, q2 = q2 + excluded.q2,
			q3 = q3 + excluded.q3, q4 = q4 + excluded.q4, goldstein = goldstein + excluded.goldstein;
	INSERT INTO event_root_days (role, root, date, n, q1, q2, q3, q4, goldstein)
		SELECT x.role, x.root, new.date, 1, new.quad = 1, new.quad = 2, new.quad = 3, new.quad = 4, new.goldstein FROM (
			SELECT 'source' AS role, new.source_root AS root UNION ALL SELECT 'target', new.target_root
			UNION ALL SELECT 'actor', new.source_root
			UNION ALL SELECT 'actor', new.target_root WHERE new.target_root <> new.source_root) AS x
		WHERE x.root <> ''
		ON CONFLICT (role, root, date) DO UPDATE SET n = n + 1, q1 = q1 + excluded.q1, q2 = q2 + excluded.q2,
			q3 = q3 + excluded.q3, q4 = q4 + excluded.q4, goldstein = goldstein + excluded.goldstein;
	INSERT INTO event_actor_months (month, code, country, n)
		SELECT m.column1, new.source_code, new.source_country, 1 FROM (VALUES (substr(new.date, 1, 7)), ('all')) AS m
		WHERE new.source_code <> ''
		ON CONFLICT (month, code, country) DO UPDATE SET n = n + 1;
	INSERT INTO event_actor_months (month, code, country, n)
		SELECT m.column1, new.target_code, new.target_country, 1 FROM (VALUES (substr(new.date, 1, 7)), ('all')) AS m
		WHERE new.target_code <> ''
		ON CONFLICT (month, code, country) DO UPDATE SET n = n + 1;
	INSERT INTO event_pair_months (month, source_code, target_code, n, q1, q2, q3, q4, goldstein)
		SELECT m.column1, new.source_code, new.target_code, 1, new.quad = 1, new.quad = 2, new.quad = 3, new.quad = 4, new.goldstein
		FROM (VALUES (substr(new.date, 1, 7)), ('all')) AS m
		WHERE new.source_code <> '' AND new.target_code <> ''
		ON CONFLICT (month, source_code, target_code) DO UPDATE SET n = n + 1, q1 = q1 + excluded.q1, q2 = q2 + excluded.q2,
			q3 = q3 + excluded.q3, q4 = q4 + excluded.q4, goldstein = goldstein + excluded.goldstein;
END;

-- Fill the summaries from the events already stored (a bulk load counts
-- them as it inserts instead: sums.go).
DELETE FROM event_days;
INSERT INTO event_days (date, n, q1, q2, q3, q4, goldstein)
	SELECT date, count(*), sum(quad = 1), sum(quad = 2), sum(quad = 3), sum(quad = 4), total(goldstein)
	FROM events GROUP BY date;
DELETE FROM event_dyad_days;
INSERT INTO event_dyad_days (source_root, target_root, date, n, q1, q2, q3, q4, goldstein)
	SELECT source_root, target_root, date, count(*), sum(quad = 1), sum(quad = 2), sum(quad = 3), sum(quad = 4), total(goldstein)
	FROM events GROUP BY source_root, target_root, date;
DELETE FROM event_root_days;
INSERT INTO event_root_days (role, root, date, n, q1, q2, q3, q4, goldstein)
	SELECT role, root, date, count(*), sum(quad = 1), sum(quad = 2), sum(quad = 3), sum(quad = 4), total(goldstein) FROM (
		SELECT 'source' AS role, source_root AS root, date, quad, goldstein FROM events WHERE source_root <> ''
		UNION ALL SELECT 'target', target_root, date, quad, goldstein FROM events WHERE target_root <> ''
		UNION ALL SELECT 'actor', source_root, date, quad, goldstein FROM events WHERE source_root <> ''
		UNION ALL SELECT 'actor', target_root, date, quad, goldstein FROM events WHERE target_root <> '' AND target_root <> source_root)
	GROUP BY role, root, date;
DELETE FROM event_actor_months;
INSERT INTO event_actor_months (month, code, country, n)
	SELECT month, code, country, sum(n) FROM (
		SELECT substr(date, 1, 7) AS month, source_code AS code, source_country AS country, count(*) AS n
		FROM events WHERE source_code <> '' GROUP BY 1, 2, 3
		UNION ALL
		SELECT substr(date, 1, 7), target_code, target_country, count(*)
		FROM events WHERE target_code <> '' GROUP BY 1, 2, 3)
	GROUP BY month, code, country;
INSERT INTO event_actor_months (month, code, country, n)
	SELECT 'all', code, country, sum(n) FROM event_actor_months GROUP BY code, country;
DELETE FROM event_pair_months;
INSERT INTO event_pair_months (month, source_code, target_code, n, q1, q2, q3, q4, goldstein)
	SELECT substr(date, 1, 7), source_code, target_code, count(*), sum(quad = 1), sum(quad = 2), sum(quad = 3), sum(quad = 4), total(goldstein)
	FROM events WHERE source_code <> '' AND target_code <> '' GROUP BY 1, 2, 3;
INSERT INTO event_pair_months (month, source_code, target_code, n, q1, q2, q3, q4, goldstein)
	SELECT 'all', source_code, target_code, sum(n), sum(q1), sum(q2), sum(q3), sum(q4), total(goldstein)
	FROM event_pair_months GROUP BY source_code, target_code;
