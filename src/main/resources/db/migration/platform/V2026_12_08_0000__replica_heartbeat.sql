-- The primary's heartbeat, one row (platform.database.PrimaryOrReplica): every instance writes the
-- primary's clock here every few seconds while a read replica is configured, and streaming
-- replication copies the row to the replica. Read on the replica, now() minus beat_at is how far
-- behind it is, also when nothing else is being written (the replay position alone cannot tell an
-- idle primary from a replica that lost its connection). Rights come from the default privileges
-- of organization/V3.
create table replica_heartbeat (
    id      smallint    primary key check (id = 1),
    beat_at timestamptz not null
);
