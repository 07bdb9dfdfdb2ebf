-- A station run by an operator under a contract (issue 17, item 7; ADR 0034): its cases are
-- held first at the operator's level, below the station master. The level is stored by name,
-- so the check of its values is the one edit tickets needed.
alter table problem_ticket drop constraint problem_ticket_responsible_level_check;
alter table problem_ticket add constraint problem_ticket_responsible_level_check
    check (responsible_level in ('OPERATOR', 'STATION_MASTER', 'LIAISON', 'GENERAL_STATION_MASTER',
                                 'SUPERVISING_UNION'));
