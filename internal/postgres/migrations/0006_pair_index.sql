-- 0006: a pair's months side by side, with their counts, so that top
-- dyads over a range sum each candidate pair in one index descent
-- (topdyads.go, sumPairs) instead of one primary-key seek per month.
CREATE INDEX event_pair_months_pair ON event_pair_months (source_code, target_code, month)
	INCLUDE (n, q1, q2, q3, q4, goldstein);
