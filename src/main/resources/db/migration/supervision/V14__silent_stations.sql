-- Silent stations (Qingdao: no rating for three consecutive months → 降级或摘牌). A case is opened
-- when a listed station had no counted rating in N whole calendar months (Asia/Shanghai) in a
-- row; its union decides (downgrade, delist, exempt until a date), or a counted rating closes
-- it by itself. Months are stored as their first day.
create table silent_station_case (
    id                  bigint generated always as identity primary key,
    station_id          bigint       not null references station (id),
    -- The silent months, first to last, every month between them included.
    first_silent_month  date         not null check (extract(day from first_silent_month) = 1),
    last_silent_month   date         not null check (extract(day from last_silent_month) = 1),
    status              varchar(20)  not null
        check (status in ('OPEN', 'DOWNGRADED', 'DELISTED', 'EXEMPTED', 'RESOLVED_BY_RATING', 'WITHDRAWN')),
    opened_at           timestamptz  not null,
    closed_at           timestamptz,
    -- Who decided (a login name; the audit log has the rest), why, and what changed.
    decided_by          varchar(64),
    reason              varchar(500),
    level_before        varchar(16),
    level_after         varchar(16),
    -- An exempt station is not flagged again before the day after this date.
    exempt_until        date,
    -- The counted rating that ended the silence: its day.
    resolved_rating_day date,
    version             bigint       not null,
    check (last_silent_month >= first_silent_month),
    check ((status = 'OPEN') = (closed_at is null)),
    check ((status = 'EXEMPTED') = (exempt_until is not null))
);
-- At most one open case per station, whatever runs the check at the same moment.
create unique index silent_station_case_open_idx on silent_station_case (station_id) where status = 'OPEN';
create index silent_station_case_station_idx on silent_station_case (station_id, last_silent_month);
create index silent_station_case_status_idx on silent_station_case (status, opened_at);

-- One row per month boundary that has been judged, so that the hourly job judges each month
-- once and, after the application was down over a boundary, catches up on the months it missed.
create table silent_station_check (
    month           date        primary key check (extract(day from month) = 1),
    checked_at      timestamptz not null,
    months_required smallint    not null check (months_required between 1 and 12),
    cases_opened    integer     not null default 0
);
