-- Smart 24-hour stations' door devices (issue 17, item 2; ADR 0029).
--
-- A device signs every request with a secret of its own (HMAC-SHA256). The server must hold the
-- secret to check a signature, so it is kept sealed with the personal-data key ring (AES-GCM,
-- rotated with it), never in the clear; it is shown once, when the device is registered.
-- status: ONLINE while it calls in within its heartbeat interval, SILENT after (one case opened
-- per outage, its number kept), RETIRED when taken out of service (kept for its entries).
create table door_device (
    id                bigint generated always as identity primary key,
    station_id        bigint       not null references station (id),
    name              varchar(60)  not null,
    secret_sealed     varchar(200) not null,
    heartbeat_seconds integer      not null check (heartbeat_seconds between 30 and 86400),
    status            varchar(8)   not null check (status in ('ONLINE', 'SILENT', 'RETIRED')),
    last_seen_at      timestamptz  not null,
    silent_since      timestamptz,
    case_number       varchar(32),
    created_at        timestamptz  not null,
    created_by        varchar(64)  not null
);
create unique index door_device_name on door_device (station_id, lower(name)) where status <> 'RETIRED';
create index door_device_station on door_device (station_id);
-- the watch looks for ONLINE devices whose interval has run out
create index door_device_watch on door_device (last_seen_at) where status = 'ONLINE';

-- The nonces of signed requests, kept for the window a timestamp is accepted in (±5 minutes) and
-- a purge interval after: a request is refused when its nonce is here (the primary key is the
-- guard, so two copies of one request at once cannot both pass).
create table door_nonce (
    device_id bigint      not null references door_device (id),
    nonce     varchar(64) not null,
    seen_at   timestamptz not null,
    primary key (device_id, nonce)
);
create index door_nonce_age on door_nonce (seen_at);

-- One row per door entry that counted. An ID card's number is never stored: only its keyed hash
-- (HMAC-SHA256 under a key of this module, cut to 16 bytes), which keeps one card from counting
-- twice within the check-in period and is set to null after 180 days by a scheduled job.
create table door_entry (
    id         bigint generated always as identity primary key,
    device_id  bigint      not null references door_device (id),
    station_id bigint      not null references station (id),
    entered_at timestamptz not null,
    method     varchar(8)  not null check (method in ('ID_CARD', 'QR', 'FACE')),
    card_hash  bytea       check (length(card_hash) = 16),
    counted    boolean     not null
);
create index door_entry_card on door_entry (station_id, card_hash, entered_at) where card_hash is not null;
create index door_entry_age on door_entry (entered_at) where card_hash is not null;

-- Door entries are the third source of a day's visits: workers who came while nobody was on duty.
-- merged visits = greatest(check_ins, coalesce(tally, 0) + door_entries) (ADR 0029).
alter table visit_day add column door_entries integer not null default 0 check (door_entries >= 0);
