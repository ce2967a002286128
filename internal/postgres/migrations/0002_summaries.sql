-- 0002: daily summaries of events, kept by triggers in the transaction
-- that writes the events, so that a dyad's series over years and a
-- month's top actors read thousands of summary rows instead of a hundred
-- thousand events. The store answers from them only when a filter asks
-- nothing they do not hold (internal/postgres/summary.go).
--
-- event_dyad_days: events per day and pair of actor roots (the first
-- three letters of the codes), by quad class, with their Goldstein sum.
-- event_actor_days: event sides per day and actor code (an event counts
-- once for its source and once for its target), with the code's country.
-- event_days: events per day by quad class, for the whole archive.
-- Rows whose count falls to zero are deleted.

CREATE TABLE event_dyad_days (
	source_root text COLLATE "C" NOT NULL,
	target_root text COLLATE "C" NOT NULL,
	day         date NOT NULL,
	n           bigint NOT NULL,
	q1          bigint NOT NULL,
	q2          bigint NOT NULL,
	q3          bigint NOT NULL,
	q4          bigint NOT NULL,
	goldstein   float8 NOT NULL,
	PRIMARY KEY (source_root, target_root, day)
);
CREATE INDEX event_dyad_days_target ON event_dyad_days (target_root, day);

CREATE TABLE event_days (
	day       date PRIMARY KEY,
	n         bigint NOT NULL,
	q1        bigint NOT NULL,
	q2        bigint NOT NULL,
	q3        bigint NOT NULL,
	q4        bigint NOT NULL,
	goldstein float8 NOT NULL
);

CREATE TABLE event_actor_days (
	day     date NOT NULL,
	code    text COLLATE "C" NOT NULL,
	country text NOT NULL,
	n       bigint NOT NULL,
	PRIMARY KEY (day, code, country)
);

-- dyad_summary_sql returns the statements that add sign × the events of
-- the relation src (a transition table, or a one-row subquery) to both
-- summaries, in key order so that concurrent writers lock rows in the
-- same order, and that delete the rows fallen to zero. The triggers
-- EXECUTE them themselves: a function they called could not see their
-- transition tables.
CREATE FUNCTION dyad_summary_sql(src text, sign int) RETURNS text[] LANGUAGE sql IMMUTABLE AS $$
SELECT ARRAY[
	format($q$INSERT INTO event_dyad_days AS s (source_root, target_root, day, n, q1, q2, q3, q4, goldstein)
	SELECT source_root, target_root, day, %2$s * count(*),
		%2$s * count(*) FILTER (WHERE quad = 1), %2$s * count(*) FILTER (WHERE quad = 2),
		%2$s * count(*) FILTER (WHERE quad = 3), %2$s * count(*) FILTER (WHERE quad = 4),
		%2$s * sum(goldstein::float8)
	FROM %1$s AS e GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
	ON CONFLICT (source_root, target_root, day) DO UPDATE SET
		n = s.n + excluded.n, q1 = s.q1 + excluded.q1, q2 = s.q2 + excluded.q2,
		q3 = s.q3 + excluded.q3, q4 = s.q4 + excluded.q4, goldstein = s.goldstein + excluded.goldstein$q$, src, sign),
	format($q$INSERT INTO event_days AS s (day, n, q1, q2, q3, q4, goldstein)
	SELECT day, %2$s * count(*),
		%2$s * count(*) FILTER (WHERE quad = 1), %2$s * count(*) FILTER (WHERE quad = 2),
		%2$s * count(*) FILTER (WHERE quad = 3), %2$s * count(*) FILTER (WHERE quad = 4),
		%2$s * sum(goldstein::float8)
	FROM %1$s AS e GROUP BY 1 ORDER BY 1
	ON CONFLICT (day) DO UPDATE SET
		n = s.n + excluded.n, q1 = s.q1 + excluded.q1, q2 = s.q2 + excluded.q2,
		q3 = s.q3 + excluded.q3, q4 = s.q4 + excluded.q4, goldstein = s.goldstein + excluded.goldstein$q$, src, sign),
	format($q$INSERT INTO event_actor_days AS s (day, code, country, n)
	SELECT day, code, country, %2$s * count(*) FROM (
		SELECT day, source_code AS code, source_country AS country FROM %1$s AS e
		UNION ALL
		SELECT day, target_code, target_country FROM %1$s AS e) AS x
	WHERE code <> '' GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
	ON CONFLICT (day, code, country) DO UPDATE SET n = s.n + excluded.n$q$, src, sign),
	CASE WHEN sign < 0 THEN format($q$DELETE FROM event_dyad_days s USING %1$s AS e
	WHERE s.source_root = e.source_root AND s.target_root = e.target_root AND s.day = e.day AND s.n = 0$q$, src) END,
	CASE WHEN sign < 0 THEN format($q$DELETE FROM event_days s USING %1$s AS e
	WHERE s.day = e.day AND s.n = 0$q$, src) END,
	CASE WHEN sign < 0 THEN format($q$DELETE FROM event_actor_days s USING (
		SELECT day, source_code AS code, source_country AS country FROM %1$s AS e
		UNION SELECT day, target_code, target_country FROM %1$s AS e) AS k
	WHERE s.day = k.day AND s.code = k.code AND s.country = k.country AND s.n = 0$q$, src) END]
$$;

-- After each statement writing events, its transition table goes into
-- the summaries.
CREATE FUNCTION events_summarise() RETURNS trigger LANGUAGE plpgsql
SET search_path FROM CURRENT AS $$
DECLARE
	q text;
BEGIN
	FOREACH q IN ARRAY CASE TG_OP WHEN 'INSERT' THEN dyad_summary_sql('new_events', 1)
		ELSE dyad_summary_sql('old_events', -1) END LOOP
		IF q IS NOT NULL THEN
			EXECUTE q;
		END IF;
	END LOOP;
	RETURN NULL;
END $$;

CREATE TRIGGER events_summary_insert AFTER INSERT ON events
	REFERENCING NEW TABLE AS new_events FOR EACH STATEMENT EXECUTE FUNCTION events_summarise();
CREATE TRIGGER events_summary_delete AFTER DELETE ON events
	REFERENCING OLD TABLE AS old_events FOR EACH STATEMENT EXECUTE FUNCTION events_summarise();

-- The store never changes a summarised column (it deletes and inserts),
-- but should anyone, the row moves from its old summary rows to its new
-- ones. (A row trigger with a WHEN costs nothing to the cluster updates,
-- which change cluster_id only.)
CREATE FUNCTION events_summary_move() RETURNS trigger LANGUAGE plpgsql
SET search_path FROM CURRENT AS $$
DECLARE
	q text;
	one text;
BEGIN
	one := '(SELECT %L::date AS day, %L::text COLLATE "C" AS source_root, %L::text COLLATE "C" AS source_code, '
		|| '%L::text AS source_country, %L::text COLLATE "C" AS target_root, %L::text COLLATE "C" AS target_code, '
		|| '%L::text AS target_country, %L::smallint AS quad, %L::real AS goldstein)';
	FOREACH q IN ARRAY dyad_summary_sql(format(one, OLD.day, OLD.source_root, OLD.source_code, OLD.source_country,
			OLD.target_root, OLD.target_code, OLD.target_country, OLD.quad, OLD.goldstein), -1)
		|| dyad_summary_sql(format(one, NEW.day, NEW.source_root, NEW.source_code, NEW.source_country,
			NEW.target_root, NEW.target_code, NEW.target_country, NEW.quad, NEW.goldstein), 1) LOOP
		IF q IS NOT NULL THEN
			EXECUTE q;
		END IF;
	END LOOP;
	RETURN NEW;
END $$;

CREATE TRIGGER events_summary_update BEFORE UPDATE ON events FOR EACH ROW
	WHEN (OLD.day IS DISTINCT FROM NEW.day
		OR OLD.source_root IS DISTINCT FROM NEW.source_root OR OLD.target_root IS DISTINCT FROM NEW.target_root
		OR OLD.source_code IS DISTINCT FROM NEW.source_code OR OLD.target_code IS DISTINCT FROM NEW.target_code
		OR OLD.source_country IS DISTINCT FROM NEW.source_country OR OLD.target_country IS DISTINCT FROM NEW.target_country
		OR OLD.quad IS DISTINCT FROM NEW.quad OR OLD.goldstein IS DISTINCT FROM NEW.goldstein)
	EXECUTE FUNCTION events_summary_move();

CREATE FUNCTION events_summary_truncate() RETURNS trigger LANGUAGE plpgsql
SET search_path FROM CURRENT AS $$
BEGIN
	TRUNCATE event_dyad_days, event_days, event_actor_days;
	RETURN NULL;
END $$;

CREATE TRIGGER events_summary_truncate AFTER TRUNCATE ON events
	FOR EACH STATEMENT EXECUTE FUNCTION events_summary_truncate();

-- dyad_rebuild_summaries recounts the summaries of the days from first
-- to last (NULL: no bound) from the events: after detaching or truncating
-- a partition, which bypasses the triggers on events. Rows go in in key
-- order, so that a dyad's days (and a month's actors) share pages.
CREATE FUNCTION dyad_rebuild_summaries(first date, last date) RETURNS void LANGUAGE plpgsql
SET search_path FROM CURRENT AS $$
BEGIN
	DELETE FROM event_dyad_days WHERE (first IS NULL OR day >= first) AND (last IS NULL OR day <= last);
	DELETE FROM event_days WHERE (first IS NULL OR day >= first) AND (last IS NULL OR day <= last);
	DELETE FROM event_actor_days WHERE (first IS NULL OR day >= first) AND (last IS NULL OR day <= last);
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
END $$;

SELECT dyad_rebuild_summaries(NULL, NULL);
