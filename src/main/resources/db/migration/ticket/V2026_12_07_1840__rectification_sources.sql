-- One rectification flow for every source (issue 15, item 4): a case is opened by a worker's
-- QR report (every case so far), by a station master's self-check, by union staff (a 12351
-- hotline call) or by an inspection's failed item, and carries that source for good.
alter table problem_ticket add column source varchar(16) not null default 'QR_REPORT'
    check (source in ('QR_REPORT', 'SELF_CHECK', 'STAFF', 'INSPECTION'));
-- The default migrates the rows there are and keeps writers that predate the column (the
-- digests' test fixtures insert reports directly) working; the ticket module names the source of
-- every case it opens.

-- Cases that staff, stations and inspections open are due by their severity; a worker's report
-- keeps its problem type's deadline and has none.
alter table problem_ticket add column severity varchar(12)
    check (severity in ('URGENT', 'SERIOUS', 'GENERAL'));
alter table problem_ticket add constraint problem_ticket_source_severity_check
    check ((source = 'QR_REPORT') = (severity is null));

-- Who opened it (a worker's report: nobody), the hotline caller's phone sealed with the personal
-- data key ring, and an inspection's item, the case it belongs to and its "before" photo.
alter table problem_ticket add column opened_by bigint references account (id);
alter table problem_ticket add column caller_phone_sealed varchar(200);
alter table problem_ticket add column item_code varchar(64);
alter table problem_ticket add column item_text varchar(500);
alter table problem_ticket add column reference varchar(200);
alter table problem_ticket add column before_photo_key varchar(200);
alter table problem_ticket add constraint problem_ticket_inspection_item_check
    check ((source = 'INSPECTION') = (item_code is not null));

-- An inspection's case is closed by a re-check (回头看), not by its holder: the station side marks
-- it rectified with an "after" photo (status RECTIFIED), and the re-check closes it or sends it back.
alter table problem_ticket add column rectified_at timestamptz;
alter table problem_ticket add column rectified_by bigint references account (id);
alter table problem_ticket add column rectification_note varchar(1000);
alter table problem_ticket add column after_photo_key varchar(200);
alter table problem_ticket drop constraint problem_ticket_status_check;
alter table problem_ticket add constraint problem_ticket_status_check
    check (status in ('OPEN', 'RECTIFIED', 'RESOLVED'));
alter table problem_ticket add constraint problem_ticket_rectified_check
    check (status <> 'RECTIFIED' or (source = 'INSPECTION' and after_photo_key is not null));

-- A worker may reopen a resolved case within seven days of its resolution.
alter table problem_ticket add column reopen_count integer not null default 0 check (reopen_count >= 0);

-- Staff and inspections name problems a worker's report does not offer.
alter table problem_ticket drop constraint problem_ticket_problem_check;
alter table problem_ticket add constraint problem_ticket_problem_check
    check (problem in ('CLOSED_WHEN_LISTED_OPEN', 'BROKEN_FACILITY', 'MISSING_SUPPLIES', 'SAFETY', 'FAILED_ITEM',
        'OTHER'));

-- The list's filter by source, over the cases not closed yet.
create index problem_ticket_source_idx on problem_ticket (source, due_at) where status <> 'RESOLVED';

alter table problem_ticket_history alter column event type varchar(16);
alter table problem_ticket_history drop constraint problem_ticket_history_event_check;
alter table problem_ticket_history add constraint problem_ticket_history_event_check
    check (event in ('OPENED', 'ESCALATED', 'RESOLVED', 'MERGED', 'RECTIFIED', 'RECHECK_PASSED', 'RECHECK_FAILED',
        'REOPENED'));
