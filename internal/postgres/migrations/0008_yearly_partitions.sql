-- 0008: how much time one partition of events (and of event_words) holds.
-- Planning a statement over a partitioned table costs every partition and
-- its indexes (a generic plan cannot leave any out before it runs): over
-- 143 monthly partitions, 100–230 ms per statement and pooled connection.
-- A new store makes one partition a year; a store that has monthly
-- partitions keeps making monthly ones (a year's partition would overlap
-- them). The store reads this row when it opens (partition.go).
CREATE TABLE dyad_partitions (
	id   integer PRIMARY KEY CHECK (id = 1),
	span text NOT NULL CHECK (span IN ('month', 'year'))
);
INSERT INTO dyad_partitions (id, span)
SELECT 1, CASE WHEN EXISTS (SELECT 1 FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
	WHERE i.inhparent = 'events'::regclass AND c.relname ~ '^events_p[0-9]{6}$') THEN 'month' ELSE 'year' END;
