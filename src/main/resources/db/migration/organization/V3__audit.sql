-- The audit log: one row per state-changing action, written in the transaction of the change.
-- Append-only where it counts, in the database: the application's role (placeholder app_role,
-- yizhan_app by default) may insert and read it but not update or delete it; only the
-- retention function below, which runs with its owner's rights, removes rows, and only rows
-- older than a retention of at least 180 days.
create table audit_entry (
    id                        bigint generated always as identity primary key,
    occurred_at               timestamptz  not null default now(),
    username                  varchar(100) not null,
    roles                     varchar(200) not null,
    actor_organization_code   varchar(20),
    action                    varchar(60)  not null,
    target_type               varchar(40)  not null,
    target_id                 varchar(60)  not null,
    target_organization_code  varchar(20)  not null,
    -- the target organisation's path when the action happened, so a subtree is a prefix match
    target_organization_path  varchar(200) not null,
    before_summary            varchar(2000),
    after_summary             varchar(2000),
    client_address            varchar(64)
);
create index audit_entry_occurred_idx on audit_entry (occurred_at);
create index audit_entry_path_idx on audit_entry (target_organization_path text_pattern_ops, occurred_at);
create index audit_entry_target_idx on audit_entry (target_type, target_id);

-- Removes the entries older than the retention and says how many. SECURITY DEFINER: it runs
-- as the owner (the role that ran this migration), the only role that may delete entries,
-- and it refuses a retention under 180 days whoever calls it.
create function purge_audit_entries(retention_days integer) returns integer
    language plpgsql security definer set search_path = pg_catalog, public as $$
declare
    removed integer;
begin
    if retention_days is null or retention_days < 180 then
        raise exception 'audit retention must be at least 180 days, not %', retention_days;
    end if;
    delete from public.audit_entry where occurred_at < now() - make_interval(days => retention_days);
    get diagnostics removed = row_count;
    return removed;
end;
$$;
revoke all on function purge_audit_entries(integer) from public;

-- ShedLock's table: a scheduled job (the audit retention) runs on one instance at a time.
create table shedlock (
    name       varchar(64)  primary key,
    lock_until timestamp    not null,
    locked_at  timestamp    not null,
    locked_by  varchar(255) not null
);

-- The application's role, when it exists (the embedded database creates it; an external one
-- names it in spring.flyway.placeholders.app_role): data rights on every table, present and
-- future, but only insert and select on the audit log, and only select on Flyway's history.
do $$
declare
    app name := '${app_role}';
begin
    if not exists (select 1 from pg_roles where rolname = app) or app = current_user then
        raise notice 'No separate application role %: the audit log is append-only only by convention', app;
        return;
    end if;
    execute format('grant usage on schema public to %I', app);
    execute format('grant select, insert, update, delete on all tables in schema public to %I', app);
    execute format('grant usage, select on all sequences in schema public to %I', app);
    execute format('alter default privileges in schema public grant select, insert, update, delete on tables to %I', app);
    execute format('alter default privileges in schema public grant usage, select on sequences to %I', app);
    execute format('revoke update, delete, truncate on audit_entry from %I', app);
    execute format('revoke insert, update, delete, truncate on flyway_schema_history from %I', app);
    execute format('grant execute on function purge_audit_entries(integer) to %I', app);
end;
$$;
