-- A notice about something that has since been settled (a ticket resolved, or passed on to
-- someone else) says so, in both languages, so that its recipient does not read a deadline
-- for work that is done. The module that wrote the notice settles it by kind and key; a
-- settled notice counts as read.
alter table notification add column settled_at timestamptz;
alter table notification add column settled_zh varchar(200);
alter table notification add column settled_en varchar(200);
create index notification_kind_key_idx on notification (kind, dedupe_key) where settled_at is null;

-- Mail of a notice settled before it went out is not sent any more: it would carry the
-- deadline the notice no longer stands by. Mail already sent stays sent.
alter table mail_outbox drop constraint mail_outbox_status_check;
alter table mail_outbox alter column status type varchar(9);
alter table mail_outbox add constraint mail_outbox_status_check
    check (status in ('PENDING', 'SENT', 'FAILED', 'CANCELLED'));
