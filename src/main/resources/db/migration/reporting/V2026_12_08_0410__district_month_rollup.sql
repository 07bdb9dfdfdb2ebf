-- The dashboard's monthly roll-up per district (issue 18, speed): counted ratings, their stars,
-- the satisfied ones and visits served, per district and month, over the days up to a watermark
-- (reporting_rollup_watermark.folded_through, a day before today); the days after it are read
-- live from rating_figures and visit_day. A national page then sums about 34,000 rows a year
-- instead of a year of daily rows (1.1 million of the rating roll-up, 2.2 million visit days).
--
-- Exact at every moment, not refreshed now and then:
--  * The fold (ReportingRollUp, every few minutes under ShedLock) adds the days after the
--    watermark up to yesterday (Asia/Shanghai, by the database's clock) to their month's row and
--    moves the watermark, holding the watermark's row for update.
--  * A late change to a day already folded (a tally entered for last week, a held rating released,
--    the rating roll-up's compaction, a district merge moving a day's rows) is added to the month
--    row by the statement triggers below, in the change's transaction, as a signed delta. A
--    trigger first looks whether any changed row is of a day before today: check-ins and new
--    ratings are today's, so they cost the trigger one look at their own rows and no lock. Only
--    a change of a past day reads the watermark, under a share lock: a fold running at that moment
--    waits for it (and its aggregate then sees the committed change), or it waits for the fold
--    (and then reads the moved watermark): a change is counted once, by one of the two.
create table reporting_rollup_watermark (
    only_row       boolean primary key default true check (only_row),
    -- the last day folded; null before the first fold (everything is read live)
    folded_through date
);
insert into reporting_rollup_watermark (only_row, folded_through) values (true, null);

create table reporting_district_month (
    district_code varchar(12) not null,
    month         date        not null check (extract(day from month) = 1),
    ratings       bigint      not null default 0,
    stars         bigint      not null default 0,
    satisfied     bigint      not null default 0,
    visits        bigint      not null default 0,
    primary key (district_code, month)
);
create index reporting_district_month_month on reporting_district_month (month)
    include (district_code, ratings, stars, satisfied, visits);

-- today's visit days, read live by a national page: visit_day's own index leads with the district
create index reporting_visit_day_by_day on visit_day (day) include (district_code, visits);

create function reporting_rollup_ratings() returns trigger language plpgsql as $$
declare
    today date := (now() at time zone 'Asia/Shanghai')::date;
    through date;
    past boolean := false;
begin
    -- each transition table is named only where it exists: PL/pgSQL plans a statement when it
    -- first runs it, and an insert's trigger has no old rows
    if TG_OP in ('INSERT', 'UPDATE') then
        past := exists (select 1 from new_rows where rating_day < today);
    end if;
    if not past and TG_OP in ('DELETE', 'UPDATE') then
        past := exists (select 1 from old_rows where rating_day < today);
    end if;
    if past then
        select folded_through into through from reporting_rollup_watermark for share;
        if through is null then
            return null;
        end if;
        if TG_OP = 'INSERT' then
            insert into reporting_district_month as m (district_code, month, ratings, stars, satisfied)
            select district_code, date_trunc('month', rating_day)::date, sum(counted), sum(stars), sum(satisfied)
            from new_rows where rating_day <= through group by 1, 2
            on conflict (district_code, month) do update set ratings = m.ratings + excluded.ratings,
                stars = m.stars + excluded.stars, satisfied = m.satisfied + excluded.satisfied;
        elsif TG_OP = 'DELETE' then
            insert into reporting_district_month as m (district_code, month, ratings, stars, satisfied)
            select district_code, date_trunc('month', rating_day)::date, -sum(counted), -sum(stars), -sum(satisfied)
            from old_rows where rating_day <= through group by 1, 2
            on conflict (district_code, month) do update set ratings = m.ratings + excluded.ratings,
                stars = m.stars + excluded.stars, satisfied = m.satisfied + excluded.satisfied;
        else
            insert into reporting_district_month as m (district_code, month, ratings, stars, satisfied)
            select district_code, month, sum(counted), sum(stars), sum(satisfied) from (
                select district_code, date_trunc('month', rating_day)::date as month, counted, stars, satisfied
                from new_rows where rating_day <= through
                union all
                select district_code, date_trunc('month', rating_day)::date, -counted, -stars, -satisfied
                from old_rows where rating_day <= through
            ) changed group by 1, 2
            on conflict (district_code, month) do update set ratings = m.ratings + excluded.ratings,
                stars = m.stars + excluded.stars, satisfied = m.satisfied + excluded.satisfied;
        end if;
    end if;
    return null;
end $$;

create trigger reporting_rollup_ratings_insert after insert on rating_figures
    referencing new table as new_rows for each statement execute function reporting_rollup_ratings();
create trigger reporting_rollup_ratings_update after update on rating_figures
    referencing old table as old_rows new table as new_rows for each statement execute function reporting_rollup_ratings();
create trigger reporting_rollup_ratings_delete after delete on rating_figures
    referencing old table as old_rows for each statement execute function reporting_rollup_ratings();

create function reporting_rollup_visits() returns trigger language plpgsql as $$
declare
    today date := (now() at time zone 'Asia/Shanghai')::date;
    through date;
    past boolean := false;
begin
    -- each transition table is named only where it exists: PL/pgSQL plans a statement when it
    -- first runs it, and an insert's trigger has no old rows
    if TG_OP in ('INSERT', 'UPDATE') then
        past := exists (select 1 from new_rows where day < today);
    end if;
    if not past and TG_OP in ('DELETE', 'UPDATE') then
        past := exists (select 1 from old_rows where day < today);
    end if;
    if past then
        select folded_through into through from reporting_rollup_watermark for share;
        if through is null then
            return null;
        end if;
        if TG_OP = 'INSERT' then
            insert into reporting_district_month as m (district_code, month, visits)
            select district_code, date_trunc('month', day)::date, sum(visits)
            from new_rows where day <= through group by 1, 2
            on conflict (district_code, month) do update set visits = m.visits + excluded.visits;
        elsif TG_OP = 'DELETE' then
            insert into reporting_district_month as m (district_code, month, visits)
            select district_code, date_trunc('month', day)::date, -sum(visits)
            from old_rows where day <= through group by 1, 2
            on conflict (district_code, month) do update set visits = m.visits + excluded.visits;
        else
            insert into reporting_district_month as m (district_code, month, visits)
            select district_code, month, sum(visits) from (
                select district_code, date_trunc('month', day)::date as month, visits
                from new_rows where day <= through
                union all
                select district_code, date_trunc('month', day)::date, -visits from old_rows where day <= through
            ) changed group by 1, 2
            on conflict (district_code, month) do update set visits = m.visits + excluded.visits;
        end if;
    end if;
    return null;
end $$;

create trigger reporting_rollup_visits_insert after insert on visit_day
    referencing new table as new_rows for each statement execute function reporting_rollup_visits();
create trigger reporting_rollup_visits_update after update on visit_day
    referencing old table as old_rows new table as new_rows for each statement execute function reporting_rollup_visits();
create trigger reporting_rollup_visits_delete after delete on visit_day
    referencing old table as old_rows for each statement execute function reporting_rollup_visits();
