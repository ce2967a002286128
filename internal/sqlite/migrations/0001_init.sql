-- 0001: documents, sentences, event mentions with their actors, places and
-- quotes, real-world event clusters, and per-input errors.

CREATE TABLE documents (
	id          TEXT PRIMARY KEY,
	hash        TEXT NOT NULL UNIQUE,       -- hex SHA-256 of title and text
	url         TEXT NOT NULL DEFAULT '',
	title       TEXT NOT NULL DEFAULT '',
	text        TEXT NOT NULL,
	date        TEXT NOT NULL DEFAULT '',   -- publication date, RFC 3339, '' when unknown
	source      TEXT NOT NULL DEFAULT '',   -- outlet
	ingested    TEXT NOT NULL,
	n_sentences INTEGER NOT NULL DEFAULT 0,
	n_events    INTEGER NOT NULL DEFAULT 0,
	error       TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX documents_url ON documents(url) WHERE url <> '';
CREATE INDEX documents_source ON documents(source, date);

CREATE TABLE sentences (
	id     INTEGER PRIMARY KEY,
	doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
	idx    INTEGER NOT NULL,
	start  INTEGER NOT NULL,
	end    INTEGER NOT NULL,
	text   TEXT NOT NULL,
	UNIQUE (doc_id, idx)
);

-- Full-text search over sentences, kept in step by triggers.
CREATE VIRTUAL TABLE sentences_fts USING fts5(text, content='sentences', content_rowid='id');
CREATE TRIGGER sentences_ai AFTER INSERT ON sentences BEGIN
	INSERT INTO sentences_fts(rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER sentences_ad AFTER DELETE ON sentences BEGIN
	INSERT INTO sentences_fts(sentences_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;

-- One row per event mention. The columns a query filters on are copied out
-- of the record; record is the full JSON event without its sentence text.
CREATE TABLE events (
	id             INTEGER PRIMARY KEY,
	event_id       TEXT NOT NULL UNIQUE,
	doc_id         TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
	sentence_id    INTEGER REFERENCES sentences(id) ON DELETE SET NULL,
	date           TEXT NOT NULL DEFAULT '',
	source_root    TEXT NOT NULL DEFAULT '', -- first three letters of the code
	source_code    TEXT NOT NULL DEFAULT '',
	source_country TEXT NOT NULL DEFAULT '',
	target_root    TEXT NOT NULL DEFAULT '',
	target_code    TEXT NOT NULL DEFAULT '',
	target_country TEXT NOT NULL DEFAULT '',
	cameo          TEXT NOT NULL,
	root           TEXT NOT NULL,
	quad           INTEGER NOT NULL,
	goldstein      REAL NOT NULL,
	plover         TEXT NOT NULL DEFAULT '',
	modality       TEXT NOT NULL DEFAULT '',
	confidence     REAL NOT NULL DEFAULT 0,
	doc_source     TEXT NOT NULL DEFAULT '',
	cluster_id     INTEGER,
	record         TEXT NOT NULL
);
-- The dyad index covers a time-series query without touching the table.
CREATE INDEX events_dyad ON events(source_root, target_root, date, source_code, target_code, quad, goldstein);
CREATE INDEX events_target ON events(target_root, date);
CREATE INDEX events_date ON events(date);
CREATE INDEX events_cameo ON events(cameo, date);
CREATE INDEX events_doc ON events(doc_id);
CREATE INDEX events_cluster ON events(cluster_id);

CREATE TABLE actors (
	event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
	role     TEXT NOT NULL,                -- source, target, or source_member / target_member
	code     TEXT NOT NULL DEFAULT '',
	country  TEXT NOT NULL DEFAULT '',
	name     TEXT NOT NULL DEFAULT '',
	text     TEXT NOT NULL DEFAULT '',
	start    INTEGER NOT NULL DEFAULT 0,
	end      INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX actors_event ON actors(event_id);
CREATE INDEX actors_code ON actors(code);

CREATE TABLE places (
	event_id    INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
	name        TEXT NOT NULL,
	country     TEXT NOT NULL DEFAULT '',
	lat         REAL NOT NULL DEFAULT 0,
	lon         REAL NOT NULL DEFAULT 0,
	geonames_id INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX places_event ON places(event_id);

CREATE TABLE quotes (
	event_id     INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
	text         TEXT NOT NULL,
	speaker_code TEXT NOT NULL DEFAULT '',
	speaker_text TEXT NOT NULL DEFAULT '',
	direct       INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX quotes_event ON quotes(event_id);

CREATE TABLE clusters (
	id         INTEGER PRIMARY KEY,
	date       TEXT NOT NULL,
	last_date  TEXT NOT NULL,
	source     TEXT NOT NULL,
	target     TEXT NOT NULL,
	cameo      TEXT NOT NULL,
	root       TEXT NOT NULL,
	quad       INTEGER NOT NULL,
	goldstein  REAL NOT NULL,
	place      TEXT,                        -- JSON place, NULL when unknown
	mentions   INTEGER NOT NULL,
	documents  INTEGER NOT NULL,
	sources    INTEGER NOT NULL
);
CREATE INDEX clusters_date ON clusters(date);

-- Inputs that could not be read or coded; the run went on without them.
CREATE TABLE errors (
	id       INTEGER PRIMARY KEY,
	input    TEXT NOT NULL,                 -- file:line, URL or document id
	message  TEXT NOT NULL,
	at       TEXT NOT NULL,
	UNIQUE (input, message)
);
