-- Programmes and targets (issue 14, item 7): a union's programme of new stations (Shanxi's 200
-- stations as a 民生实事 in 2021, Xi'an's 1,000 covering the main urban area) with its target and
-- period; its progress is counted from the applications of its union's subtree in the period.
create table programme (
    id                 bigint generated always as identity primary key,
    name               varchar(100)  not null,
    organization_code  varchar(12)   not null references organization (code),
    target_count       integer       not null check (target_count between 1 and 1000000),
    starts_on          date          not null,
    ends_on            date          not null,
    created_at         timestamptz   not null,
    check (starts_on <= ends_on)
);
create index programme_organization_idx on programme (organization_code);
