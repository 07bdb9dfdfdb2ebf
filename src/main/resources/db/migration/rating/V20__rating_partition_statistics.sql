-- A month partition has no statistics until autovacuum first analyzes it, a minute or
-- more after its first rows; under load that is tens of thousands of ratings. Without
-- statistics, the planner judged the fingerprint rule's lookup (AnomalyRules) cheaper
-- through the station index than through the fingerprint index, and the intake's plans
-- are cached per connection: every lookup then read all of the station's ratings of the
-- day from the heap, and the intake ran at half its speed until the first analyze
-- replaced the plans. The intake therefore analyzes a month's partition itself once it
-- holds its first thousand ratings (RatingStatistics), through this function: the
-- application's role does not own the partitions, as it may not run DDL.
create function analyze_rating_partition(day date) returns boolean
    language plpgsql security definer set search_path = public as $$
declare
    name text := 'rating_' || to_char(day, 'YYYY_MM');
begin
    if to_regclass(name) is null
       or (select reltuples >= 0 from pg_class where oid = to_regclass(name)) then
        return false;
    end if;
    execute format('analyze %I', name);
    return true;
end
$$;
revoke all on function analyze_rating_partition(date) from public;
grant execute on function analyze_rating_partition(date) to "${app_role}";
