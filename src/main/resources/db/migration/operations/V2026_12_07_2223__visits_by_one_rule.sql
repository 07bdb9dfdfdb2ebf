-- A day's visits served, by one rule kept beside its sources (ADR 0029): the larger of the
-- check-ins and the tally plus the door entries (the tally covers staffed hours, the doors
-- unattended ones; check-ins count the same people again). Reporting, grading and funding sum
-- this column instead of each writing the rule again, so a fourth source changes one place.
alter table visit_day
    add column visits integer generated always as (greatest(check_ins, coalesce(tally, 0) + door_entries)) stored;

-- A union's figures read the day's visits from the index alone.
drop index visit_day_district;
create index visit_day_district on visit_day (district_code, day) include (visits, check_ins, tally, station_id);
