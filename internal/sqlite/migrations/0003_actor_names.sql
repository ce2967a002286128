-- 0003: every actor code named in an event, with each name it was found
-- under and how many actor rows (sources, targets, members) carry it: the
-- store's actor search reads this small table instead of every actor row.
-- Triggers keep it in step with actors, which events' deletes cascade to.
CREATE TABLE actor_names (
	code    TEXT NOT NULL,
	name    TEXT NOT NULL,
	country TEXT NOT NULL DEFAULT '',
	n       INTEGER NOT NULL,
	PRIMARY KEY (code, name)
) WITHOUT ROWID;

INSERT INTO actor_names (code, name, country, n)
	SELECT code, name, max(country), count(*) FROM actors WHERE code <> '' GROUP BY code, name;

CREATE TRIGGER actor_names_ai AFTER INSERT ON actors WHEN new.code <> '' BEGIN
	INSERT INTO actor_names (code, name, country, n) VALUES (new.code, new.name, new.country, 1)
		ON CONFLICT (code, name) DO UPDATE SET n = n + 1, country = max(country, excluded.country);
END;

CREATE TRIGGER actor_names_ad AFTER DELETE ON actors WHEN old.code <> '' BEGIN
	UPDATE actor_names SET n = n - 1 WHERE code = old.code AND name = old.name;
	DELETE FROM actor_names WHERE code = old.code AND name = old.name AND n <= 0;
END;
