-- The notification centre (one inbox per account), its e-mail outbox, the digests that fill
-- it (Qingdao's 日督导、周整改、月完善), and the e-mail address the mail goes to.

-- Sealed like the mobile number: the privacy cipher's value, never the address in clear.
alter table account add column email_sealed text;

-- One row per notice an account received. Subject and body are kept in both languages of
-- the console, as they were written at delivery: a digest describes its day, not today.
-- The body is a list of sections of lines (text and an optional console link), never HTML,
-- so whatever shows it escapes it. (account, kind, dedupe_key) makes a notice one of a
-- kind: a digest's period delivered twice is one notification.
create table notification (
    id          bigint generated always as identity primary key,
    account_id  bigint        not null references account (id) on delete cascade,
    kind        varchar(40)   not null,
    dedupe_key  varchar(60)   not null,
    link        varchar(300),
    subject_zh  varchar(200)  not null,
    subject_en  varchar(200)  not null,
    body_zh     jsonb         not null,
    body_en     jsonb         not null,
    created_at  timestamptz   not null,
    read_at     timestamptz,
    unique (account_id, kind, dedupe_key)
);
create index notification_inbox_idx on notification (account_id, created_at desc, id desc);
create index notification_unread_idx on notification (account_id) where read_at is null;
create index notification_created_idx on notification (created_at);

-- E-mail waiting to go out, one per notification. Written in the notification's
-- transaction and sent by a job, so a mail server outage delays mail but never loses or
-- blocks a notice. The address is read from the account when the mail is sent.
create table mail_outbox (
    id              bigint generated always as identity primary key,
    notification_id bigint        not null unique references notification (id) on delete cascade,
    status          varchar(8)    not null check (status in ('PENDING', 'SENT', 'FAILED')),
    attempts        integer       not null default 0 check (attempts >= 0),
    next_attempt_at timestamptz   not null,
    last_error      varchar(500),
    created_at      timestamptz   not null,
    sent_at         timestamptz
);
create index mail_outbox_due_idx on mail_outbox (next_attempt_at) where status = 'PENDING';

-- What each recipient was given for each digest period: a notification, or nothing because
-- there was nothing to say (notification_id null). The key is what makes a digest go out
-- exactly once per recipient and period, whichever instance gets there first.
create table digest (
    account_id      bigint        not null references account (id) on delete cascade,
    kind            varchar(8)    not null check (kind in ('DAILY', 'WEEKLY', 'MONTHLY')),
    period_start    date          not null,
    decided_at      timestamptz   not null,
    notification_id bigint        references notification (id) on delete set null,
    primary key (account_id, kind, period_start)
);
create index digest_period_idx on digest (kind, period_start);
