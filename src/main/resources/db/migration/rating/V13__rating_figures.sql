-- Satisfaction figures of a union, kept fast at national scale (186k stations, months of ratings).
--
-- A union's figures sum over rating_figures: per district and rating day, how many ratings count
-- and their stars, satisfied ratings (4★ and up), each worker category and each tag, and how many
-- are held or rejected. Its rows are signed deltas, never updated: the triggers below add one row
-- per rating that is inserted, changes status or is deleted, and two (minus the old district,
-- plus the new) per rating of a station that moves to another district. Every figure is a sum,
-- so the figures are exactly those of the rating table whichever writer changed it (the intake
-- slice, the review queue, a district merge, a hand-written statement) and no counter row is ever
-- contended by concurrent ratings. A scheduled job (compact_rating_figures) folds each day's rows
-- into one, which changes no sum. The figures of one station are read from the rating table
-- itself (a few hundred rows a year).
--
-- Detaching a month partition of rating fires no trigger: its figures stay here on purpose (the
-- history outlives the raw ratings); delete this table's rows of those days to drop them too.
create table rating_figures (
    district_code          varchar(12) not null,
    rating_day             date        not null,
    counted                integer     not null default 0,
    stars                  integer     not null default 0,
    satisfied              integer     not null default 0,
    held                   integer     not null default 0,
    rejected               integer     not null default 0,
    rider                  integer     not null default 0,
    rider_stars            integer     not null default 0,
    rider_satisfied        integer     not null default 0,
    courier                integer     not null default 0,
    courier_stars          integer     not null default 0,
    courier_satisfied      integer     not null default 0,
    sanitation             integer     not null default 0,
    sanitation_stars       integer     not null default 0,
    sanitation_satisfied   integer     not null default 0,
    driver                 integer     not null default 0,
    driver_stars           integer     not null default 0,
    driver_satisfied       integer     not null default 0,
    police                 integer     not null default 0,
    police_stars           integer     not null default 0,
    police_satisfied       integer     not null default 0,
    other                  integer     not null default 0,
    other_stars            integer     not null default 0,
    other_satisfied        integer     not null default 0,
    unstated               integer     not null default 0,
    unstated_stars         integer     not null default 0,
    unstated_satisfied     integer     not null default 0,
    tag_clean              integer     not null default 0,
    tag_well_equipped      integer     not null default 0,
    tag_open_on_time       integer     not null default 0,
    tag_friendly           integer     not null default 0,
    tag_not_open           integer     not null default 0,
    tag_facility_broken    integer     not null default 0,
    tag_unhygienic         integer     not null default 0,
    tag_out_of_supplies    integer     not null default 0,
    tag_unattended         integer     not null default 0,
    -- false for a fresh delta, true for the sum the compaction wrote
    merged                 boolean     not null default false
);
create index rating_figures_district_day_idx on rating_figures (district_code, rating_day);
create index rating_figures_day_idx on rating_figures (rating_day);
create index rating_figures_fresh_idx on rating_figures (district_code, rating_day) where not merged;

-- What one rating adds to its district's day (sign 1) or takes away (sign -1). Only counted
-- ratings count in the figures; held and rejected ones are only counted as such. Declared as
-- returning a set (of always one row) so that the planner inlines it into the queries that use
-- it, instead of calling a function per rating.
create function rating_figures_row(district varchar, day date, sign integer, status varchar, stars smallint,
                                   tags varchar[], category varchar)
    returns setof rating_figures language sql immutable rows 1 as $$
    select district, day,
           sign * c,
           sign * c * stars,
           sign * c * (stars >= 4)::integer,
           sign * (status = 'HELD')::integer,
           sign * (status = 'REJECTED')::integer,
           sign * c * (category is not distinct from 'RIDER')::integer,
           sign * c * stars * (category is not distinct from 'RIDER')::integer,
           sign * c * (stars >= 4)::integer * (category is not distinct from 'RIDER')::integer,
           sign * c * (category is not distinct from 'COURIER')::integer,
           sign * c * stars * (category is not distinct from 'COURIER')::integer,
           sign * c * (stars >= 4)::integer * (category is not distinct from 'COURIER')::integer,
           sign * c * (category is not distinct from 'SANITATION')::integer,
           sign * c * stars * (category is not distinct from 'SANITATION')::integer,
           sign * c * (stars >= 4)::integer * (category is not distinct from 'SANITATION')::integer,
           sign * c * (category is not distinct from 'DRIVER')::integer,
           sign * c * stars * (category is not distinct from 'DRIVER')::integer,
           sign * c * (stars >= 4)::integer * (category is not distinct from 'DRIVER')::integer,
           sign * c * (category is not distinct from 'POLICE')::integer,
           sign * c * stars * (category is not distinct from 'POLICE')::integer,
           sign * c * (stars >= 4)::integer * (category is not distinct from 'POLICE')::integer,
           sign * c * (category is not distinct from 'OTHER')::integer,
           sign * c * stars * (category is not distinct from 'OTHER')::integer,
           sign * c * (stars >= 4)::integer * (category is not distinct from 'OTHER')::integer,
           sign * c * (category is null)::integer,
           sign * c * stars * (category is null)::integer,
           sign * c * (stars >= 4)::integer * (category is null)::integer,
           sign * c * ('CLEAN' = any (tags))::integer,
           sign * c * ('WELL_EQUIPPED' = any (tags))::integer,
           sign * c * ('OPEN_ON_TIME' = any (tags))::integer,
           sign * c * ('FRIENDLY' = any (tags))::integer,
           sign * c * ('NOT_OPEN' = any (tags))::integer,
           sign * c * ('FACILITY_BROKEN' = any (tags))::integer,
           sign * c * ('UNHYGIENIC' = any (tags))::integer,
           sign * c * ('OUT_OF_SUPPLIES' = any (tags))::integer,
           sign * c * ('UNATTENDED' = any (tags))::integer,
           false
    from (select (status = 'COUNTED')::integer as c) counted
$$;

-- New ratings. The station rows are share-locked first, in id order, so that a concurrent move
-- to another district either waits for this rating or is seen by it (a move takes the row's
-- update lock): each delta is filed under the station's district when the rating commits. Locking
-- and summing are two statements on purpose: transition tables have no statistics, and a join of
-- two of them may be planned as a nested loop, quadratic for a large batch; each statement here
-- joins a transition table with the station table only, by its key.
create function rating_figures_on_insert() returns trigger language plpgsql as $$
begin
    perform 1 from station where id in (select station_id from inserted) order by id for share;
    insert into rating_figures
    select f.*
    from inserted n
    join station s on s.id = n.station_id
    cross join lateral rating_figures_row(s.district_code, n.rating_day, 1, n.status, n.stars, n.tags,
                                          n.category) f;
    return null;
end
$$;
create trigger rating_figures_insert after insert on rating
    referencing new table as inserted for each statement execute function rating_figures_on_insert();

-- A review (held → counted or rejected) or any other change: the old rating out, the new one in.
-- A change that touches nothing counted adds rows that cancel out (and that the compaction drops);
-- telling them apart would need a join of the two transition tables (see above).
create function rating_figures_on_update() returns trigger language plpgsql as $$
begin
    perform 1 from station
    where id in (select station_id from before_change union select station_id from after_change)
    order by id for share;
    insert into rating_figures
    select f.*
    from (select o.station_id, o.rating_day, -1 as sign, o.status, o.stars, o.tags, o.category
          from before_change o
          union all
          select n.station_id, n.rating_day, 1, n.status, n.stars, n.tags, n.category
          from after_change n) d
    join station s on s.id = d.station_id
    cross join lateral rating_figures_row(s.district_code, d.rating_day, d.sign, d.status, d.stars, d.tags,
                                          d.category) f;
    return null;
end
$$;
create trigger rating_figures_update after update on rating
    referencing old table as before_change new table as after_change
    for each statement execute function rating_figures_on_update();

create function rating_figures_on_delete() returns trigger language plpgsql as $$
begin
    perform 1 from station where id in (select station_id from deleted) order by id for share;
    insert into rating_figures
    select f.*
    from deleted o
    join station s on s.id = o.station_id
    cross join lateral rating_figures_row(s.district_code, o.rating_day, -1, o.status, o.stars, o.tags,
                                          o.category) f;
    return null;
end
$$;
create trigger rating_figures_delete after delete on rating
    referencing old table as deleted for each statement execute function rating_figures_on_delete();

create function rating_figures_on_truncate() returns trigger language plpgsql as $$
begin
    delete from rating_figures;
    return null;
end
$$;
create trigger rating_figures_truncate after truncate on rating
    for each statement execute function rating_figures_on_truncate();

-- A station moved to another district (an edit, a district merge): its ratings' figures move
-- with it, in the same transaction, so a union's figures are always those of the stations it
-- has now.
create function rating_figures_on_station_move() returns trigger language plpgsql as $$
begin
    insert into rating_figures
    select f.*
    from rating r
    cross join lateral (values (old.district_code, -1), (new.district_code, 1)) m (district, sign)
    cross join lateral rating_figures_row(m.district, r.rating_day, m.sign, r.status, r.stars, r.tags,
                                          r.category) f
    where r.station_id = new.id;
    return null;
end
$$;
create trigger rating_figures_station_move after update of district_code on station
    for each row when (old.district_code is distinct from new.district_code)
    execute function rating_figures_on_station_move();

-- Folds the fresh deltas of each district and day, with the sum already there, into one row;
-- returns the number of rows folded away. No sum changes, so it may run at any time, on any
-- instance, even twice at once (each deletes only the rows it sums).
create function compact_rating_figures() returns integer language plpgsql as $$
declare
    removed integer;
begin
    with fresh as (select distinct district_code, rating_day from rating_figures where not merged),
    folded as (delete from rating_figures f using fresh k
               where f.district_code = k.district_code and f.rating_day = k.rating_day
               returning f.*),
    summed as (select district_code, rating_day,
               sum(counted)::integer as counted,
               sum(stars)::integer as stars,
               sum(satisfied)::integer as satisfied,
               sum(held)::integer as held,
               sum(rejected)::integer as rejected,
               sum(rider)::integer as rider,
               sum(rider_stars)::integer as rider_stars,
               sum(rider_satisfied)::integer as rider_satisfied,
               sum(courier)::integer as courier,
               sum(courier_stars)::integer as courier_stars,
               sum(courier_satisfied)::integer as courier_satisfied,
               sum(sanitation)::integer as sanitation,
               sum(sanitation_stars)::integer as sanitation_stars,
               sum(sanitation_satisfied)::integer as sanitation_satisfied,
               sum(driver)::integer as driver,
               sum(driver_stars)::integer as driver_stars,
               sum(driver_satisfied)::integer as driver_satisfied,
               sum(police)::integer as police,
               sum(police_stars)::integer as police_stars,
               sum(police_satisfied)::integer as police_satisfied,
               sum(other)::integer as other,
               sum(other_stars)::integer as other_stars,
               sum(other_satisfied)::integer as other_satisfied,
               sum(unstated)::integer as unstated,
               sum(unstated_stars)::integer as unstated_stars,
               sum(unstated_satisfied)::integer as unstated_satisfied,
               sum(tag_clean)::integer as tag_clean,
               sum(tag_well_equipped)::integer as tag_well_equipped,
               sum(tag_open_on_time)::integer as tag_open_on_time,
               sum(tag_friendly)::integer as tag_friendly,
               sum(tag_not_open)::integer as tag_not_open,
               sum(tag_facility_broken)::integer as tag_facility_broken,
               sum(tag_unhygienic)::integer as tag_unhygienic,
               sum(tag_out_of_supplies)::integer as tag_out_of_supplies,
               sum(tag_unattended)::integer as tag_unattended
               from folded group by district_code, rating_day),
    written as (insert into rating_figures
                select summed.*, true from summed where counted <> 0 or held <> 0 or rejected <> 0
                returning 1)
    select (select count(*) from folded) - (select count(*) from written) into removed;
    return removed;
end
$$;

-- The ratings stored before this migration.
insert into rating_figures
select f.*
from rating r join station s on s.id = r.station_id
cross join lateral rating_figures_row(s.district_code, r.rating_day, 1, r.status, r.stars, r.tags, r.category) f;
select compact_rating_figures();

-- The review queue and its actions find a rating by id alone (its key is (rating_day, id)).
create index rating_id_idx on rating (id);
