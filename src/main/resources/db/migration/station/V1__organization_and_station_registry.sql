-- The union organisation tree. The code is the six-digit NBS division code of the area the
-- union serves (national: 100000, as DataV's adcode for the whole country); the path lists the
-- codes from the root down so that a subtree is one indexed prefix match.
create table organization (
    code        varchar(12)  primary key,
    name        varchar(100) not null,
    kind        varchar(16)  not null check (kind in ('NATIONAL', 'PROVINCE', 'CITY', 'DISTRICT')),
    parent_code varchar(12)  references organization (code),
    path        varchar(200) not null unique
);
create index organization_parent_idx on organization (parent_code);
create index organization_path_idx on organization (path text_pattern_ops);

-- Per-district counter behind station codes such as 330106-0007; a row lock on it serialises
-- concurrent creations in one district without a table lock.
create table station_code_counter (
    district_code varchar(12) primary key references organization (code),
    last_number   integer     not null
);

create table station (
    id                  bigint generated always as identity primary key,
    code                varchar(20)   not null unique,
    name                varchar(60)   not null,
    address             varchar(200)  not null,
    district_code       varchar(12)   not null references organization (code),
    host_name           varchar(100)  not null,
    host_type           varchar(32)   not null,
    lat                 double precision not null check (lat between -90 and 90),
    lon                 double precision not null check (lon between -180 and 180),
    area_m2             numeric(7, 1) check (area_m2 > 0),
    seats               integer       check (seats >= 0),
    amenities           varchar(32)[] not null default '{}',
    opening_hours       varchar(255),
    smart_entry_method  varchar(16),
    smart_entry_hours   varchar(255),
    mobile              boolean       not null default false,
    phone               varchar(32),
    description         varchar(1000),
    level               varchar(16)   not null default 'NONE',
    stars               smallint      not null default 0 check (stars between 0 and 5),
    status              varchar(16)   not null,
    suspension_reason   varchar(200),
    expected_reopening  date,
    delisting_reason    varchar(16),
    delisting_note      varchar(500),
    status_changed_at   timestamptz   not null,
    created_at          timestamptz   not null,
    updated_at          timestamptz   not null,
    version             bigint        not null
);
create index station_district_idx on station (district_code);
create index station_status_idx on station (status);
create index station_amenities_idx on station using gin (amenities);

create table station_photo (
    id             bigint generated always as identity primary key,
    station_id     bigint       not null references station (id) on delete cascade,
    position       smallint     not null,
    storage_key    varchar(200) not null,
    width          integer      not null,
    height         integer      not null,
    uploaded_at    timestamptz  not null,
    unique (station_id, position)
);

-- Spring Modulith's event publication registry (schema v2 for PostgreSQL): the outbox that
-- carries station events to other modules' listeners after the change commits.
create table event_publication (
    id                     uuid        not null primary key,
    listener_id            text        not null,
    event_type             text        not null,
    serialized_event       text        not null,
    publication_date       timestamptz not null,
    completion_date        timestamptz,
    status                 text,
    completion_attempts    int,
    last_resubmission_date timestamptz
);
create index event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
create index event_publication_by_completion_date_idx on event_publication (completion_date);

-- One row per data set loaded once into this database (the demo city), so that loading is
-- idempotent even after its stations were edited or delisted.
create table data_import (
    name        varchar(100) primary key,
    rows_loaded integer      not null,
    imported_at timestamptz  not null
);
