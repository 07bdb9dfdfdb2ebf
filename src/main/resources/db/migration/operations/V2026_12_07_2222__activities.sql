-- Activities and campaigns (issue 17, item 4; ADR 0029): a union publishes an activity (送清凉,
-- 送温暖, a health check, legal advice, union joining) at one or many stations with its dates; the
-- stations' staff count the workers who took part, a number per station, never who.
create table activity (
    id          bigint generated always as identity primary key,
    union_code  varchar(12)  not null,
    kind        varchar(16)  not null
        check (kind in ('COOLING', 'WARMTH', 'HEALTH_CHECK', 'LEGAL_ADVICE', 'UNION_JOINING')),
    title       varchar(60)  not null,
    description varchar(500),
    starts_on   date         not null,
    ends_on     date         not null,
    created_at  timestamptz  not null,
    created_by  varchar(64)  not null,
    check (ends_on >= starts_on)
);
create index activity_union on activity (union_code, starts_on);

create table activity_station (
    activity_id bigint  not null references activity (id),
    station_id  bigint  not null references station (id),
    attendance  integer not null default 0 check (attendance between 0 and 5000),
    primary key (activity_id, station_id)
);
-- a station's page and the public list ask for a station's activities still to come
create index activity_station_station on activity_station (station_id);
