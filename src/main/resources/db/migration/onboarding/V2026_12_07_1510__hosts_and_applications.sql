-- Onboarding (issue 14, items 2 and 3): the hosts that build stations, their sites and contacts,
-- and the applications a host sends, without an account, to have a station at one of its sites.

-- A host (承建单位 / 爱心商家 / 共建单位): one per unified social credit code (GB 32100-2015), the
-- code checked by its check digit before it gets here. The union that first met it (the
-- district of its first application, or the union of the staff who registered it) scopes who
-- may read it.
create table host (
    id                 bigint generated always as identity primary key,
    credit_code        char(18)     not null unique,
    name               varchar(100) not null,
    kind               varchar(32)  not null,
    organization_code  varchar(12)  not null references organization (code),
    created_at         timestamptz  not null,
    updated_at         timestamptz  not null
);

-- The people to call at a host. Phone and e-mail are personal data, sealed (platform.privacy);
-- a sealed value differs every time, so equal numbers cannot be found by comparing the column.
create table host_contact (
    id            bigint generated always as identity primary key,
    host_id       bigint       not null references host (id),
    name          varchar(50)  not null,
    phone_sealed  varchar(200) not null,
    email_sealed  varchar(400),
    created_at    timestamptz  not null
);
create index host_contact_host_idx on host_contact (host_id);

-- A place of a host where a station is or could be (a bank with 28 branches has 28 sites), in
-- WGS-84 whatever system it was given in.
create table host_site (
    id              bigint generated always as identity primary key,
    host_id         bigint           not null references host (id),
    district_code   varchar(12)      not null references organization (code),
    address         varchar(200)     not null,
    lat             double precision not null check (lat between -90 and 90),
    lon             double precision not null check (lon between -180 and 180),
    area_m2         numeric(6, 1)    not null check (area_m2 >= 1 and area_m2 < 10000),
    floor           smallint         not null check (floor <> 0 and floor between -5 and 200),
    facing_street   boolean          not null,
    created_at      timestamptz      not null
);
create index host_site_host_idx on host_site (host_id);
-- Duplicate checks look for sites within 50 m: a latitude band, then longitude, then haversine.
create index host_site_position_idx on host_site (lat, lon);

-- An application for a station at a site. The token is the applicant's key to the status page
-- (128 random bits); it is kept as given so that later status mails can carry the link.
create table application (
    id                 bigint generated always as identity primary key,
    token              varchar(32)    not null unique,
    host_id            bigint         not null references host (id),
    site_id            bigint         not null references host_site (id),
    contact_id         bigint         not null references host_contact (id),
    district_code      varchar(12)    not null references organization (code),
    station_name       varchar(60)    not null,
    amenities          varchar(32)[]  not null,
    opening_hours      varchar(255)   not null,
    build_mode         varchar(24)    not null check (build_mode in ('SELF_BUILT', 'SUPPORT_REQUESTED')),
    description        varchar(1000),
    status             varchar(24)    not null check (status in ('SUBMITTED', 'UNDER_REVIEW',
                           'MORE_INFO_REQUESTED', 'APPROVED', 'REJECTED', 'WITHDRAWN')),
    duplicate          boolean        not null,
    area_checked       boolean        not null,
    created_at         timestamptz    not null,
    status_changed_at  timestamptz    not null,
    version            bigint         not null
);
create index application_district_idx on application (district_code, status, created_at desc);
create index application_host_idx on application (host_id);

-- Co-builders of one application (合建, seed 000): other hosts that build the station with it.
create table application_co_builder (
    application_id  bigint not null references application (id),
    host_id         bigint not null references host (id),
    primary key (application_id, host_id)
);

-- The scene photos, 1 to 9, re-encoded without EXIF (station.EvidencePhotos) and kept by key.
create table application_photo (
    application_id  bigint      not null references application (id),
    position        smallint    not null check (position between 1 and 9),
    photo_key       varchar(80) not null,
    primary key (application_id, position)
);
create index application_photo_key_idx on application_photo (photo_key);

-- Why an application is flagged as a possible duplicate: another application or a listed
-- station within 50 m, or the same credit code applied before. Flagged, not refused.
create table application_flag (
    id                     bigint generated always as identity primary key,
    application_id         bigint           not null references application (id),
    kind                   varchar(24)      not null check (kind in ('NEAR_APPLICATION', 'NEAR_STATION',
                               'SAME_CREDIT_CODE')),
    other_application_id   bigint           references application (id),
    station_id             bigint           references station (id),
    distance_m             double precision
);
create index application_flag_application_idx on application_flag (application_id);

-- Every status an application has had, with who moved it (null: the applicant) and why.
create table application_status_change (
    id              bigint generated always as identity primary key,
    application_id  bigint        not null references application (id),
    status          varchar(24)   not null,
    changed_at      timestamptz   not null,
    account_id      bigint,
    note            varchar(1000)
);
create index application_status_change_idx on application_status_change (application_id, changed_at);

-- Mail to applicants, who have no account (notification's outbox reaches accounts only):
-- written with the change it tells of, sent later by OnboardingMailOutbox.
create table application_mail (
    id              bigint generated always as identity primary key,
    application_id  bigint        not null references application (id),
    email_sealed    varchar(400)  not null,
    subject         varchar(200)  not null,
    body            text          not null,
    status          varchar(16)   not null check (status in ('PENDING', 'SENT', 'RECORDED', 'FAILED')),
    attempts        integer       not null default 0,
    next_attempt_at timestamptz   not null,
    created_at      timestamptz   not null,
    sent_at         timestamptz,
    last_error      varchar(500)
);
create index application_mail_due_idx on application_mail (next_attempt_at) where status = 'PENDING';
