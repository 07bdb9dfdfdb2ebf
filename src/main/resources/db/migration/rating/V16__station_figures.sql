-- The figures of single stations over any range of days, for the list of a union's stations of
-- lowest satisfaction (ADR 0006). Summing the union's counted ratings per station took seconds
-- nationally (2.9 million ratings a month); this keeps, per station and month, running totals
-- through each day of the month, so that any range of days costs one row per station and month
-- it touches: the part of a month from day a to day b is the running total through b less the
-- one through a - 1.
--
-- As rating_figures (V13) it is kept exact by the rating table's triggers, in the rating's own
-- transaction, whoever writes: they append signed deltas (+1 for a rating that now counts, -1
-- for one that no longer does) to rating_station_delta, a table without indexes so that a rating
-- costs the intake one plain row more; the compaction folds them into rating_station_month. A
-- station's figures do not depend on its district, so a move to another district changes
-- nothing here: the list joins each station's current district when it is read.

-- Fresh deltas, one per rating that starts or stops counting. Read whole by the compaction and
-- by the list (they are the last few minutes' ratings), hence no index to keep up per rating.
create table rating_station_delta (
    station_id  bigint  not null,
    rating_day  date    not null,
    counted     integer not null,
    stars       integer not null,
    satisfied   integer not null
);

-- What the compaction folded: per station and month, element d of each array is the total of
-- days 1 to d of the month (31 elements in every month; past a short month's end they repeat
-- its total). Two rows of one station and month may exist for a moment (two compactions at once,
-- each folding its own deltas): every reader sums them, as running totals add up.
create table rating_station_month (
    station_id        bigint    not null,
    month             date      not null,
    counted_through   integer[] not null,
    stars_through     integer[] not null,
    satisfied_through integer[] not null
);
-- A nation or province reads a month's rows whole; a city or district its stations' rows.
create index rating_station_month_month_idx on rating_station_month (month, station_id);
create index rating_station_month_station_idx on rating_station_month (station_id, month);

-- What a rating adds to its station's figures (sign 1) or takes away (sign -1): only counted
-- ratings count, so held and rejected ones add no delta here.
create function rating_station_delta_row(station bigint, day date, sign integer, status varchar, stars smallint)
    returns setof rating_station_delta language sql immutable rows 1 as $$
    select station, day, sign, sign * stars, sign * (stars >= 4)::integer
    where status = 'COUNTED'
$$;

-- Triggers beside V13's, on the same statements and their transition tables, each one insert.
create function rating_station_figures_on_insert() returns trigger language plpgsql as $$
begin
    insert into rating_station_delta
    select f.* from inserted n
    cross join lateral rating_station_delta_row(n.station_id, n.rating_day, 1, n.status, n.stars) f;
    return null;
end
$$;
create trigger rating_station_figures_insert after insert on rating
    referencing new table as inserted for each statement execute function rating_station_figures_on_insert();

create function rating_station_figures_on_update() returns trigger language plpgsql as $$
begin
    insert into rating_station_delta
    select f.* from before_change o
    cross join lateral rating_station_delta_row(o.station_id, o.rating_day, -1, o.status, o.stars) f
    union all
    select f.* from after_change n
    cross join lateral rating_station_delta_row(n.station_id, n.rating_day, 1, n.status, n.stars) f;
    return null;
end
$$;
create trigger rating_station_figures_update after update on rating
    referencing old table as before_change new table as after_change
    for each statement execute function rating_station_figures_on_update();

create function rating_station_figures_on_delete() returns trigger language plpgsql as $$
begin
    insert into rating_station_delta
    select f.* from deleted o
    cross join lateral rating_station_delta_row(o.station_id, o.rating_day, -1, o.status, o.stars) f;
    return null;
end
$$;
create trigger rating_station_figures_delete after delete on rating
    referencing old table as deleted for each statement execute function rating_station_figures_on_delete();

create function rating_station_figures_on_truncate() returns trigger language plpgsql as $$
begin
    delete from rating_station_delta;
    delete from rating_station_month;
    return null;
end
$$;
create trigger rating_station_figures_truncate after truncate on rating
    for each statement execute function rating_station_figures_on_truncate();

-- Folds the station deltas into each station's month; returns the number of rows folded away.
-- One statement: it deletes exactly the deltas it folds (those committed when it starts), so it
-- may run at any time, even twice at once, and never changes a sum.
create function compact_rating_station_figures() returns integer language plpgsql as $$
declare
    removed integer;
begin
    with fresh as (delete from rating_station_delta
                   returning station_id, date_trunc('month', rating_day)::date as month,
                             extract(day from rating_day)::integer as day, counted, stars, satisfied),
    keys as (select distinct station_id, month from fresh),
    folded as (delete from rating_station_month m using keys k
               where m.station_id = k.station_id and m.month = k.month
               returning m.*),
    -- the running totals already folded, per day (summed over the rows of a key, if two)
    before as (select m.station_id, m.month, d.day,
                      sum(m.counted_through[d.day]) as counted, sum(m.stars_through[d.day]) as stars,
                      sum(m.satisfied_through[d.day]) as satisfied
               from folded m cross join generate_series(1, 31) d (day)
               group by 1, 2, 3),
    change as (select station_id, month, day, sum(counted) as counted, sum(stars) as stars,
                      sum(satisfied) as satisfied
               from fresh group by 1, 2, 3),
    through as (select k.station_id, k.month, d.day,
                       coalesce(b.counted, 0) + sum(coalesce(c.counted, 0)) over w as counted,
                       coalesce(b.stars, 0) + sum(coalesce(c.stars, 0)) over w as stars,
                       coalesce(b.satisfied, 0) + sum(coalesce(c.satisfied, 0)) over w as satisfied
                from keys k
                cross join generate_series(1, 31) d (day)
                left join before b on b.station_id = k.station_id and b.month = k.month and b.day = d.day
                left join change c on c.station_id = k.station_id and c.month = k.month and c.day = d.day
                window w as (partition by k.station_id, k.month order by d.day)),
    written as (insert into rating_station_month
                select station_id, month, array_agg(counted::integer order by day),
                       array_agg(stars::integer order by day), array_agg(satisfied::integer order by day)
                from through
                group by station_id, month
                having bool_or(counted <> 0 or stars <> 0 or satisfied <> 0)
                returning 1)
    select (select count(*) from fresh) + (select count(*) from folded) - (select count(*) from written)
    into removed;
    return removed;
end
$$;

-- The compaction the application runs (FiguresCompaction) folds both roll-ups, in one statement.
alter function compact_rating_figures() rename to compact_rating_district_figures;
create function compact_rating_figures() returns integer language sql as $$
    select compact_rating_district_figures() + compact_rating_station_figures()
$$;

-- The ratings stored before this migration: one delta per station and day, then folded.
insert into rating_station_delta
select station_id, rating_day, count(*), sum(stars), count(*) filter (where stars >= 4)
from rating where status = 'COUNTED'
group by station_id, rating_day;
select compact_rating_station_figures();
