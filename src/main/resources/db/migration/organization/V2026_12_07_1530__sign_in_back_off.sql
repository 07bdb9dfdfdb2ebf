-- Sign-in back-off (issue 22): failed sign-ins are counted per account and per client address, and
-- a count that reaches its threshold pauses sign-in for 1 minute, doubling with each further
-- failure up to a cap (organization.account.SignInBackOff). Kept here, not in memory, so that a
-- restart does not forget it and every instance sees the same counts.

-- When the account's last failure was: a count older than the back-off's memory starts over.
alter table account add column last_failed_at timestamptz;

-- The other subjects: a client address ('address:203.0.113.7'), and a name that is no account
-- ('name:<lower-case name>', counted like an account so that the answers do not tell which names
-- exist). Rows are removed once their last failure is older than the back-off's memory.
create table sign_in_back_off (
    subject        varchar(200) primary key,
    failures       integer      not null check (failures > 0),
    last_failed_at timestamptz  not null,
    paused_until   timestamptz
);
create index sign_in_back_off_last_failed_idx on sign_in_back_off (last_failed_at);
