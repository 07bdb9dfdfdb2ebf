-- Accounts: who signs in, in which organisation, with which roles. The username is unique
-- regardless of case (Admin and admin are one person to a reader). Personal data (mobile,
-- ID number) is stored sealed by the privacy cipher, never in clear.
create table account (
    id                   bigint generated always as identity primary key,
    username             varchar(64)   not null,
    display_name         varchar(100)  not null,
    organization_code    varchar(12)   not null references organization (code),
    roles                varchar(32)[] not null check (cardinality(roles) > 0 and roles <@ array[
                             'ORG_ADMIN', 'REVIEWER', 'INSPECTOR', 'FINANCE', 'AUDITOR', 'STATION_MASTER',
                             'LIAISON', 'HOST', 'EVALUATOR']::varchar(32)[]),
    enabled              boolean       not null default true,
    locked_until         timestamptz,
    failed_attempts      integer       not null default 0 check (failed_attempts >= 0),
    password_hash        varchar(255)  not null,
    password_changed_at  timestamptz   not null,
    must_change_password boolean       not null default false,
    mobile_sealed        text,
    id_number_sealed     text,
    -- HOST: the host (承建单位) the account speaks for; a name until hosts become records.
    host_name            varchar(100),
    -- EVALUATOR: the last day of the contract; access ends after it.
    contract_ends_on     date,
    created_at           timestamptz   not null,
    updated_at           timestamptz   not null,
    version              bigint        not null
);
create unique index account_username_key on account (lower(username));
create index account_organization_idx on account (organization_code);

-- STATION_MASTER and LIAISON: the stations the account runs.
create table account_station (
    account_id bigint not null references account (id) on delete cascade,
    station_id bigint not null references station (id),
    primary key (account_id, station_id)
);
create index account_station_station_idx on account_station (station_id);

-- Personal access tokens for integrations. Only the SHA-256 of the token is kept: the
-- value is shown once, at creation, and cannot be recovered from the database.
create table access_token (
    id           bigint generated always as identity primary key,
    account_id   bigint       not null references account (id) on delete cascade,
    name         varchar(60)  not null,
    token_hash   char(64)     not null unique,
    scopes       varchar(8)[] not null check (cardinality(scopes) > 0 and scopes <@ array['READ', 'WRITE']::varchar(8)[]),
    created_at   timestamptz  not null,
    expires_at   timestamptz  not null,
    revoked_at   timestamptz,
    last_used_at timestamptz
);
create index access_token_account_idx on access_token (account_id);

-- Spring Session JDBC (its schema-postgresql.sql): console sessions live in the database so
-- that any instance serves any request.
create table spring_session (
    primary_id            char(36)     not null,
    session_id            char(36)     not null,
    creation_time         bigint       not null,
    last_access_time      bigint       not null,
    max_inactive_interval int          not null,
    expiry_time           bigint       not null,
    principal_name        varchar(100),
    constraint spring_session_pk primary key (primary_id)
);
create unique index spring_session_ix1 on spring_session (session_id);
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);

create table spring_session_attributes (
    session_primary_id char(36)     not null,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea        not null,
    constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
    constraint spring_session_attributes_fk foreign key (session_primary_id) references spring_session (primary_id) on delete cascade
);
