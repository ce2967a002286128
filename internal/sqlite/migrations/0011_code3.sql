-- 0011: one index fewer to build (the ten-million-event load spent about
-- 500 s building about twenty indexes of the events, one after another).
-- A three-digit CAMEO code (190) is a range of events_cameo (cameo, date):
-- the code and the four-digit codes that begin with it. A page of it reads
-- each of those codes' events in date order from events_cameo and merges
-- them (FindEvents' branches); a count or a series reads the range.
DROP INDEX IF EXISTS events_code3;
