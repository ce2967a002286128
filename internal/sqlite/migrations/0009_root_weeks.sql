-- 0009: one actor root's events by week, as event_root_days holds them by
-- day: the dashboard's weekly series of an actor read ten years of days
-- (4,000 rows for a busy root) where it needs 520 weeks (101-195 ms at the
-- 95th percentile at ten million events, ten clients). A week is its
-- Monday (YYYY-MM-DD); a date that is not a real YYYY-MM-DD is its own
-- week, as the series' folding in Go (period) makes it.
CREATE TABLE IF NOT EXISTS event_root_weeks (
	role      TEXT NOT NULL,
	root      TEXT NOT NULL,
	week      TEXT NOT NULL,
	n         INTEGER NOT NULL,
	q1        INTEGER NOT NULL,
	q2        INTEGER NOT NULL,
	q3        INTEGER NOT NULL,
	q4        INTEGER NOT NULL,
	goldstein REAL NOT NULL,
	PRIMARY KEY (role, root, week)
) WITHOUT ROWID;

DROP TRIGGER IF EXISTS events_weeks_ai;
DROP TRIGGER IF EXISTS events_weeks_ad;
DROP TRIGGER IF EXISTS events_weeks_au;

CREATE TRIGGER events_weeks_ai AFTER INSERT ON events BEGIN
	INSERT INTO event_root_weeks (role, root, week, n, q1, q2, q3, q4, goldstein)
		SELECT x.role, x.root, CASE WHEN date(new.date) = new.date THEN date(new.date, '-6 days', 'weekday 1') ELSE new.date END,
			1, new.quad = 1, new.quad = 2, new.quad = 3, new.quad = 4, new.goldstein FROM (
			SELECT 'source' AS role, new.source_root AS root UNION ALL SELECT 'target', new.target_root
			UNION ALL SELECT 'actor', new.source_root
			UNION ALL SELECT 'actor', new.target_root WHERE new.target_root <> new.source_root) AS x
		WHERE x.root <> ''
		ON CONFLICT (role, root, week) DO UPDATE SET n = n + 1, q1 = q1 + excluded.q1, q2 = q2 + excluded.q2,
			q3 = q3 + excluded.q3, q4 = q4 + excluded.q4, goldstein = goldstein + excluded.goldstein;
END;

CREATE TRIGGER events_weeks_ad AFTER DELETE ON events BEGIN
	UPDATE event_root_weeks SET n = n - 1, q1 = q1 - (old.quad = 1), q2 = q2 - (old.quad = 2), q3 = q3 - (old.quad = 3), q4 = q4 - (old.quad = 4), goldstein = goldstein - old.goldstein
		WHERE week = CASE WHEN date(old.date) = old.date THEN date(old.date, '-6 days', 'weekday 1') ELSE old.date END
		AND ((role IN ('source', 'actor') AND root = old.source_root) OR (role = 'target' AND root = old.target_root)
			OR (role = 'actor' AND root = old.target_root AND old.target_root <> old.source_root));
	DELETE FROM event_root_weeks WHERE week = CASE WHEN date(old.date) = old.date THEN date(old.date, '-6 days', 'weekday 1') ELSE old.date END
		AND root IN (old.source_root, old.target_root) AND n <= 0;
END;

CREATE TRIGGER events_weeks_au AFTER UPDATE OF date, source_root, target_root, quad, goldstein ON events BEGIN
	UPDATE event_root_weeks SET n = n - 1, q1 = q1 - (old.quad = 1), q2 = q2 - (old.quad = 2), q3 = q3 - (old.quad = 3), q4 = q4 - (old.quad = 4), goldstein = goldstein - old.goldstein
		WHERE week = CASE WHEN date(old.date) = old.date THEN date(old.date, '-6 days', 'weekday 1') ELSE old.date END
		AND ((role IN ('source', 'actor') AND root = old.source_root) OR (role = 'target' AND root = old.target_root)
			OR (role = 'actor' AND root = old.target_root AND old.target_root <> old.source_root));
	DELETE FROM event_root_weeks WHERE week = CASE WHEN date(old.date) = old.date THEN date(old.date, '-6 days', 'weekday 1') ELSE old.date END
		AND root IN (old.source_root, old.target_root) AND n <= 0;
	INSERT INTO event_root_weeks (role, root, week, n, q1, q2, q3, q4, goldstein)
		SELECT x.role, x.root, CASE WHEN date(new.date) = new.date THEN date(new.date, '-6 days', 'weekday 1') ELSE new.date END,
			1, new.quad = 1, new.quad = 2, new.quad = 3, new.quad = 4, new.goldstein FROM (
			SELECT 'source' AS role, new.source_root AS root UNION ALL SELECT 'target', new.target_root
			UNION ALL SELECT 'actor', new.source_root
			UNION ALL SELECT 'actor', new.target_root WHERE new.target_root <> new.source_root) AS x
		WHERE x.root <> ''
		ON CONFLICT (role, root, week) DO UPDATE SET n = n + 1, q1 = q1 + excluded.q1, q2 = q2 + excluded.q2,
			q3 = q3 + excluded.q3, q4 = q4 + excluded.q4, goldstein = goldstein + excluded.goldstein;
END;

DELETE FROM event_root_weeks;
INSERT INTO event_root_weeks (role, root, week, n, q1, q2, q3, q4, goldstein)
	SELECT role, root, CASE WHEN date(date) = date THEN date(date, '-6 days', 'weekday 1') ELSE date END AS week,
		sum(n), sum(q1), sum(q2), sum(q3), sum(q4), total(goldstein)
	FROM event_root_days GROUP BY role, root, week;
