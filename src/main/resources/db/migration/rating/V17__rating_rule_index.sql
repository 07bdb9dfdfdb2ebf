-- The anomaly rules count a station's ratings of one star value since a moment
-- (AnomalyRules.windows). V9 gave them an index on (station_id, stars, created_at), but the
-- queries also bound rating_day, for partition pruning, and (station_id, rating_day) from V8
-- matched more of their conditions. So the planner took that one whenever it had no
-- statistics of a fresh month partition yet, and kept taking it for the connection's life,
-- as the statements run with cached generic plans: every count then read all of the
-- station's ratings of the day from the heap, and the intake slowed as a day filled (one
-- batch of 32 flooded stations: 23,000 buffers and 19 ms, against 500 and 2 ms with this
-- index).
--
-- One index on (station_id, rating_day, stars, created_at) answers the rules with every
-- condition in the index, index-only, and still serves every query that wanted
-- (station_id, rating_day) as its prefix; so it replaces both, one index fewer per insert.
create index rating_station_day_stars_time_idx on rating (station_id, rating_day, stars, created_at);
drop index rating_station_day_idx;
drop index rating_station_stars_time_idx;
