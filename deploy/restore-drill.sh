#!/usr/bin/env bash
# The restore drill: restores the newest backup of deploy/backup.sh into a fresh cluster and a
# fresh photo folder, and checks that nothing is missing (docs/deployment.md, "Restore drill"):
#   the base backup verifies against its manifest; base backup + WAL archive replays to the end
#   of the archive and holds at least the counts recorded at backup time; the pg_dump restores
#   into a fresh database with the same counts; every photo file is back, and a sample of the
#   restored database's photos each finds its file with the SHA-256 its name says.
# The fresh cluster listens on a Unix socket only, archives nothing, and is stopped at the end.
#
# usage: deploy/restore-drill.sh [backup folder]     (default: the newest)
set -uo pipefail
source "$(dirname "$0")/lib.sh"
BACKUPS=${YIZHAN_BACKUP_DIR:-$ROOT/backup}
WAL_ARCHIVE=$BACKUPS/wal
SAMPLE=${YIZHAN_DRILL_SAMPLE:-20}
require_root

backup=${1:-$(ls -d "$BACKUPS"/2* 2>/dev/null | sort | tail -1)}
[ -d "$backup" ] || die "no backup in $BACKUPS (deploy/backup.sh makes one)"
drill=$ROOT/drill
data=$drill/pg
photos=$drill/photos
socket=$drill/run
step "restore drill of $backup into $drill"
if [ -f "$data/postmaster.pid" ]; then
	runuser -u postgres -- "$PGBIN/pg_ctl" -D "$data" -m fast stop >/dev/null 2>&1
fi
rm -rf "$drill"
mkdir -p "$data" "$photos" "$socket"
chown -R postgres:postgres "$drill"
chmod 0700 "$data"
drill_sql() { runuser -u postgres -- psql -X -q -A -t -h "$socket" -p "$DRILL_PORT" -d "$1" -c "$2"; }

# 0. A marker written on the primary now, long after the base backup, in a database of its own
#    (the application's data is not touched): the restore must find it, which only the WAL
#    archive can bring. Skipped when the primary is not running here.
marker=""
if as_postgres "$PRIMARY_PORT" -d postgres -c 'select 1' >/dev/null 2>&1; then
	if [ "$(as_postgres "$PRIMARY_PORT" -d postgres -A -t -c "select count(*) from pg_database where datname = 'restore_marker'")" = 0 ]; then
		as_postgres "$PRIMARY_PORT" -d postgres -c 'create database restore_marker'
		as_postgres "$PRIMARY_PORT" -d restore_marker -c 'create table marker (written_at timestamptz primary key)'
	fi
	marker=$(as_postgres "$PRIMARY_PORT" -d restore_marker -A -t -c 'insert into marker values (clock_timestamp()) returning written_at')
	segment=$(as_postgres "$PRIMARY_PORT" -d postgres -A -t -c 'select pg_walfile_name(pg_switch_wal())')
	wait_until 60 test -f "$WAL_ARCHIVE/$segment" || die "WAL segment $segment was not archived within 60 s"
	step "marker $marker written on the primary after the backup; WAL archived up to $segment"
fi

# 1. Base backup into the fresh folder, checked against its manifest before anything runs.
runuser -u postgres -- tar -xzf "$backup/base/base.tar.gz" -C "$data"
runuser -u postgres -- tar -xzf "$backup/base/pg_wal.tar.gz" -C "$data/pg_wal"
install -o postgres -g postgres -m 0600 "$backup/base/backup_manifest" "$data/"
check "the base backup matches its manifest (pg_verifybackup)" \
	runuser -u postgres -- "$PGBIN/pg_verifybackup" -q "$data"
rm "$data/backup_manifest"

# 2. Recovery from the archive to its end. Debian keeps a cluster's configuration outside its
#    data folder, so the restored folder gets a minimal one of its own.
cat >"$data/postgresql.conf" <<CONF
port = $DRILL_PORT
listen_addresses = ''
unix_socket_directories = '$socket'
restore_command = 'cp $WAL_ARCHIVE/%f %p'
recovery_target_timeline = 'latest'
archive_mode = off
timezone = 'Asia/Shanghai'
CONF
echo "local all all peer" >"$data/pg_hba.conf"
touch "$data/recovery.signal"
chown postgres:postgres "$data"/*.conf "$data/recovery.signal"
step "replaying the WAL archive ($(ls "$WAL_ARCHIVE" | grep -c '^[0-9A-F]\{24\}$') segments)"
runuser -u postgres -- "$PGBIN/pg_ctl" -D "$data" -l "$drill/postgresql.log" -w -t 600 start >/dev/null ||
	{ tail -20 "$drill/postgresql.log"; die "the restored cluster did not start"; }
promoted() { [ "$(drill_sql postgres 'select pg_is_in_recovery()')" = f ]; }
check "the restored cluster replayed the archive and took over (out of recovery)" wait_until 300 promoted
step "$(grep -E 'redo done|archive recovery complete|selected new timeline' "$drill/postgresql.log" | sed 's/^.*LOG: *//' | tr '\n' ';')"

counts_match() { # database, comparison (= or >=)
	local database=$1 comparison=$2 ok=0
	while read -r table expected; do
		local found
		found=$(drill_sql "$database" "select count(*) from $table")
		if [ "$comparison" = "=" ] && [ "$found" != "$expected" ] || [ "$found" -lt "$expected" ]; then
			echo "  $table: $found, expected $comparison $expected"
			ok=1
		else
			echo "  $table: $found (at backup: $expected)"
		fi
	done <"$backup/counts"
	return $ok
}
check "base backup + WAL holds every row counted at backup time" counts_match yizhan '>='
if [ -n "$marker" ]; then
	check "the marker written after the backup came back through the WAL archive" \
		test "$(drill_sql restore_marker "select count(*) from marker where written_at = '$marker'")" = 1
fi

# 3. The dump into a fresh database of the same cluster (its roles came with the base backup;
#    elsewhere, run globals.sql first).
runuser -u postgres -- createdb -h "$socket" -p "$DRILL_PORT" -O yizhan yizhan_from_dump
step "pg_restore into yizhan_from_dump"
check "pg_restore of the dump succeeds without an error" \
	runuser -u postgres -- "$PGBIN/pg_restore" -h "$socket" -p "$DRILL_PORT" -d yizhan_from_dump --exit-on-error \
	"$backup/yizhan.dump"
check "the dump holds every row counted at backup time" counts_match yizhan_from_dump '>='
check "the dump's schema history is the primary's (same Flyway versions)" test \
	"$(drill_sql yizhan_from_dump "select string_agg(version, ',' order by version) from flyway_schema_history")" = \
	"$(drill_sql yizhan "select string_agg(version, ',' order by version) from flyway_schema_history")"

# 4. The photos into a fresh folder: every file back, and a sample of the database's photos each
#    finds its file, whose SHA-256 is its name (files are named by their content).
tar -C "$photos" -xf "$backup/photos.tar"
(cd "$photos" && find . -type f | sort >"$drill/photos.list")
check "every photo file is back ($(wc -l <"$backup/photos.list") files)" cmp -s "$backup/photos.list" "$drill/photos.list"
sample_matches() {
	local keys missing=0 checked=0
	keys=$(drill_sql yizhan "select storage_key from station_photo order by random() limit $SAMPLE")
	for key in $keys; do
		checked=$((checked + 1))
		local file=$photos/$key.jpg
		if [ ! -f "$file" ] || [ "$(sha256sum "$file" | cut -d' ' -f1)" != "$(basename "$key")" ] ||
			[ ! -f "$photos/$key.thumb.jpg" ]; then
			echo "  photo $key: missing or altered"
			missing=$((missing + 1))
		fi
	done
	echo "  $checked photos of the restored database checked, $missing missing or altered"
	[ "$checked" -gt 0 ] && [ "$missing" -eq 0 ]
}
check "a sample of the restored database's photos finds its files intact" sample_matches

runuser -u postgres -- "$PGBIN/pg_ctl" -D "$data" -m fast stop >/dev/null
step "restored cluster stopped (its files stay in $drill until the next drill)"
summary
