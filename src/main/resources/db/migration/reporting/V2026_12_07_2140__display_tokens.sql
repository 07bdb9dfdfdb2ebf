-- Display tokens (issue 18): what a union's control-room screen shows its dashboard with, instead
-- of a console session that times out. A token reads one union's display page and nothing else;
-- only its SHA-256 is kept (32 random bytes need no salt), shown once at creation, revocable.
create table reporting_display_token (
    id          bigint generated always as identity primary key,
    union_code  varchar(12)  not null references organization (code),
    label       varchar(60)  not null,
    token_hash  bytea        not null unique check (length(token_hash) = 32),
    created_by  varchar(64)  not null,
    created_at  timestamptz  not null,
    revoked_at  timestamptz,
    last_used_at timestamptz
);
create index reporting_display_token_union on reporting_display_token (union_code);
