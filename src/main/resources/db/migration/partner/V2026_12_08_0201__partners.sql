-- Programme partners (issue 24): the 工会出政策、平台出技术出管理、商家出场地出服务 model. A partner (a
-- delivery platform, a bank's head office, a petrol company, a foundation) stands beside the union
-- tree: it is registered by the union it signed with, whose admins manage it, and it reaches only
-- the programmes it takes part in.
create table partner (
    id          bigint generated always as identity primary key,
    name        varchar(100) not null,
    kind        varchar(16)  not null check (kind in ('PLATFORM', 'BANK', 'PETROL', 'FOUNDATION', 'OTHER')),
    union_code  varchar(12)  not null references organization (code),
    created_by  varchar(64)  not null,
    created_at  timestamptz  not null,
    -- where signed webhooks go, and the secret they are signed with (sealed: it is the partner's
    -- credential to trust us, and must be read back to sign, so it cannot be hashed)
    webhook_url           varchar(500),
    webhook_secret_sealed text
);
create unique index partner_name_key on partner (lower(name));

-- An account speaks for at most one partner; its PARTNER_* role reaches nothing without this row.
create table partner_account (
    account_id  bigint primary key references account (id),
    partner_id  bigint not null references partner (id),
    bound_by    varchar(64) not null,
    bound_at    timestamptz not null
);
create index partner_account_partner on partner_account (partner_id);

-- onboarding's programmes with their partners and their brand
create table partner_programme (
    programme_id bigint not null references programme (id),
    partner_id   bigint not null references partner (id),
    added_by     varchar(64) not null,
    added_at     timestamptz not null,
    primary key (programme_id, partner_id)
);
create index partner_programme_partner on partner_programme (partner_id);

create table programme_brand (
    programme_id bigint primary key references programme (id),
    brand_name   varchar(60)  not null,
    sign_text    varchar(60)  not null,
    updated_by   varchar(64)  not null,
    updated_at   timestamptz  not null
);

-- A station belongs to at most one programme at a time, besides its district union which always
-- supervises it; run_by says who runs it day to day. A hand-over sets run_by to UNION and keeps
-- the row: the history of who ran it, when, stays in programme_station_history.
create table programme_station (
    station_id   bigint primary key references station (id),
    programme_id bigint not null references programme (id),
    run_by       varchar(8)  not null check (run_by in ('PARTNER', 'UNION')),
    joined_at    timestamptz not null,
    version      bigint      not null default 0
);
create index programme_station_programme on programme_station (programme_id);

create table programme_station_history (
    id           bigint generated always as identity primary key,
    station_id   bigint      not null references station (id),
    programme_id bigint      not null references programme (id),
    action       varchar(16) not null check (action in ('JOINED', 'HANDED_OVER')),
    run_by       varchar(8)  not null check (run_by in ('PARTNER', 'UNION')),
    acted_by     varchar(64) not null,
    acted_at     timestamptz not null
);
create index programme_station_history_station on programme_station_history (station_id, acted_at);

-- API keys: only the SHA-256 of the 32 random bytes is kept (no salt needed), shown once.
create table partner_api_key (
    id           bigint generated always as identity primary key,
    partner_id   bigint       not null references partner (id),
    label        varchar(60)  not null,
    key_hash     bytea        not null unique check (length(key_hash) = 32),
    created_by   varchar(64)  not null,
    created_at   timestamptz  not null,
    revoked_at   timestamptz,
    last_used_at timestamptz
);
create index partner_api_key_partner on partner_api_key (partner_id);

-- What changed at a programme's stations, in the order it happened: the id is the cursor a partner
-- reads "changes since" with. Appended after the station's own commit, from its events.
create table partner_change (
    id           bigint generated always as identity primary key,
    programme_id bigint      not null references programme (id),
    station_id   bigint      not null references station (id),
    kind         varchar(16) not null check (kind in ('LISTED', 'SUSPENDED', 'DELISTED', 'JOINED', 'HANDED_OVER')),
    occurred_at  timestamptz not null
);
create index partner_change_programme on partner_change (programme_id, id);

-- Signed webhooks to a partner, one row per change and partner: the row's id is the idempotency id
-- the receiver deduplicates on; retried with growing pauses until it is acknowledged (2xx) or
-- given up.
create table partner_webhook_delivery (
    id              uuid        primary key,
    partner_id      bigint      not null references partner (id),
    change_id       bigint      not null references partner_change (id),
    payload         text        not null,
    attempts        integer     not null default 0,
    next_attempt_at timestamptz,
    delivered_at    timestamptz,
    last_status     integer,
    last_error      varchar(300),
    unique (partner_id, change_id)
);
create index partner_webhook_delivery_due on partner_webhook_delivery (next_attempt_at) where delivered_at is null and next_attempt_at is not null;
