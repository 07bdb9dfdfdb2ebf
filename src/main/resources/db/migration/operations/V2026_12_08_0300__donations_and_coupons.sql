-- Donated goods and coupons at stations (issue 17, item 5; ADR 0034).
--
-- A donation is what one donor (the station's host, a company, a foundation) gave a station:
-- an item, its unit and how many. Claims are counted, never who claimed: donation_claim keeps
-- each recorded batch (how many, when, recorded by whom) so that a period's claims can be
-- summed, and donation.claimed their total, which can never pass what was donated.
create table donation (
    id          bigint generated always as identity primary key,
    station_id  bigint      not null references station (id),
    donor_kind  varchar(12) not null check (donor_kind in ('HOST', 'COMPANY', 'FOUNDATION')),
    donor       varchar(60) not null,
    name        varchar(60) not null,
    unit        varchar(10) not null,
    quantity    integer     not null check (quantity between 1 and 100000),
    claimed     integer     not null default 0 check (claimed >= 0),
    donated_on  date        not null,
    recorded_at timestamptz not null,
    recorded_by varchar(64) not null,
    version     bigint      not null default 0,
    check (claimed <= quantity)
);
create index donation_station on donation (station_id, donated_on);

create table donation_claim (
    id          bigint generated always as identity primary key,
    donation_id bigint      not null references donation (id),
    station_id  bigint      not null references station (id),
    claims      integer     not null check (claims between 1 and 5000),
    day         date        not null,
    recorded_at timestamptz not null,
    recorded_by varchar(64) not null
);
create index donation_claim_station on donation_claim (station_id, day);

-- A coupon (优惠券, e.g. a cooling drink) a funder offers at one station for a range of days,
-- up to a number of redemptions (the funder's budget). A worker's phone redeems it at most
-- once a day: coupon_guard keeps the phone's keyed hash for the day it redeemed on and is
-- purged once that day is over. coupon_day counts the redemptions per day for the funder.
create table coupon (
    id          bigint generated always as identity primary key,
    station_id  bigint      not null references station (id),
    funder      varchar(60) not null,
    title       varchar(40) not null,
    starts_on   date        not null,
    ends_on     date        not null check (ends_on >= starts_on),
    total       integer     not null check (total between 1 and 100000),
    redeemed    integer     not null default 0 check (redeemed >= 0),
    created_at  timestamptz not null,
    created_by  varchar(64) not null,
    check (redeemed <= total)
);
create index coupon_station on coupon (station_id, ends_on);

create table coupon_guard (
    coupon_id   bigint not null references coupon (id),
    device_hash bytea  not null check (length(device_hash) = 16),
    day         date   not null,
    primary key (coupon_id, day, device_hash)
);
create index coupon_guard_day on coupon_guard (day);

create table coupon_day (
    coupon_id bigint  not null references coupon (id),
    day       date    not null,
    redeemed  integer not null check (redeemed >= 0),
    primary key (coupon_id, day)
);
