-- Reports from the finder (issue 20, ADR 0028): a worker says a listed station is shut, moved,
-- gone, or has the wrong hours or facilities, from its public page, without the QR code inside.
-- One row per phone, station and day (a repeat is kept once); the phone only as the keyed hash
-- the problem reports use; the location only as whether it was within 300 m of the station.
-- held: the report looks like abuse (its phone reported many stations that day) and counts
-- towards nothing. ticket_number: the one case of the station it opened or joined.
create table listing_report (
    id            bigserial    primary key,
    station_id    bigint       not null references station (id),
    kind          varchar(20)  not null
        check (kind in ('SHUT', 'MOVED', 'GONE', 'WRONG_HOURS', 'WRONG_FACILITIES')),
    report_day    date         not null,
    device_hash   bytea        not null,
    near_station  boolean,
    description   varchar(500),
    held          boolean      not null,
    hold_reason   varchar(32),
    ticket_number varchar(32)  not null,
    created_at    timestamptz  not null,
    check (held = (hold_reason is not null)),
    unique (station_id, device_hash, report_day)
);
-- the three-device rule counts a station's shut reports of the last 24 hours
create index listing_report_shut on listing_report (station_id, created_at) where kind = 'SHUT' and not held;
-- the hold rule counts a phone's reports of the last 24 hours
create index listing_report_device on listing_report (device_hash, created_at);
