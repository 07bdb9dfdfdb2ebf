-- A smart station's door device that stops calling in opens a case of its own source (issue 17,
-- item 2; ADR 0029): nobody reported it, no inspection found it, the equipment did.
alter table problem_ticket drop constraint problem_ticket_source_check;
alter table problem_ticket add constraint problem_ticket_source_check
    check (source in ('QR_REPORT', 'SELF_CHECK', 'STAFF', 'INSPECTION', 'DEVICE'));
