-- Funding (issue 16, items 3-5): subsidy rules as data, monthly payment runs, batches prepared by
-- one person and approved by another, and the append-only ledger of what was paid.

-- A rule: what a union pays, for which kind of subsidy, in one budget year. Money is integer fen
-- everywhere (20,000 yuan = 2,000,000 fen); nothing here is ever a floating-point number.
create table funding_rule (
    id          bigint generated always as identity primary key,
    union_code  varchar(12)  not null references organization (code),
    kind        varchar(16)  not null check (kind in ('CONSTRUCTION', 'UPKEEP', 'SELF_BUILT')),
    name        varchar(100) not null,
    year        integer      not null check (year between 2000 and 2100),
    amount_fen  bigint       not null check (amount_fen > 0),
    budget_fen  bigint       not null check (budget_fen >= 0),
    created_at  timestamptz  not null,
    created_by  varchar(64)  not null,
    unique (union_code, kind, year)
);

-- What each station's status was since when: the upkeep is paid only for months a station was
-- listed from the first day to the last, and a construction subsidy only to a station first
-- listed (accepted) in the month run. The station module keeps only the current status, so this
-- history is appended by a trigger on every change of it, in the change's transaction. It starts
-- with each station's current status (seeded = true): a station suspended or delisted before the
-- history began was listed at some unknown earlier time, so it is never a new station.
create table funding_station_status (
    station_id  bigint       not null references station (id),
    since       timestamptz  not null,
    status      varchar(16)  not null,
    seeded      boolean      not null default false,
    primary key (station_id, since, status)
);
insert into funding_station_status (station_id, since, status, seeded)
select s.id, s.status_changed_at, s.status, true from station s;

create function funding_record_station_status() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' or old.status is distinct from new.status then
        insert into funding_station_status (station_id, since, status)
        values (new.id, coalesce(new.status_changed_at, now()), new.status)
        on conflict do nothing;
    end if;
    return new;
end;
$$;
create trigger funding_station_status_trigger after insert or update of status on station
    for each row execute function funding_record_station_status();

-- A payment run's batch: what a rule owes for one month, prepared by one person. One batch per
-- rule and month, whoever runs it and however often (the unique key makes a second run, even a
-- concurrent one, find the first). Paid when enough others have approved it.
create table funding_batch (
    id                  bigint generated always as identity primary key,
    rule_id             bigint       not null references funding_rule (id),
    month               date         not null check (extract(day from month) = 1),
    status              varchar(12)  not null check (status in ('PREPARED', 'PAID')),
    line_count          integer      not null check (line_count >= 0),
    total_fen           bigint       not null check (total_fen >= 0),
    approvals_required  smallint     not null check (approvals_required between 1 and 2),
    prepared_at         timestamptz  not null,
    prepared_by         varchar(64)  not null,
    paid_at             timestamptz,
    unique (rule_id, month),
    check ((status = 'PAID') = (paid_at is not null))
);

-- What one payee is owed in a batch: a station's host for the upkeep and the construction
-- subsidy, the enterprise (host) that built its own station for the self-built grant. A station
-- is owed a rule's month once, and a one-off subsidy once whatever the month.
create table funding_batch_line (
    id          bigint generated always as identity primary key,
    batch_id    bigint       not null references funding_batch (id),
    rule_id     bigint       not null references funding_rule (id),
    month       date         not null,
    one_off     boolean      not null,
    station_id  bigint       not null references station (id),
    -- where the station was when it was owed: the supervision of a union sums its districts
    district_code varchar(12) not null,
    payee_name  varchar(100) not null,
    payee_code  varchar(32),
    amount_fen  bigint       not null check (amount_fen > 0),
    unique (rule_id, station_id, month)
);
create unique index funding_batch_line_one_off_idx on funding_batch_line (rule_id, station_id) where one_off;
create index funding_batch_line_batch_idx on funding_batch_line (batch_id);

-- Who approved a batch: each person once, never its preparer (checked by the use case).
create table funding_approval (
    batch_id     bigint       not null references funding_batch (id),
    approved_by  varchar(64)  not null,
    approved_at  timestamptz  not null,
    primary key (batch_id, approved_by)
);

-- The ledger: one row per payment made and per correction of one. Append-only, like the audit
-- log: a correction is a new REVERSAL row with the negative amount, never an edit. A line is paid
-- once (unique line_id) and an entry reversed once (unique reverses_id), so repeated or
-- concurrent requests cannot pay twice.
create table funding_ledger (
    id           bigint generated always as identity primary key,
    kind         varchar(12)  not null check (kind in ('PAYMENT', 'REVERSAL')),
    rule_id      bigint       not null references funding_rule (id),
    batch_id     bigint       references funding_batch (id),
    line_id      bigint       unique references funding_batch_line (id),
    reverses_id  bigint       unique references funding_ledger (id),
    station_id   bigint       not null references station (id),
    district_code varchar(12) not null,
    month        date         not null,
    payee_name   varchar(100) not null,
    amount_fen   bigint       not null check (amount_fen <> 0),
    reason       varchar(500),
    recorded_at  timestamptz  not null,
    recorded_by  varchar(64)  not null,
    check ((kind = 'PAYMENT') = (line_id is not null and amount_fen > 0)),
    check ((kind = 'REVERSAL') = (reverses_id is not null and amount_fen < 0 and reason is not null))
);
create index funding_ledger_rule_idx on funding_ledger (rule_id) include (amount_fen);
create index funding_ledger_station_idx on funding_ledger (station_id);
-- a union's supervision page sums its districts' entries per station from the index alone
create index funding_ledger_district_idx on funding_ledger (district_code, station_id)
    include (amount_fen, kind, recorded_at);

-- Append-only for everyone, the owner included: no row of the ledger is changed or removed.
create function funding_ledger_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'funding_ledger is append-only: % refused; record a reversing entry instead', tg_op;
end;
$$;
create trigger funding_ledger_no_update before update or delete on funding_ledger
    for each row execute function funding_ledger_append_only();
create trigger funding_ledger_no_truncate before truncate on funding_ledger
    for each statement execute function funding_ledger_append_only();

-- And for the application's role, in its grants too, as for the audit log.
do $$
declare
    app name := '${app_role}';
begin
    if not exists (select 1 from pg_roles where rolname = app) or app = current_user then
        return;
    end if;
    execute format('revoke update, delete, truncate on funding_ledger from %I', app);
end;
$$;

create index funding_station_status_idx on funding_station_status (station_id, since desc);
