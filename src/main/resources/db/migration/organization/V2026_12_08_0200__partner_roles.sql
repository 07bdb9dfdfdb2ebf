-- Programme partners (issue 24): a delivery platform's or a bank's staff sign in with accounts of
-- their own, holding one of two roles that reach nothing until the partner module binds the
-- account to its partner (partner_account).
alter table account drop constraint account_roles_check;
alter table account add constraint account_roles_check check (cardinality(roles) > 0 and roles <@ array[
    'ORG_ADMIN', 'REVIEWER', 'INSPECTOR', 'FINANCE', 'AUDITOR', 'STATION_MASTER',
    'LIAISON', 'HOST', 'EVALUATOR', 'PARTNER_ADMIN', 'PARTNER_REVIEWER']::varchar(32)[]);
