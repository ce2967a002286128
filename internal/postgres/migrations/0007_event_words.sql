-- 0007: each event's sentence as words, partitioned as events are, so
-- that a word's page is read month by month in (day, id) order from a
-- small GIN index per month, however common or rare the word: the GIN
-- index of sentences (0001) finds a word's sentences in no useful order,
-- and a rare word's events had to be sought document by document.
-- Statement triggers on events keep it; an event without a sentence has
-- no row. Partitions are made with the events' (ensurePartitions), named
-- event_words_pYYYYMM.
CREATE TABLE event_words (
	day   date NOT NULL,
	id    bigint NOT NULL,
	words tsvector NOT NULL
) PARTITION BY RANGE (day);

DO $$
DECLARE
	p record;
BEGIN
	FOR p IN SELECT c.relname, pg_get_expr(c.relpartbound, c.oid) AS bound
		FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
		WHERE i.inhparent = 'events'::regclass LOOP
		EXECUTE format('CREATE TABLE %I PARTITION OF event_words %s', 'event_words_' || substr(p.relname, 8), p.bound);
	END LOOP;
END $$;

INSERT INTO event_words (day, id, words)
SELECT e.day, e.id, to_tsvector('simple', s.text) FROM events e
JOIN sentences s ON s.doc_id = e.doc_id AND s.idx = e.sentence_idx;

-- The key leads with the id: led by the day, the planner would AND a
-- window's every entry into each word's bitmap.
ALTER TABLE event_words ADD PRIMARY KEY (id, day);
CREATE INDEX event_words_words ON event_words USING gin (words);

CREATE FUNCTION event_words_sync() RETURNS trigger LANGUAGE plpgsql
SET search_path FROM CURRENT AS $$
BEGIN
	IF TG_OP = 'INSERT' THEN
		INSERT INTO event_words (day, id, words)
		SELECT e.day, e.id, to_tsvector('simple', s.text) FROM new_words e
		JOIN sentences s ON s.doc_id = e.doc_id AND s.idx = e.sentence_idx;
	ELSE
		DELETE FROM event_words w USING old_words o WHERE w.day = o.day AND w.id = o.id;
	END IF;
	RETURN NULL;
END $$;

CREATE TRIGGER event_words_insert AFTER INSERT ON events
	REFERENCING NEW TABLE AS new_words FOR EACH STATEMENT EXECUTE FUNCTION event_words_sync();
CREATE TRIGGER event_words_delete AFTER DELETE ON events
	REFERENCING OLD TABLE AS old_words FOR EACH STATEMENT EXECUTE FUNCTION event_words_sync();

-- An event whose day, document or sentence changes (the store never does
-- this; anyone may) takes its new sentence's words. BEFORE: an update that
-- moves the event to another partition fires no AFTER UPDATE row trigger.
CREATE FUNCTION event_words_move() RETURNS trigger LANGUAGE plpgsql
SET search_path FROM CURRENT AS $$
BEGIN
	DELETE FROM event_words WHERE day = OLD.day AND id = OLD.id;
	INSERT INTO event_words (day, id, words)
	SELECT NEW.day, NEW.id, to_tsvector('simple', s.text) FROM sentences s
	WHERE s.doc_id = NEW.doc_id AND s.idx = NEW.sentence_idx;
	RETURN NEW;
END $$;

CREATE TRIGGER event_words_update BEFORE UPDATE ON events FOR EACH ROW
	WHEN (OLD.day IS DISTINCT FROM NEW.day OR OLD.id IS DISTINCT FROM NEW.id
		OR OLD.doc_id IS DISTINCT FROM NEW.doc_id OR OLD.sentence_idx IS DISTINCT FROM NEW.sentence_idx)
	EXECUTE FUNCTION event_words_move();

CREATE OR REPLACE FUNCTION events_summary_truncate() RETURNS trigger LANGUAGE plpgsql
SET search_path FROM CURRENT AS $$
BEGIN
	TRUNCATE event_dyad_days, event_days, event_actor_days, event_root_days, event_actor_months, event_pair_months,
		event_words;
	RETURN NULL;
END $$;
