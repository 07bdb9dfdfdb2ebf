-- What selection measured of an application (issue 14, item 4): the coverage a station at its
-- site would add to its district (shares of the district's demand, computed by the coverage
-- module, by day and at night), its nearest listed station against the spacing rule, and its
-- site against the checklist in force, counted. Rewritten whole each time the applications
-- of a union are scored; the item-by-item explanation is computed afresh on the application's
-- page. Null coverage figures: the district has no boundary on file to measure on.
create table application_score (
    application_id         bigint           primary key references application (id) on delete cascade,
    scored_at              timestamptz      not null,
    reached                double precision,
    day_single             double precision,
    day_cross              double precision,
    night_single           double precision,
    night_cross            double precision,
    nearest_station_code   varchar(32),
    nearest_station_m      double precision,
    within_spacing         boolean          not null,
    conditions_met         integer          not null,
    required_failed        integer          not null,
    conditions_open        integer          not null
);

create index application_score_day_single_idx on application_score (day_single desc nulls last);
