-- Rating intake: the indexes the abuse rules read for every batch of ratings.
--
-- Each rule asks a bounded question of committed rows ("are there at least N ratings of this
-- station in the last 10 minutes?", "has this fingerprint rated this station with N devices
-- today?"), answered by counting at most N index entries. Without these indexes the same
-- questions would scan every rating a station received today, which at thousands of ratings
-- a second is what the writer cannot afford.

-- Bursts and star spikes: the ratings of a station with one star value in a time window.
-- A window over all stars is read as the sum of the five star values, one short range each.
create index rating_station_stars_time_idx on rating (station_id, stars, created_at);

-- One browser fingerprint behind many device ids on one station and day. Partial: API clients
-- need not send a fingerprint, and rows without one are never asked about.
create index rating_fingerprint_idx on rating (fingerprint_hash, station_id, rating_day)
    where fingerprint_hash is not null;
