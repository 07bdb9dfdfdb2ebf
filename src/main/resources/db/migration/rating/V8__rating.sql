-- Ratings by QR code. One row per rating a worker sent, counted or not: a suspect rating is
-- held (kept, but out of every figure) until an admin releases or rejects it.
--
-- Partitioned by month of the rating day so that figures over a period scan only its months
-- and old months can be detached whole. rating_day is the calendar day in Asia/Shanghai, the
-- day the "one counted rating per device per station per day" rule and the figures speak of.
create table rating (
    id            bigint generated always as identity,
    station_id    bigint        not null references station (id),
    rating_day    date          not null,
    created_at    timestamptz   not null,
    stars         smallint      not null check (stars between 1 and 5),
    tags          varchar(24)[] not null default '{}',
    category      varchar(16),
    -- Free text, shown only to the station's admins; stored as typed and escaped on output.
    comment       varchar(500),
    -- Keyed hashes, never the raw values: the device cookie and the browser fingerprint.
    device_hash   bytea         not null,
    fingerprint_hash bytea,
    -- The browser's optional location check, reduced to its answer: within 300 m or not.
    -- The coordinates themselves are never stored.
    near_station  boolean,
    status        varchar(10)   not null check (status in ('COUNTED', 'HELD', 'REJECTED')),
    hold_reasons  varchar(32)[] not null default '{}',
    reviewed_by   bigint        references account (id),
    reviewed_at   timestamptz,
    primary key (rating_day, id),
    unique (rating_day, station_id, device_hash)
) partition by range (rating_day);

create index rating_station_day_idx on rating (station_id, rating_day);
create index rating_device_day_idx on rating (device_hash, rating_day);
create index rating_held_idx on rating (rating_day) where status = 'HELD';

-- The partition of one month, created if missing. The application's role may not run DDL,
-- so it calls this function, which runs with its owner's rights and can do nothing else.
create function create_rating_partition(month date) returns boolean
    language plpgsql security definer set search_path = public as $$
declare
    first date := date_trunc('month', month)::date;
    name text := 'rating_' || to_char(first, 'YYYY_MM');
begin
    if to_regclass(name) is not null then
        return false;
    end if;
    execute format('create table %I partition of rating for values from (%L) to (%L)',
                   name, first, (first + interval '1 month')::date);
    return true;
end
$$;
revoke all on function create_rating_partition(date) from public;
grant execute on function create_rating_partition(date) to "${app_role}";

-- Months for 2025–2027 now; a job creates the coming months ahead. The default partition
-- takes any other day, so an insert never fails for want of a partition.
select create_rating_partition((date '2025-01-01' + make_interval(months => n))::date)
from generate_series(0, 35) as n;
create table rating_default partition of rating default;

-- A problem a worker reported from the rating page (closed when listed open, something
-- broken, supplies out, safety). It goes to the station master with a deadline; if not
-- handled in time it climbs the station's responsibility chain one level at a time.
create table problem_ticket (
    id                   bigint generated always as identity primary key,
    -- What the reporter is given to follow the ticket: not guessable, so it is no key to
    -- other people's tickets.
    number               varchar(16)   not null unique,
    station_id           bigint        not null references station (id),
    problem              varchar(24)   not null
        check (problem in ('CLOSED_WHEN_LISTED_OPEN', 'BROKEN_FACILITY', 'MISSING_SUPPLIES', 'SAFETY')),
    description          varchar(500),
    device_hash          bytea,
    status               varchar(12)   not null check (status in ('OPEN', 'RESOLVED')),
    -- Where it stands in the responsibility chain, and who holds it there.
    responsible_level    varchar(24)   not null
        check (responsible_level in ('STATION_MASTER', 'LIAISON', 'GENERAL_STATION_MASTER', 'SUPERVISING_UNION')),
    assignee_id          bigint        references account (id),
    assignee_union_code  varchar(20)   references organization (code),
    created_at           timestamptz   not null,
    due_at               timestamptz   not null,
    resolved_at          timestamptz,
    resolved_by          bigint        references account (id),
    resolution_note      varchar(1000),
    resolution_photo_key varchar(200),
    version              bigint        not null
);
create index problem_ticket_station_idx on problem_ticket (station_id, created_at);
create index problem_ticket_due_idx on problem_ticket (due_at) where status = 'OPEN';
create index problem_ticket_assignee_idx on problem_ticket (assignee_id) where status = 'OPEN';

-- Each step of a ticket: opened, escalated (from which level to which), resolved.
create table problem_ticket_history (
    id                   bigint generated always as identity primary key,
    ticket_id            bigint        not null references problem_ticket (id) on delete cascade,
    at                   timestamptz   not null,
    event                varchar(12)   not null check (event in ('OPENED', 'ESCALATED', 'RESOLVED')),
    responsible_level    varchar(24)   not null,
    assignee_id          bigint        references account (id),
    assignee_union_code  varchar(20)   references organization (code),
    actor_id             bigint        references account (id),
    note                 varchar(1000)
);
create index problem_ticket_history_ticket_idx on problem_ticket_history (ticket_id, at);
