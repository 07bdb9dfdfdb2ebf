-- The union tree becomes editable: streets (乡镇/街道, nine-digit NBS codes, loaded per district
-- on demand) and industry unions (产业/行业工会, codes such as 330106-I01) join it, and a district
-- can be merged into another after a re-division. A merged organisation is kept, marked MERGED
-- with its successor and end date, so its old code still resolves.
alter table organization alter column code type varchar(20);
alter table organization alter column parent_code type varchar(20);
alter table organization drop constraint organization_kind_check;
alter table organization add constraint organization_kind_check
    check (kind in ('NATIONAL', 'PROVINCE', 'CITY', 'DISTRICT', 'STREET', 'INDUSTRY'));
alter table organization add column status varchar(16) not null default 'ACTIVE'
    check (status in ('ACTIVE', 'MERGED'));
alter table organization add column merged_into varchar(20) references organization (code);
alter table organization add column ended_on date;
alter table organization add constraint organization_merged_check
    check ((status = 'MERGED') = (merged_into is not null and ended_on is not null));

-- Every rename and merge of an organisation, with the state before and after, who and when.
create table organization_history (
    id                bigint generated always as identity primary key,
    organization_code varchar(20)   not null references organization (code),
    action            varchar(16)   not null check (action in ('RENAME', 'MERGE', 'ABSORB')),
    before_summary    varchar(500)  not null,
    after_summary     varchar(500)  not null,
    username          varchar(100)  not null,
    occurred_at       timestamptz   not null default now()
);
create index organization_history_code_idx on organization_history (organization_code, occurred_at);
