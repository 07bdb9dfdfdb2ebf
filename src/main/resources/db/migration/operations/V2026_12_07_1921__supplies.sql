-- Supplies and medicine per station (issue 17, item 3; ADR 0023): what a station holds, how
-- many, when to restock, and for medicine when it expires; each change of a quantity is a
-- movement, so consumption can be summed.
create table supply_item (
    id          bigint generated always as identity primary key,
    station_id  bigint       not null references station (id),
    category    varchar(16)  not null,
    name        varchar(60)  not null,
    unit        varchar(10)  not null,
    quantity    integer      not null check (quantity between 0 and 100000),
    threshold   integer      not null check (threshold between 0 and 100000),
    expires_on  date,
    updated_at  timestamptz  not null,
    updated_by  varchar(64)  not null,
    version     bigint       not null default 0
);
create unique index supply_item_name on supply_item (station_id, lower(name));
create index supply_item_expiry on supply_item (expires_on) where expires_on is not null;

create table supply_movement (
    id             bigint generated always as identity primary key,
    item_id        bigint      not null references supply_item (id),
    station_id     bigint      not null references station (id),
    kind           varchar(16) not null,
    change         integer     not null,
    quantity_after integer     not null check (quantity_after >= 0),
    moved_at       timestamptz not null,
    moved_by       varchar(64) not null
);
create index supply_movement_station on supply_movement (station_id, moved_at);
