-- Inspections (issue 15, items 1-3 and 5; ADR 0020). A campaign is a union's round of visits over
-- its subtree (annual 回头看, third-party assessment, spot check, self-check) against one checklist
-- version of the standard module, copied here item by item when the campaign is created, so that a
-- later version of the checklist changes nothing in a campaign already under way.
create table inspection_campaign (
    id                        bigint generated always as identity primary key,
    union_code                varchar(12)   not null references organization (code),
    kind                      varchar(16)   not null
        check (kind in ('ANNUAL_REVIEW', 'THIRD_PARTY', 'SPOT_CHECK', 'SELF_CHECK')),
    name                      varchar(100)  not null,
    mystery                   boolean       not null,
    checklist_id              bigint        not null,
    checklist_version_id      bigint        not null,
    checklist_version_number  integer       not null,
    checklist_name_zh         varchar(100)  not null,
    checklist_name_en         varchar(100)  not null,
    -- null: every listed station of the subtree; otherwise the percentage drawn per district
    sample_percent            smallint      check (sample_percent between 1 and 100),
    seed                      bigint        not null,
    starts_on                 date          not null,
    ends_on                   date          not null,
    -- a recurring campaign: its series (the first campaign's key) and period ('2027'); one
    -- campaign per series and period, whichever instance creates it first
    series                    varchar(40),
    period                    varchar(10),
    published_at              timestamptz,
    published_by              varchar(100),
    created_at                timestamptz   not null,
    created_by                varchar(100)  not null,
    check (starts_on <= ends_on),
    check ((series is null) = (period is null)),
    unique (series, period)
);
create index inspection_campaign_union_idx on inspection_campaign (union_code);

create table inspection_campaign_item (
    campaign_id  bigint        not null references inspection_campaign (id),
    position     smallint      not null,
    code         varchar(40)   not null,
    text_zh      varchar(200)  not null,
    text_en      varchar(200)  not null,
    required     boolean       not null,
    primary key (campaign_id, code)
);

-- The inspectors and evaluators a campaign names.
create table inspection_assignee (
    campaign_id  bigint  not null references inspection_campaign (id),
    account_id   bigint  not null references account (id),
    primary key (campaign_id, account_id)
);

-- The drawn sample: each station with its district at the draw (the stratum) and the assignee
-- whose worklist holds it.
create table inspection_sample (
    campaign_id    bigint       not null references inspection_campaign (id),
    station_id     bigint       not null references station (id),
    district_code  varchar(12)  not null,
    assignee_id    bigint       not null references account (id),
    primary key (campaign_id, station_id)
);
create index inspection_sample_assignee_idx on inspection_sample (assignee_id, campaign_id);
create index inspection_sample_district_idx on inspection_sample (campaign_id, district_code);

-- One inspection per campaign and station; client_id is the phone's own id for the submission, so
-- the same submission sent twice (an offline queue retrying) is stored once. The inspector's
-- position is never stored: only whether it was within 200 m of the station.
create table inspection (
    id             bigint generated always as identity primary key,
    client_id      uuid          not null unique,
    campaign_id    bigint        not null references inspection_campaign (id),
    station_id     bigint        not null references station (id),
    district_code  varchar(12)   not null,
    inspector_id   bigint        not null references account (id),
    inspected_at   timestamptz   not null,
    submitted_at   timestamptz   not null,
    near_station   boolean,
    note           varchar(1000),
    score          numeric(5, 1) not null check (score between 0 and 100),
    passed         boolean       not null,
    failed_items   smallint      not null,
    unique (campaign_id, station_id)
);
create index inspection_station_idx on inspection (station_id, inspected_at desc);
create index inspection_campaign_district_idx on inspection (campaign_id, district_code) include (passed);

create table inspection_answer (
    inspection_id  bigint        not null references inspection (id),
    item_code      varchar(40)   not null,
    passed         boolean       not null,
    score          numeric(5, 1) check (score between 0 and 100),
    note           varchar(500),
    primary key (inspection_id, item_code)
);

-- A failed item's photo, re-encoded without EXIF or GPS (station.EvidencePhotos); its id is how
-- other modules (rectification) fetch it.
create table inspection_photo (
    id             bigint generated always as identity primary key,
    inspection_id  bigint       not null references inspection (id),
    item_code      varchar(40)  not null,
    photo_key      varchar(100) not null,
    unique (inspection_id, item_code)
);
