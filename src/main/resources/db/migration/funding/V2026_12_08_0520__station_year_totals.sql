-- Fund supervision reads each station's money per year from a roll-up instead of grouping the
-- ledger's entries on every page (docs/benchmarks.md, "Funding": a province's page took a median
-- 629 ms against a target of 300 ms). The roll-up is kept by a statement trigger on the ledger,
-- in the payment's own transaction, so it never lags the ledger; the ledger stays append-only and
-- the only source of truth (the roll-up can be rebuilt from it with the insert at the end).
create table funding_station_year (
    district_code  varchar(12)  not null,
    year           integer      not null,
    station_id     bigint       not null references station (id),
    -- net fen of the year (payments less reversals), the payments counted, the first entry
    fen            bigint       not null,
    payments       integer      not null,
    first_paid     timestamptz  not null,
    primary key (district_code, year, station_id)
);
create index funding_station_year_station_idx on funding_station_year (station_id);

-- One grouped upsert per statement (a batch's 186,000 entries are one insert), taken in key
-- order so that two payments touching the same stations lock their rows in the same order.
create function funding_station_year_add() returns trigger language plpgsql as $$
begin
    insert into funding_station_year (district_code, year, station_id, fen, payments, first_paid)
    select a.district_code, extract(year from a.recorded_at at time zone 'Asia/Shanghai')::integer, a.station_id,
           sum(a.amount_fen), count(*) filter (where a.kind = 'PAYMENT'), min(a.recorded_at)
    from added a
    group by 1, 2, 3
    order by 1, 2, 3
    on conflict (district_code, year, station_id) do update
        set fen = funding_station_year.fen + excluded.fen,
            payments = funding_station_year.payments + excluded.payments,
            first_paid = least(funding_station_year.first_paid, excluded.first_paid);
    return null;
end;
$$;
create trigger funding_station_year_trigger after insert on funding_ledger
    referencing new table as added for each statement execute function funding_station_year_add();

insert into funding_station_year (district_code, year, station_id, fen, payments, first_paid)
select e.district_code, extract(year from e.recorded_at at time zone 'Asia/Shanghai')::integer, e.station_id,
       sum(e.amount_fen), count(*) filter (where e.kind = 'PAYMENT'), min(e.recorded_at)
from funding_ledger e
group by 1, 2, 3;
