-- 0001: documents, sentences, event mentions partitioned by month, the
-- event-id registry, real-world event clusters and per-input errors.

CREATE TABLE documents (
	id          text COLLATE "C" PRIMARY KEY,
	hash        text NOT NULL UNIQUE,        -- hex SHA-256 of title and text
	url         text NOT NULL DEFAULT '',
	title       text NOT NULL DEFAULT '',
	text        text NOT NULL,
	date        timestamptz,                 -- publication time, NULL when unknown
	source      text NOT NULL DEFAULT '',    -- outlet
	ingested    timestamptz NOT NULL,
	n_sentences integer NOT NULL DEFAULT 0,
	n_events    integer NOT NULL DEFAULT 0,
	error       text NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX documents_url ON documents (url) WHERE url <> '';
CREATE INDEX documents_source ON documents (source, id);
CREATE INDEX documents_date ON documents (date);

CREATE TABLE sentences (
	doc_id text COLLATE "C" NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
	idx    integer NOT NULL,
	start  integer NOT NULL,
	"end"  integer NOT NULL,
	text   text NOT NULL,
	PRIMARY KEY (doc_id, idx)
);
-- Word search without stemming, as SQLite's FTS5 does by default.
CREATE INDEX sentences_fts ON sentences USING gin (to_tsvector('simple', text));

-- One row per event mention, partitioned by month of day (an undated
-- event has day 0001-01-01 and sorts first). The columns a query filters
-- on are copied out of record, the full JSON event without its sentence.
-- Partitions are created by the store when a month is first written.
CREATE SEQUENCE events_id_seq;
CREATE TABLE events (
	id             bigint NOT NULL DEFAULT nextval('events_id_seq'),
	event_id       text COLLATE "C" NOT NULL,
	doc_id         text COLLATE "C" NOT NULL,
	sentence_idx   integer,
	day            date NOT NULL,
	source_root    text COLLATE "C" NOT NULL DEFAULT '', -- first three letters of the code
	source_code    text COLLATE "C" NOT NULL DEFAULT '',
	source_country text NOT NULL DEFAULT '',
	target_root    text COLLATE "C" NOT NULL DEFAULT '',
	target_code    text COLLATE "C" NOT NULL DEFAULT '',
	target_country text NOT NULL DEFAULT '',
	cameo          text COLLATE "C" NOT NULL,
	root           text COLLATE "C" NOT NULL,
	quad           smallint NOT NULL,
	goldstein      real NOT NULL,
	plover         text NOT NULL DEFAULT '',
	modality       text NOT NULL DEFAULT '',
	confidence     real NOT NULL DEFAULT 0,
	doc_source     text NOT NULL DEFAULT '',
	cluster_id     bigint,
	record         text NOT NULL,
	PRIMARY KEY (day, id)
) PARTITION BY RANGE (day);
-- The indexes the API's calls seek on: dyad series, either side of a
-- dyad, codes, documents, clusters and outlets, each ending in the date.
CREATE INDEX events_dyad ON events (source_root, target_root, day, source_code, target_code, quad, goldstein);
CREATE INDEX events_target ON events (target_root, day);
CREATE INDEX events_cameo ON events (cameo, day);
CREATE INDEX events_root ON events (root, day);
CREATE INDEX events_doc ON events (doc_id);
CREATE INDEX events_event_id ON events (event_id);
CREATE INDEX events_cluster ON events (cluster_id) WHERE cluster_id IS NOT NULL;

-- Event ids are unique across partitions; this table says so, and where
-- (which day, so which partition) each event lives.
CREATE TABLE event_keys (
	event_id text COLLATE "C" PRIMARY KEY,
	doc_id   text COLLATE "C" NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
	day      date NOT NULL
);
CREATE INDEX event_keys_doc ON event_keys (doc_id);

CREATE TABLE clusters (
	id         bigint PRIMARY KEY,
	date       date NOT NULL,
	last_date  date NOT NULL,
	source     text NOT NULL,
	target     text NOT NULL,
	cameo      text NOT NULL,
	root       text NOT NULL,
	quad       smallint NOT NULL,
	goldstein  real NOT NULL,
	place      text,                          -- JSON place, NULL when unknown
	mentions   integer NOT NULL,
	documents  integer NOT NULL,
	sources    integer NOT NULL
);
CREATE INDEX clusters_date ON clusters (date, id);

-- Inputs that could not be read or coded; the run went on without them.
CREATE TABLE errors (
	id      bigserial PRIMARY KEY,
	input   text NOT NULL,                  -- file:line, URL or document id
	message text NOT NULL,
	at      timestamptz NOT NULL,
	UNIQUE (input, message)
);
