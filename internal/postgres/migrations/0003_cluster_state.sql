-- 0003: whether the clusters are behind the events. Every write that adds
-- or replaces events raises changes in its own transaction; a completed
-- re-clustering sets clustered to the changes it read before it began.
-- clustered < changes means a re-clustering is pending, so a run that was
-- killed while clustering is finished by the next one, even when that run
-- stores nothing. A store that has events outside any cluster starts
-- pending.
CREATE TABLE cluster_state (
	id        integer PRIMARY KEY CHECK (id = 1),
	changes   bigint NOT NULL,
	clustered bigint NOT NULL
);
INSERT INTO cluster_state (id, changes, clustered)
	SELECT 1, CASE WHEN EXISTS (SELECT 1 FROM events WHERE cluster_id IS NULL) THEN 1 ELSE 0 END, 0;
