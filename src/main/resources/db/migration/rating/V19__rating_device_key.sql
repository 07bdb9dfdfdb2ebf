-- One rating per device, station and day: the unique key now leads with (rating_day,
-- device_hash), so that it also answers the device-spread rule ("how many stations has
-- this device rated today?", AnomalyRules.devices), and V8's index on
-- (device_hash, rating_day) goes: every rating wrote an entry at a random place of it, for
-- a question the key answers as well. The key is the same set of columns, so the same
-- rows are unique and the intake's "on conflict do nothing" skips the same ones.
alter table rating drop constraint rating_rating_day_station_id_device_hash_key;
alter table rating add constraint rating_day_device_station_key unique (rating_day, device_hash, station_id);
drop index rating_device_day_idx;
