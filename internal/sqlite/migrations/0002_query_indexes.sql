-- Indexes for the server's common queries at a million events and more
-- (docs/API.md): period aggregates (top actors and dyads, the network,
-- alerts) answered from the index alone, and an actor's events by date on
-- the source side as events_target serves the target side.
CREATE INDEX events_period ON events(date, source_code, target_code, quad, goldstein, source_country, target_country);
CREATE INDEX events_source ON events(source_root, date);
