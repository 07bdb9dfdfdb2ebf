-- Two phones reporting the same problem of a station open two tickets (a phone's own
-- repeat is caught at intake, another phone's cannot be told apart from a new problem).
-- The holder merges one into the other: the merged ticket is closed as RESOLVED with
-- merged_into_id naming the surviving ticket (its reporter's status page points there),
-- and the surviving ticket counts the reports it now stands for.
alter table problem_ticket add column merged_into_id bigint references problem_ticket (id);
alter table problem_ticket add column report_count integer not null default 1 check (report_count >= 1);
alter table problem_ticket add constraint problem_ticket_merged_resolved_check
    check (merged_into_id is null or (status = 'RESOLVED' and merged_into_id <> id));
create index problem_ticket_merged_into_idx on problem_ticket (merged_into_id) where merged_into_id is not null;

-- The merge is a step of the merged ticket's history.
alter table problem_ticket_history drop constraint problem_ticket_history_event_check;
alter table problem_ticket_history add constraint problem_ticket_history_event_check
    check (event in ('OPENED', 'ESCALATED', 'RESOLVED', 'MERGED'));
