-- Grading (issue 16, items 1 and 2; ADR 0025): rules as data per owning union, yearly
-- assessment runs that propose a level and stars for every station with the evidence behind
-- each proposal, and the decisions that apply them to the station (station.StationGrades).

-- A union's grading rule; saving one makes a new version, so a run names exactly the rule it
-- applied and its explanations can be drawn again from the run's own rows.
create table grading_rule (
    id                bigint generated always as identity primary key,
    owner_code        varchar(12)    not null references organization (code),
    version           integer        not null,
    -- the lowest score (0..100) for 1, 2, 3, 4 and 5 stars, strictly rising
    star_thresholds   numeric(5, 1)[] not null check (cardinality(star_thresholds) = 5),
    -- the lowest score for the city, provincial and national level, strictly rising
    level_thresholds  numeric(5, 1)[] not null check (cardinality(level_thresholds) = 3),
    created_at        timestamptz    not null,
    created_by        varchar(100)   not null,
    unique (owner_code, version)
);

-- One criterion of a rule: its weight and the evidence value worth full marks and the one
-- worth none (points fall linearly between them; either may be the larger).
create table grading_criterion (
    rule_id    bigint        not null references grading_rule (id),
    criterion  varchar(24)   not null,
    weight     integer       not null check (weight >= 0),
    full_at    numeric(12, 2) not null,
    zero_at    numeric(12, 2) not null check (zero_at <> full_at),
    primary key (rule_id, criterion)
);

-- One assessment of a union's subtree for a year, under one rule version.
create table grading_run (
    id             bigint generated always as identity primary key,
    union_code     varchar(12)  not null references organization (code),
    union_path     varchar(200) not null,
    year           integer      not null,
    rule_id        bigint       not null references grading_rule (id),
    evidence_from  date         not null,
    evidence_to    date         not null,
    stations       integer      not null,
    started_at     timestamptz  not null,
    finished_at    timestamptz  not null,
    started_by     varchar(100) not null
);
create index grading_run_union_idx on grading_run (union_path, year);

-- A naming batch: the document (文号) and date under which a union decided a list of grades.
create table grading_batch (
    id               bigint generated always as identity primary key,
    run_id           bigint       not null references grading_run (id),
    union_code       varchar(12)  not null references organization (code),
    document_number  varchar(60)  not null,
    document_date    date         not null,
    stations         integer      not null,
    created_at       timestamptz  not null,
    created_by       varchar(100) not null,
    unique (union_code, document_number)
);

-- What a run proposes for one station, with the evidence it read (the explanation is the
-- rule applied to these columns) and, once a person decided, what was decided and why.
create table grading_proposal (
    run_id            bigint        not null references grading_run (id),
    station_id        bigint        not null references station (id),
    district_code     varchar(12)   not null,
    current_level     varchar(12)   not null,
    current_stars     smallint      not null,
    checklist_met     boolean,
    inspection_score  numeric(5, 1),
    inspections       integer       not null,
    rated             integer       not null,
    satisfied_pct     numeric(5, 1),
    prior_pct         numeric(5, 1),
    silent_months     integer       not null,
    open_cases        integer       not null,
    overdue_cases     integer       not null,
    visits            bigint        not null,
    score             numeric(5, 1) not null,
    proposed_level    varchar(12)   not null,
    proposed_stars    smallint      not null,
    decision          varchar(12)   check (decision in ('ACCEPTED', 'OVERRIDDEN')),
    decided_level     varchar(12),
    decided_stars     smallint,
    decision_reason   varchar(500),
    decided_by        varchar(100),
    decided_at        timestamptz,
    batch_id          bigint        references grading_batch (id),
    primary key (run_id, station_id)
);
create index grading_proposal_district_idx on grading_proposal (run_id, district_code);
