-- The four-level responsibility chain of a station (Qingdao's 站长 → 联络员 → 总站长 → 市总工会
-- 督导): who answers for it, from the person who runs it up to the supervising union. Problem
-- tickets escalate along it. Each level is an account, except the last, which is a union.
create table station_responsibility (
    station_id              bigint      primary key references station (id) on delete cascade,
    station_master_id       bigint      references account (id),
    liaison_id              bigint      references account (id),
    general_station_master_id bigint    references account (id),
    supervising_union_code  varchar(20) not null references organization (code),
    updated_at              timestamptz not null,
    version                 bigint      not null
);
create index station_responsibility_master_idx on station_responsibility (station_master_id);
create index station_responsibility_liaison_idx on station_responsibility (liaison_id);
create index station_responsibility_general_idx on station_responsibility (general_station_master_id);
