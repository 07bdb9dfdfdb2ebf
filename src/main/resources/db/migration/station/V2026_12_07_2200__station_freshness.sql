-- Truthful listings (issue 20, ADR 0028): when each station was last confirmed by a fresh signal
-- (a counted rating, a check-in, an inspection, its host or master confirming its hours) and
-- whether it is held as 待核实 (unverified) because independent workers reported it shut.
-- A table of its own rather than columns on station: a signal arrives thousands of times a day
-- and must not move the station's version, which the console's edit forms and the copies of the
-- stations compare (a rating would otherwise turn a clerk's save into a stale-version refusal).
-- A station without a row counts from its last change of status (the registry's own word).
create table station_freshness (
    station_id        bigint      primary key references station (id),
    confirmed_at      timestamptz not null,
    confirmed_by      varchar(16) not null
        check (confirmed_by in ('REGISTRY', 'RATING', 'CHECK_IN', 'INSPECTION', 'CONFIRMATION')),
    -- the last time its host, master or union confirmed it open (only that releases a hold, and
    -- only reports after it count towards the next)
    person_confirmed_at timestamptz,
    unverified_since  timestamptz,
    unverified_reason varchar(32),
    changed_at        timestamptz not null,
    check ((unverified_since is null) = (unverified_reason is null))
);
-- the copies read what changed since their last look
create index station_freshness_changed on station_freshness (changed_at);
