-- Monthly and yearly union reports (issue 18, item 3). A report keeps the figures it was made
-- from (the period's dashboard as JSON), not files: its PDF and Excel are drawn from them when
-- downloaded, in the reader's language, and read the same numbers every time. The schedule's
-- reports are one per union, kind and period: the partial unique index is what keeps a second
-- instance, or a second run, from making another; reports asked for on demand are each kept.
create table reporting_report (
    id          bigint generated always as identity primary key,
    union_code  varchar(12)  not null references organization (code),
    kind        varchar(8)   not null check (kind in ('MONTH', 'YEAR')),
    period      varchar(7)   not null,
    first_month date         not null,
    scheduled   boolean      not null,
    made_by     varchar(64)  not null,
    made_at     timestamptz  not null,
    figures     jsonb        not null
);
create unique index reporting_report_scheduled on reporting_report (union_code, kind, period) where scheduled;
create index reporting_report_union on reporting_report (union_code, first_month desc);
