-- 0010: an actor code's page (USAGOV, a prefix of codes under the root
-- USA) walked events_source or events_target (root, date) in date order
-- and read each event's row to check its code: at ten million events a
-- mid-ranked code took 111-155 ms at the 95th percentile with ten clients.
-- With the id and the code in the index, the walk checks the code in the
-- index and reads only the page's rows; the order is still (root, date,
-- id), so a root's page reads the index alone too.
DROP INDEX IF EXISTS events_source;
CREATE INDEX events_source ON events(source_root, date, id, source_code);
DROP INDEX IF EXISTS events_target;
CREATE INDEX events_target ON events(target_root, date, id, target_code);
