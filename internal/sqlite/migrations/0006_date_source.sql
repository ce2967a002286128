-- 0006: where each event's date came from, queryable, so that alerts can
-- keep to events dated by their own sentence (date_source 'text') and
-- leave out those dated by their story's publication ('publication'),
-- often background mentions of old events. Older rows take the value from
-- their record. events_date_source ends in the date, as every filter's
-- does (0004), so a page of one date source is read in order;
-- events_date_source_dyad answers the alerts (text-dated events only,
-- which the summaries do not hold): the count of each root pair over a
-- period and a pair's weekly series, from the index alone.
ALTER TABLE events ADD COLUMN date_source TEXT NOT NULL DEFAULT '';
UPDATE events SET date_source = coalesce(json_extract(record, '$.date_source'), '');
CREATE INDEX events_date_source ON events(date_source, date);
CREATE INDEX events_date_source_dyad ON events(date_source, source_root, target_root, date, quad, goldstein);
