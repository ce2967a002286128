-- 0004: where each event's date came from, queryable, so that alerts can
-- keep to events dated by their own sentence (date_source 'text') and
-- leave out those dated by their story's publication ('publication'),
-- often background mentions of old events. Older rows take the value from
-- their record. The index ends in the day, as every filter's does.
ALTER TABLE events ADD COLUMN date_source text NOT NULL DEFAULT '';
UPDATE events SET date_source = coalesce(record::jsonb ->> 'date_source', '')
	WHERE record LIKE '%"date_source"%';
CREATE INDEX events_date_source ON events (date_source, day);
