-- 0005: summaries for a ten-million-event store, kept by the same
-- triggers as those of 0002, so that the dashboard's aggregates and an
-- actor's counts read hundreds of rows instead of a day's rows for every
-- day of ten years:
--
-- event_root_days: events per day and actor root (first three letters)
--   as source, as target, and as either ('actor': an event counts once
--   for each root it involves), by quad class with their Goldstein sum:
--   one actor's counts and series.
-- event_actor_months: event sides per month and actor code (an event
--   counts once for its source and once for its target): top actors.
-- event_pair_months: events per month and directed pair of codes (both
--   set), by quad class with their Goldstein sum: top dyads, by the
--   threshold algorithm over months (internal/postgres/topdyads.go).
-- A month is its first day (0001-01-01 for undated events); month
-- 'infinity' holds the totals over every month. Rows whose count falls
-- to zero are deleted.

-- A page of one side's actor walks its root's events in (day, id) order
-- and checks a longer code on the index entry: without id, every match
-- of a day is sorted; without the root first, every match of a partition.
CREATE INDEX events_source ON events (source_root, day, id, source_code);
DROP INDEX events_target;
CREATE INDEX events_target ON events (target_root, day, id, target_code);

-- A dyad's page checks the quad class and the CAMEO root on the index
-- entry, in (day, id) order; the old index needed the row of every event
-- of the pair, and sorted each day's.
DROP INDEX events_dyad;
CREATE INDEX events_dyad ON events (source_root, target_root, day, id, quad, root, source_code, target_code);
-- Negated or hypothetical events are a few in a thousand: a page walks
-- them in order rather than every event.
CREATE INDEX events_modality ON events (modality, day, id);

CREATE TABLE event_root_days (
	role      text COLLATE "C" NOT NULL, -- source, target or actor
	root      text COLLATE "C" NOT NULL,
	day       date NOT NULL,
	n         bigint NOT NULL,
	q1        bigint NOT NULL,
	q2        bigint NOT NULL,
	q3        bigint NOT NULL,
	q4        bigint NOT NULL,
	goldstein float8 NOT NULL,
	PRIMARY KEY (role, root, day)
);

CREATE TABLE event_actor_months (
	month   date NOT NULL,
	code    text COLLATE "C" NOT NULL,
	country text NOT NULL,
	n       bigint NOT NULL,
	PRIMARY KEY (month, code, country)
);

CREATE TABLE event_pair_months (
	month       date NOT NULL,
	source_code text COLLATE "C" NOT NULL,
	target_code text COLLATE "C" NOT NULL,
	n           bigint NOT NULL,
	q1          bigint NOT NULL,
	q2          bigint NOT NULL,
	q3          bigint NOT NULL,
	q4          bigint NOT NULL,
	goldstein   float8 NOT NULL,
	PRIMARY KEY (month, source_code, target_code)
);
-- A month's pairs busiest first.
CREATE INDEX event_pair_months_n ON event_pair_months (month, n);

-- scale_summary_sql is dyad_summary_sql (0002) for the tables above.
CREATE FUNCTION scale_summary_sql(src text, sign int) RETURNS text[] LANGUAGE sql IMMUTABLE AS $$
SELECT ARRAY[
	format($q$INSERT INTO event_root_days AS s (role, root, day, n, q1, q2, q3, q4, goldstein)
	SELECT role, root, day, %2$s * count(*),
		%2$s * count(*) FILTER (WHERE quad = 1), %2$s * count(*) FILTER (WHERE quad = 2),
		%2$s * count(*) FILTER (WHERE quad = 3), %2$s * count(*) FILTER (WHERE quad = 4),
		%2$s * sum(goldstein::float8)
	FROM (SELECT 'source' COLLATE "C" AS role, source_root AS root, day, quad, goldstein FROM %1$s AS e
		UNION ALL SELECT 'target', target_root, day, quad, goldstein FROM %1$s AS e
		UNION ALL SELECT 'actor', source_root, day, quad, goldstein FROM %1$s AS e
		UNION ALL SELECT 'actor', target_root, day, quad, goldstein FROM %1$s AS e WHERE target_root <> source_root) AS x
	WHERE root <> '' GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
	ON CONFLICT (role, root, day) DO UPDATE SET
		n = s.n + excluded.n, q1 = s.q1 + excluded.q1, q2 = s.q2 + excluded.q2,
		q3 = s.q3 + excluded.q3, q4 = s.q4 + excluded.q4, goldstein = s.goldstein + excluded.goldstein$q$, src, sign),
	format($q$INSERT INTO event_actor_months AS s (month, code, country, n)
	SELECT m.month, x.code, x.country, %2$s * count(*) FROM (
		SELECT day, source_code AS code, source_country AS country FROM %1$s AS e
		UNION ALL
		SELECT day, target_code, target_country FROM %1$s AS e) AS x
	CROSS JOIN LATERAL (VALUES (date_trunc('month', x.day)::date), ('infinity'::date)) AS m (month)
	WHERE x.code <> '' GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
	ON CONFLICT (month, code, country) DO UPDATE SET n = s.n + excluded.n$q$, src, sign),
	format($q$INSERT INTO event_pair_months AS s (month, source_code, target_code, n, q1, q2, q3, q4, goldstein)
	SELECT m.month, e.source_code, e.target_code, %2$s * count(*),
		%2$s * count(*) FILTER (WHERE e.quad = 1), %2$s * count(*) FILTER (WHERE e.quad = 2),
		%2$s * count(*) FILTER (WHERE e.quad = 3), %2$s * count(*) FILTER (WHERE e.quad = 4),
		%2$s * sum(e.goldstein::float8)
	FROM %1$s AS e CROSS JOIN LATERAL (VALUES (date_trunc('month', e.day)::date), ('infinity'::date)) AS m (month)
	WHERE e.source_code <> '' AND e.target_code <> '' GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
	ON CONFLICT (month, source_code, target_code) DO UPDATE SET
		n = s.n + excluded.n, q1 = s.q1 + excluded.q1, q2 = s.q2 + excluded.q2,
		q3 = s.q3 + excluded.q3, q4 = s.q4 + excluded.q4, goldstein = s.goldstein + excluded.goldstein$q$, src, sign),
	CASE WHEN sign < 0 THEN format($q$DELETE FROM event_root_days s USING %1$s AS e
	WHERE s.root IN (e.source_root, e.target_root) AND s.day = e.day AND s.n = 0$q$, src) END,
	CASE WHEN sign < 0 THEN format($q$DELETE FROM event_actor_months s USING (
		SELECT day, source_code AS code, source_country AS country FROM %1$s AS e
		UNION SELECT day, target_code, target_country FROM %1$s AS e) AS k
	WHERE s.month IN (date_trunc('month', k.day)::date, 'infinity') AND s.code = k.code AND s.country = k.country
		AND s.n = 0$q$, src) END,
	CASE WHEN sign < 0 THEN format($q$DELETE FROM event_pair_months s USING %1$s AS e
	WHERE s.month IN (date_trunc('month', e.day)::date, 'infinity') AND s.source_code = e.source_code
		AND s.target_code = e.target_code AND s.n = 0$q$, src) END]
$$;

CREATE OR REPLACE FUNCTION events_summarise() RETURNS trigger LANGUAGE plpgsql
SET search_path FROM CURRENT AS $$
DECLARE
	q text;
BEGIN
	FOREACH q IN ARRAY CASE TG_OP WHEN 'INSERT' THEN dyad_summary_sql('new_events', 1) || scale_summary_sql('new_events', 1)
		ELSE dyad_summary_sql('old_events', -1) || scale_summary_sql('old_events', -1) END LOOP
		IF q IS NOT NULL THEN
			EXECUTE q;
		END IF;
	END LOOP;
	RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION events_summary_move() RETURNS trigger LANGUAGE plpgsql
SET search_path FROM CURRENT AS $$
DECLARE
	q text;
	one text;
	o text;
	n text;
BEGIN
	one := '(SELECT %L::date AS day, %L::text COLLATE "C" AS source_root, %L::text COLLATE "C" AS source_code, '
		|| '%L::text AS source_country, %L::text COLLATE "C" AS target_root, %L::text COLLATE "C" AS target_code, '
		|| '%L::text AS target_country, %L::smallint AS quad, %L::real AS goldstein)';
	o := format(one, OLD.day, OLD.source_root, OLD.source_code, OLD.source_country,
		OLD.target_root, OLD.target_code, OLD.target_country, OLD.quad, OLD.goldstein);
	n := format(one, NEW.day, NEW.source_root, NEW.source_code, NEW.source_country,
		NEW.target_root, NEW.target_code, NEW.target_country, NEW.quad, NEW.goldstein);
	FOREACH q IN ARRAY dyad_summary_sql(o, -1) || scale_summary_sql(o, -1)
		|| dyad_summary_sql(n, 1) || scale_summary_sql(n, 1) LOOP
		IF q IS NOT NULL THEN
			EXECUTE q;
		END IF;
	END LOOP;
	RETURN NEW;
END $$;

CREATE OR REPLACE FUNCTION events_summary_truncate() RETURNS trigger LANGUAGE plpgsql
SET search_path FROM CURRENT AS $$
BEGIN
	TRUNCATE event_dyad_days, event_days, event_actor_days, event_root_days, event_actor_months, event_pair_months;
	RETURN NULL;
END $$;

-- dyad_rebuild_summaries recounts every summary of the days from first to
-- last (NULL: no bound), and the months those days touch, from the events.
CREATE OR REPLACE FUNCTION dyad_rebuild_summaries(first date, last date) RETURNS void LANGUAGE plpgsql
SET search_path FROM CURRENT AS $$
DECLARE
	m0 date := date_trunc('month', first)::date;
	m1 date := (date_trunc('month', last) + interval '1 month')::date;
BEGIN
	DELETE FROM event_dyad_days WHERE (first IS NULL OR day >= first) AND (last IS NULL OR day <= last);
	DELETE FROM event_days WHERE (first IS NULL OR day >= first) AND (last IS NULL OR day <= last);
	DELETE FROM event_actor_days WHERE (first IS NULL OR day >= first) AND (last IS NULL OR day <= last);
	DELETE FROM event_root_days WHERE (first IS NULL OR day >= first) AND (last IS NULL OR day <= last);
	INSERT INTO event_dyad_days (source_root, target_root, day, n, q1, q2, q3, q4, goldstein)
	SELECT source_root, target_root, day, count(*),
		count(*) FILTER (WHERE quad = 1), count(*) FILTER (WHERE quad = 2),
		count(*) FILTER (WHERE quad = 3), count(*) FILTER (WHERE quad = 4), sum(goldstein::float8)
	FROM events WHERE (first IS NULL OR day >= first) AND (last IS NULL OR day <= last)
	GROUP BY 1, 2, 3 ORDER BY 1, 2, 3;
	INSERT INTO event_days (day, n, q1, q2, q3, q4, goldstein)
	SELECT day, sum(n), sum(q1), sum(q2), sum(q3), sum(q4), sum(goldstein) FROM event_dyad_days
	WHERE (first IS NULL OR day >= first) AND (last IS NULL OR day <= last)
	GROUP BY 1 ORDER BY 1;
	INSERT INTO event_actor_days (day, code, country, n)
	SELECT day, code, country, count(*) FROM (
		SELECT day, source_code AS code, source_country AS country FROM events
		WHERE (first IS NULL OR day >= first) AND (last IS NULL OR day <= last)
		UNION ALL
		SELECT day, target_code, target_country FROM events
		WHERE (first IS NULL OR day >= first) AND (last IS NULL OR day <= last)) AS x
	WHERE code <> '' GROUP BY 1, 2, 3 ORDER BY 1, 2, 3;
	INSERT INTO event_root_days (role, root, day, n, q1, q2, q3, q4, goldstein)
	SELECT 'source', source_root, day, sum(n), sum(q1), sum(q2), sum(q3), sum(q4), sum(goldstein) FROM event_dyad_days
	WHERE source_root <> '' AND (first IS NULL OR day >= first) AND (last IS NULL OR day <= last) GROUP BY 2, 3
	UNION ALL
	SELECT 'target', target_root, day, sum(n), sum(q1), sum(q2), sum(q3), sum(q4), sum(goldstein) FROM event_dyad_days
	WHERE target_root <> '' AND (first IS NULL OR day >= first) AND (last IS NULL OR day <= last) GROUP BY 2, 3
	UNION ALL
	SELECT 'actor', root, day, sum(n), sum(q1), sum(q2), sum(q3), sum(q4), sum(goldstein) FROM (
		SELECT source_root AS root, day, n, q1, q2, q3, q4, goldstein FROM event_dyad_days
		WHERE (first IS NULL OR day >= first) AND (last IS NULL OR day <= last)
		UNION ALL
		SELECT target_root, day, n, q1, q2, q3, q4, goldstein FROM event_dyad_days
		WHERE target_root <> source_root AND (first IS NULL OR day >= first) AND (last IS NULL OR day <= last)) AS x
	WHERE root <> '' GROUP BY 2, 3
	ORDER BY 1, 2, 3;
	-- The months: those the days touch are recounted whole (a month cut
	-- by the range keeps its other days' events), then all time from the
	-- months.
	DELETE FROM event_actor_months WHERE month <> 'infinity' AND (first IS NULL OR month >= m0) AND (last IS NULL OR month < m1);
	DELETE FROM event_pair_months WHERE month <> 'infinity' AND (first IS NULL OR month >= m0) AND (last IS NULL OR month < m1);
	INSERT INTO event_actor_months (month, code, country, n)
	SELECT date_trunc('month', day)::date, code, country, sum(n) FROM event_actor_days
	WHERE (first IS NULL OR day >= m0) AND (last IS NULL OR day < m1)
	GROUP BY 1, 2, 3 ORDER BY 1, 2, 3;
	INSERT INTO event_pair_months (month, source_code, target_code, n, q1, q2, q3, q4, goldstein)
	SELECT date_trunc('month', day)::date, source_code, target_code, count(*),
		count(*) FILTER (WHERE quad = 1), count(*) FILTER (WHERE quad = 2),
		count(*) FILTER (WHERE quad = 3), count(*) FILTER (WHERE quad = 4), sum(goldstein::float8)
	FROM events WHERE source_code <> '' AND target_code <> '' AND (first IS NULL OR day >= m0) AND (last IS NULL OR day < m1)
	GROUP BY 1, 2, 3 ORDER BY 1, 2, 3;
	DELETE FROM event_actor_months WHERE month = 'infinity';
	DELETE FROM event_pair_months WHERE month = 'infinity';
	INSERT INTO event_actor_months (month, code, country, n)
	SELECT 'infinity', code, country, sum(n) FROM event_actor_months GROUP BY 2, 3 ORDER BY 2, 3;
	INSERT INTO event_pair_months (month, source_code, target_code, n, q1, q2, q3, q4, goldstein)
	SELECT 'infinity', source_code, target_code, sum(n), sum(q1), sum(q2), sum(q3), sum(q4), sum(goldstein)
	FROM event_pair_months GROUP BY 2, 3 ORDER BY 2, 3;
END $$;

-- A store made before this migration fills the new tables from the
-- summaries and events it has.
INSERT INTO event_root_days (role, root, day, n, q1, q2, q3, q4, goldstein)
SELECT 'source', source_root, day, sum(n), sum(q1), sum(q2), sum(q3), sum(q4), sum(goldstein) FROM event_dyad_days
WHERE source_root <> '' GROUP BY 2, 3
UNION ALL
SELECT 'target', target_root, day, sum(n), sum(q1), sum(q2), sum(q3), sum(q4), sum(goldstein) FROM event_dyad_days
WHERE target_root <> '' GROUP BY 2, 3
UNION ALL
SELECT 'actor', root, day, sum(n), sum(q1), sum(q2), sum(q3), sum(q4), sum(goldstein) FROM (
	SELECT source_root AS root, day, n, q1, q2, q3, q4, goldstein FROM event_dyad_days
	UNION ALL
	SELECT target_root, day, n, q1, q2, q3, q4, goldstein FROM event_dyad_days WHERE target_root <> source_root) AS x
WHERE root <> '' GROUP BY 2, 3
ORDER BY 1, 2, 3;
INSERT INTO event_actor_months (month, code, country, n)
SELECT m.month, code, country, sum(n) FROM event_actor_days
CROSS JOIN LATERAL (VALUES (date_trunc('month', day)::date), ('infinity'::date)) AS m (month)
GROUP BY 1, 2, 3 ORDER BY 1, 2, 3;
INSERT INTO event_pair_months (month, source_code, target_code, n, q1, q2, q3, q4, goldstein)
SELECT date_trunc('month', day)::date, source_code, target_code, count(*),
	count(*) FILTER (WHERE quad = 1), count(*) FILTER (WHERE quad = 2),
	count(*) FILTER (WHERE quad = 3), count(*) FILTER (WHERE quad = 4), sum(goldstein::float8)
FROM events WHERE source_code <> '' AND target_code <> ''
GROUP BY 1, 2, 3 ORDER BY 1, 2, 3;
INSERT INTO event_pair_months (month, source_code, target_code, n, q1, q2, q3, q4, goldstein)
SELECT 'infinity', source_code, target_code, sum(n), sum(q1), sum(q2), sum(q3), sum(q4), sum(goldstein)
FROM event_pair_months GROUP BY 2, 3 ORDER BY 2, 3;
