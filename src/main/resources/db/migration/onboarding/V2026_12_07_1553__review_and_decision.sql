-- Review and decision (issue 14, item 5): the field visit against the checklist in force, the
-- committee's votes, the station an approval created and the HOST account a host was given.

-- Committee mode: two of three reviewers must agree. The round counts the times the
-- application was taken under review, so votes cast before the applicant answered a question
-- do not count towards the decision on the answer.
alter table application
    add column committee     boolean not null default false,
    add column review_round  integer not null default 0,
    add column station_id    bigint references station (id);

-- The HOST account made for a host at its first approval; later approvals of the same host are
-- reached by that account through the station's host name.
alter table host add column account_id bigint;

-- A field visit: the checklist in force for the district at the time, kept with its version,
-- so the answers are read against the items that were asked.
create table application_visit (
    id                    bigint generated always as identity primary key,
    application_id        bigint        not null references application (id),
    checklist_id          bigint        not null,
    checklist_version_id  bigint        not null,
    version_number        integer       not null,
    visited_at            timestamptz   not null,
    account_id            bigint        not null,
    note                  varchar(1000)
);
create index application_visit_application_idx on application_visit (application_id, visited_at desc);

-- One answer per checklist item: yes/no, a figure, a photo (re-encoded, by key), or, for an
-- amenity item, whether the application offers it.
create table application_visit_item (
    visit_id    bigint        not null references application_visit (id),
    item_code   varchar(40)   not null,
    yes         boolean,
    number      numeric(9, 2),
    photo_key   varchar(80),
    primary key (visit_id, item_code)
);
create index application_visit_item_photo_idx on application_visit_item (photo_key);

-- Each reviewer's vote in committee mode, one per reviewer and round.
create table application_vote (
    application_id  bigint        not null references application (id),
    review_round    integer       not null,
    account_id      bigint        not null,
    username        varchar(64)   not null,
    decision        varchar(16)   not null check (decision in ('APPROVE', 'REJECT')),
    reason          varchar(1000),
    voted_at        timestamptz   not null,
    primary key (application_id, review_round, account_id)
);
