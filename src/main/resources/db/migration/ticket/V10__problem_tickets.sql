-- Problem tickets as the ticket slice uses them (the tables are V8's).

-- One phone reporting the same problem of the same station twice while the first report is
-- still open gets the first ticket's number back instead of a second ticket. The index makes
-- that hold under concurrent requests too: the second insert fails and finds the first.
create unique index problem_ticket_open_report_idx on problem_ticket (station_id, problem, device_hash)
    where status = 'OPEN' and device_hash is not null;

-- The per-device limit counts a device's recent reports.
create index problem_ticket_device_idx on problem_ticket (device_hash, created_at) where device_hash is not null;

-- A union's queue: open tickets escalated to it.
create index problem_ticket_union_idx on problem_ticket (assignee_union_code) where status = 'OPEN';

-- Each step records the deadline it set and the levels of the chain it passed over because no
-- one (or no enabled account) held them, so the history says why a ticket went where it went.
alter table problem_ticket_history add column due_at timestamptz;
alter table problem_ticket_history add column skipped_levels varchar(24)[] not null default '{}';
