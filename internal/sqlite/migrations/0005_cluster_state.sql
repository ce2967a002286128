-- 0005: whether the clusters are behind the events. Every write that adds
-- or replaces events raises changes in its own transaction; a completed
-- re-clustering sets clustered to the changes it read before it began.
-- clustered < changes means a re-clustering is pending, so a run that was
-- killed while clustering is finished by the next one, even when that run
-- stores nothing. A store that has events outside any cluster starts
-- pending. IF NOT EXISTS and OR IGNORE: tests that step a store back to an
-- older schema leave this table in place.
CREATE TABLE IF NOT EXISTS cluster_state (
	id        INTEGER PRIMARY KEY CHECK (id = 1),
	changes   INTEGER NOT NULL,
	clustered INTEGER NOT NULL
);
INSERT OR IGNORE INTO cluster_state (id, changes, clustered)
	VALUES (1, EXISTS (SELECT 1 FROM events WHERE cluster_id IS NULL), 0);
