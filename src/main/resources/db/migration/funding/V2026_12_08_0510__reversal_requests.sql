-- A correction of the ledger under maker-checker (issue 16, item 4; ADR 0036): a reversal is
-- first requested, with its reason, by one person and written to the ledger only when another
-- approves it, as a payment batch is. A payment has at most one open request; once its reversal
-- is in the ledger, the ledger's unique reverses_id refuses a second.
create table funding_reversal (
    id            bigint generated always as identity primary key,
    entry_id      bigint       not null references funding_ledger (id),
    reason        varchar(500) not null,
    status        varchar(10)  not null check (status in ('REQUESTED', 'DONE')),
    requested_by  varchar(64)  not null,
    requested_at  timestamptz  not null,
    approved_by   varchar(64),
    approved_at   timestamptz,
    ledger_id     bigint       unique references funding_ledger (id),
    check ((status = 'DONE') = (ledger_id is not null and approved_by is not null)),
    check (approved_by is null or approved_by <> requested_by)
);
create unique index funding_reversal_open_idx on funding_reversal (entry_id) where status = 'REQUESTED';
create index funding_reversal_entry_idx on funding_reversal (entry_id);
