-- Visits served (服务人次), counted without storing who came (issue 17, ADR 0023).
--
-- visit_guard keeps, for at most the check-in period (2 hours) and a purge interval after it,
-- the keyed hash of a phone's device id per station: all the "one check-in per device per
-- station per period" rule needs. Nothing else about a visit names a device or a person; the
-- counts below are plain numbers.
create table visit_guard (
    station_id    bigint      not null references station (id),
    device_hash   bytea       not null check (length(device_hash) = 16),
    checked_in_at timestamptz not null,
    primary key (station_id, device_hash)
);
create index visit_guard_age on visit_guard (checked_in_at);

-- Check-ins per station, day and hour (Asia/Shanghai): when in the day workers come.
create table visit_hour (
    station_id bigint   not null references station (id),
    day        date     not null,
    hour       smallint not null check (hour between 0 and 23),
    check_ins  integer  not null check (check_ins >= 0),
    primary key (station_id, day, hour)
);

-- One row per station and day with each source of the count: the workers' check-ins and the
-- host's or station master's tally (0-5,000). The merged count of a day is the larger of the
-- two (ADR 0023): both count the same people, so adding them would count a worker twice.
-- district_code is the station's district when the day's first visit was counted, so that a
-- union's figure is a sum over its districts' rows.
create table visit_day (
    station_id    bigint      not null references station (id),
    day           date        not null,
    district_code varchar(12) not null,
    check_ins     integer     not null default 0 check (check_ins >= 0),
    tally         integer     check (tally between 0 and 5000),
    tally_by      varchar(64),
    tally_at      timestamptz,
    primary key (station_id, day)
);
create index visit_day_district on visit_day (district_code, day) include (check_ins, tally, station_id);
