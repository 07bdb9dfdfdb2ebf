-- A station ledger brought in from a spreadsheet: checked first (the dry run, whose report
-- names every bad row and column), imported later from the same stored file, so the file
-- imported is exactly the file checked.
create table station_import (
  id bigserial primary key,
  organization_code varchar(12) not null references organization (code),
  account_id bigint not null,
  file_name varchar(200) not null,
  file_format varchar(8) not null,
  content bytea not null,
  content_sha256 varchar(64) not null,
  status varchar(16) not null,
  row_count integer not null,
  create_count integer not null,
  revise_count integer not null,
  unchanged_count integer not null,
  invalid_count integer not null,
  problem_count integer not null,
  ignored_columns text not null default '',
  checked_at timestamptz not null,
  imported_at timestamptz,
  imported_mode varchar(16),
  check (status in ('CHECKED', 'IMPORTED')),
  check (imported_mode is null or imported_mode in ('ALL', 'VALID_ROWS'))
);

create index station_import_org on station_import (organization_code, checked_at desc);

-- The problems of a check, in the row and column order of the file; the messages are
-- localised when shown, in the reader's language.
create table station_import_problem (
  import_id bigint not null references station_import (id) on delete cascade,
  position integer not null,
  line integer not null,
  column_name varchar(100),
  field varchar(60),
  code varchar(100) not null,
  args text[] not null,
  primary key (import_id, position)
);
