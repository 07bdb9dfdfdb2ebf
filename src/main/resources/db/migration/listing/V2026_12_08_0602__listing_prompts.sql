-- Prompts (issue 20 item 3): after a rating, one optional question to the worker about the
-- station's listing ("are the hours still …?", "is there still a microwave?"), answered yes or
-- no. One answer per phone, station and day (a repeat is kept once); the phone only as the
-- keyed hash the reports use. question: HOURS or AMENITY:<amenity>. agrees: the answer says the
-- listing is right. ticket_number: the correction case this answer opened or joined, when
-- independent phones said the listing is wrong.
create table listing_prompt_answer (
    id            bigserial    primary key,
    station_id    bigint       not null references station (id),
    question      varchar(40)  not null check (question = 'HOURS' or question like 'AMENITY:%'),
    answer_day    date         not null,
    device_hash   bytea        not null,
    agrees        boolean      not null,
    ticket_number varchar(32),
    created_at    timestamptz  not null,
    unique (station_id, device_hash, answer_day)
);
-- the rule counts a station's answers to one question of the last two weeks
create index listing_prompt_answer_question on listing_prompt_answer (station_id, question, created_at);
