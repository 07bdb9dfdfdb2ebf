-- A smart station's door device is a fresh signal too (issue 20 item 1, ADR 0028): a device
-- that calls in, with an entry or its heartbeat, says the station's self-service door works.
alter table station_freshness drop constraint station_freshness_confirmed_by_check;
alter table station_freshness add constraint station_freshness_confirmed_by_check
    check (confirmed_by in ('REGISTRY', 'RATING', 'CHECK_IN', 'INSPECTION', 'CONFIRMATION', 'DOOR'));
