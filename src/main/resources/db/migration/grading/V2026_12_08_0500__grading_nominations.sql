-- Nominations up the tree (issue 16, item 2; ADR 0036): a union proposes stations of its subtree
-- to the union above it for that union's level (a district to its city for city level, a city to
-- its province for provincial), within a yearly quota the union above sets; the union above
-- accepts or declines each with a reason, and names the accepted ones in a naming batch.

-- How many stations a union may nominate to the union above in a year. Set by an admin above it;
-- a nomination locks this row, so two at once cannot both take the last place.
create table grading_quota (
    union_code  varchar(12)  not null references organization (code),
    year        integer      not null,
    quota       integer      not null check (quota >= 0),
    set_by      varchar(100) not null,
    set_at      timestamptz  not null,
    primary key (union_code, year)
);

-- A naming batch of accepted nominations belongs to a year rather than to one run: the stations
-- come from the runs of several unions below.
alter table grading_batch alter column run_id drop not null;
alter table grading_batch add column year integer;
alter table grading_batch add constraint grading_batch_source check (run_id is not null or year is not null);

create table grading_nomination (
    id              bigint generated always as identity primary key,
    run_id          bigint        not null references grading_run (id),
    station_id      bigint        not null references station (id),
    year            integer       not null,
    from_code       varchar(12)   not null references organization (code),
    to_code         varchar(12)   not null references organization (code),
    level           varchar(12)   not null check (level in ('CITY', 'PROVINCIAL', 'NATIONAL')),
    reason          varchar(500)  not null,
    status          varchar(10)   not null check (status in ('PENDING', 'ACCEPTED', 'DECLINED')),
    nominated_by    varchar(100)  not null,
    nominated_at    timestamptz   not null,
    answer          varchar(500),
    answered_by     varchar(100),
    answered_at     timestamptz,
    batch_id        bigint        references grading_batch (id),
    check ((status = 'PENDING') = (answered_at is null)),
    check (status <> 'DECLINED' or answer is not null),
    check (batch_id is null or status = 'ACCEPTED')
);
-- one open or accepted nomination of a station for a level and year; a declined one may be sent again
create unique index grading_nomination_once on grading_nomination (station_id, year, level) where status <> 'DECLINED';
create index grading_nomination_to_idx on grading_nomination (to_code, year, status);
create index grading_nomination_from_idx on grading_nomination (from_code, year, status);
