-- A batch of ratings added one rating_figures row per rating (V13), each with its three
-- index entries, to be folded by the next compaction: the most rows any insert of the
-- intake wrote. The insert trigger now sums the batch per district and day first, so a
-- batch of hundreds of ratings adds a row per district it touched. The figures read the
-- same sums (rating_figures is summed by district and day wherever it is read).
create or replace function rating_figures_on_insert() returns trigger language plpgsql as $$
begin
    perform 1 from station where id in (select station_id from inserted) order by id for share;
    insert into rating_figures
    select f.district_code, f.rating_day,
           sum(f.counted)::integer,
           sum(f.stars)::integer,
           sum(f.satisfied)::integer,
           sum(f.held)::integer,
           sum(f.rejected)::integer,
           sum(f.rider)::integer,
           sum(f.rider_stars)::integer,
           sum(f.rider_satisfied)::integer,
           sum(f.courier)::integer,
           sum(f.courier_stars)::integer,
           sum(f.courier_satisfied)::integer,
           sum(f.sanitation)::integer,
           sum(f.sanitation_stars)::integer,
           sum(f.sanitation_satisfied)::integer,
           sum(f.driver)::integer,
           sum(f.driver_stars)::integer,
           sum(f.driver_satisfied)::integer,
           sum(f.police)::integer,
           sum(f.police_stars)::integer,
           sum(f.police_satisfied)::integer,
           sum(f.other)::integer,
           sum(f.other_stars)::integer,
           sum(f.other_satisfied)::integer,
           sum(f.unstated)::integer,
           sum(f.unstated_stars)::integer,
           sum(f.unstated_satisfied)::integer,
           sum(f.tag_clean)::integer,
           sum(f.tag_well_equipped)::integer,
           sum(f.tag_open_on_time)::integer,
           sum(f.tag_friendly)::integer,
           sum(f.tag_not_open)::integer,
           sum(f.tag_facility_broken)::integer,
           sum(f.tag_unhygienic)::integer,
           sum(f.tag_out_of_supplies)::integer,
           sum(f.tag_unattended)::integer,
           false
    from inserted n
    join station s on s.id = n.station_id
    cross join lateral rating_figures_row(s.district_code, n.rating_day, 1, n.status, n.stars, n.tags,
                                          n.category) f
    group by f.district_code, f.rating_day;
    return null;
end
$$;

-- The station roll-up's deltas (V16), likewise: one row per station and day of a batch.
create or replace function rating_station_figures_on_insert() returns trigger language plpgsql as $$
begin
    insert into rating_station_delta
    select f.station_id, f.rating_day, sum(f.counted)::integer, sum(f.stars)::integer, sum(f.satisfied)::integer
    from inserted n
    cross join lateral rating_station_delta_row(n.station_id, n.rating_day, 1, n.status, n.stars) f
    group by f.station_id, f.rating_day;
    return null;
end
$$;
