-- A worker answering a prompt after a rating that the listing is right is a fresh signal
-- (issue 20 item 3, ADR 0028).
alter table station_freshness drop constraint station_freshness_confirmed_by_check;
alter table station_freshness add constraint station_freshness_confirmed_by_check
    check (confirmed_by in ('REGISTRY', 'RATING', 'CHECK_IN', 'INSPECTION', 'CONFIRMATION', 'DOOR', 'PROMPT'));
