-- Operators (issue 17, item 7; ADR 0034): a property company that runs a station for its host
-- under a contract (托管协议) with dates and duties. While a contract is in force the station's
-- cases go to the operator's contact first, then up the responsibility chain. At most one
-- contract is in force at a station on any day: checked under the station's advisory lock
-- when a contract is signed (no btree_gist here for an exclusion constraint).
create table operator_contract (
    id           bigint generated always as identity primary key,
    station_id   bigint        not null references station (id),
    operator     varchar(60)   not null,
    contact_id   bigint        not null references account (id),
    starts_on    date          not null,
    ends_on      date          not null check (ends_on >= starts_on),
    duties       varchar(16)[] not null check (cardinality(duties) between 1 and 8),
    signed_at    timestamptz   not null,
    signed_by    varchar(64)   not null,
    version      bigint        not null default 0
);
create index operator_contract_station on operator_contract (station_id, starts_on);
