-- When and how a worker's "shut" report was settled (issue 20 item 5, "the time from a shut
-- report to its resolution"): its station confirmed open by its host, master or union, or
-- suspended, or delisted, whichever came first after the report. A report nobody settled yet
-- has neither. Only SHUT reports are settled this way; the other kinds are corrections the
-- station's case carries.
alter table listing_report
    add column resolved_at timestamptz,
    add column resolution  varchar(16)
        check (resolution in ('CONFIRMED_OPEN', 'SUSPENDED', 'DELISTED')),
    add check ((resolved_at is null) = (resolution is null));
-- settling looks for a station's open shut reports; the figures read a month's reports
create index listing_report_unsettled on listing_report (station_id) where kind = 'SHUT' and resolved_at is null;
create index listing_report_month on listing_report (created_at) where kind = 'SHUT';
