-- 0008: full-text search by event, in the order of a page. sentences_fts
-- (rowid: the sentence) answered a word's page by gathering its sentences'
-- events and sorting them by date (a rare word), or by checking each event
-- met in date order against the word's list (a common one): 400 ms and
-- 190 ms at the 95th percentile at ten million events, ten clients.
-- events_fts holds each event's sentence under a rowid that sorts as the
-- events' (date, id): the day of the date (days since 0000-01-01, plus
-- one; 0 for '' or a date that is not a real YYYY-MM-DD) above bit 41,
-- the event's id below it. A word's page is then the first rowids of its
-- list in rowid order, from the cursor on, and stops after the page; a
-- date range is a rowid range. Contentless: the text stays in sentences.
-- The same expression is eventKey in filter.go.
DROP TRIGGER IF EXISTS sentences_ai;
DROP TRIGGER IF EXISTS sentences_ad;
DROP TABLE IF EXISTS sentences_fts;
-- (IF EXISTS: tests step stores back to older schemas and migrate again.)
DROP TRIGGER IF EXISTS events_fts_ai;
DROP TRIGGER IF EXISTS events_fts_ad;
DROP TRIGGER IF EXISTS events_fts_au;
DROP TABLE IF EXISTS events_fts;

CREATE VIRTUAL TABLE events_fts USING fts5(text, content='', contentless_delete=1);

CREATE TRIGGER events_fts_ai AFTER INSERT ON events WHEN new.sentence_id IS NOT NULL BEGIN
	INSERT INTO events_fts (rowid, text)
		SELECT ((CASE WHEN date(new.date) = new.date THEN CAST(julianday(new.date) - 1721059.5 AS INTEGER) + 1 ELSE 0 END) << 41) | new.id, s.text
		FROM sentences s WHERE s.id = new.sentence_id;
END;
CREATE TRIGGER events_fts_ad AFTER DELETE ON events WHEN old.sentence_id IS NOT NULL BEGIN
	DELETE FROM events_fts
		WHERE rowid = ((CASE WHEN date(old.date) = old.date THEN CAST(julianday(old.date) - 1721059.5 AS INTEGER) + 1 ELSE 0 END) << 41) | old.id;
END;
-- A sentence deleted under its events sets their sentence_id to NULL.
CREATE TRIGGER events_fts_au AFTER UPDATE OF id, date, sentence_id ON events BEGIN
	DELETE FROM events_fts
		WHERE old.sentence_id IS NOT NULL
		AND rowid = ((CASE WHEN date(old.date) = old.date THEN CAST(julianday(old.date) - 1721059.5 AS INTEGER) + 1 ELSE 0 END) << 41) | old.id;
	INSERT INTO events_fts (rowid, text)
		SELECT ((CASE WHEN date(new.date) = new.date THEN CAST(julianday(new.date) - 1721059.5 AS INTEGER) + 1 ELSE 0 END) << 41) | new.id, s.text
		FROM sentences s WHERE s.id = new.sentence_id;
END;

INSERT INTO events_fts (rowid, text)
	SELECT ((CASE WHEN date(e.date) = e.date THEN CAST(julianday(e.date) - 1721059.5 AS INTEGER) + 1 ELSE 0 END) << 41) | e.id, s.text
	FROM events e JOIN sentences s ON s.id = e.sentence_id ORDER BY 1;
INSERT INTO events_fts (events_fts) VALUES ('optimize');

-- Fewer indexes to build (a ten-million-event load spent 633 s of its
-- 1,084 building them): no query reads actors by code since actor_names
-- (0003), and only clustered events need events_cluster (a query on
-- cluster_id = ? implies IS NOT NULL, so it may use the partial index).
DROP INDEX IF EXISTS actors_code;
DROP INDEX IF EXISTS events_cluster;
CREATE INDEX events_cluster ON events(cluster_id) WHERE cluster_id IS NOT NULL;
