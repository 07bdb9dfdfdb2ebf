#!/usr/bin/env bash
# Backs up yizhan: the database twice over (a base backup for the WAL archive, and a pg_dump,
# enough on its own for a small site) and then the photo folder, into one dated folder with
# the counts the restore drill checks against (docs/deployment.md, "Backups").
#
# usage: deploy/backup.sh      (against deploy/single-host.sh's setup; variables below for others)
set -euo pipefail
source "$(dirname "$0")/lib.sh"
PHOTOS=${YIZHAN_PHOTOS_DIR:-$ROOT/var/lib/yizhan/photos}
BACKUPS=${YIZHAN_BACKUP_DIR:-$ROOT/backup}
WAL_ARCHIVE=$BACKUPS/wal
# shellcheck disable=SC1091
source "$ROOT/etc/yizhan/secrets.env"
require_root

target=$BACKUPS/$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$target"
chown postgres:postgres "$target"
primary_sql() { as_postgres "$PRIMARY_PORT" -d yizhan -A -t -c "$1"; }

# 1. The base backup: the cluster's files as of its start, with the WAL that makes them
#    consistent (-X stream) and a manifest of checksums (pg_verifybackup reads it).
step "base backup of 127.0.0.1:$PRIMARY_PORT (pg_basebackup, tar, gzip, fast checkpoint)"
runuser -u postgres -- env PGPASSWORD="$REPLICATION_PASSWORD" "$PGBIN/pg_basebackup" -h 127.0.0.1 \
	-p "$PRIMARY_PORT" -U replicator -D "$target/base" -Ft -z -X stream -c fast --manifest-checksums=SHA256 \
	-l "yizhan $(basename "$target")"
step "base backup: $(du -sh "$target/base" | cut -f1)"

# 2. The counts the restore must find again, then the WAL up to here is archived, so that
#    base backup + archive reaches at least this point.
tables="organization account station station_photo audit_entry rating problem_ticket visit_day"
for table in $tables; do
	echo "$table $(primary_sql "select count(*) from $table")"
done >"$target/counts"
segment=$(primary_sql "select pg_walfile_name(pg_switch_wal())")
archived() { [ -f "$WAL_ARCHIVE/$segment" ]; }
wait_until 60 archived || die "WAL segment $segment was not archived within 60 s (pg_stat_archiver says why)"
step "counts recorded; WAL archived up to $segment"

# 3. The logical dump: one file, any PostgreSQL ≥ 15 restores it; with the roles (not their
#    passwords' owners' data) from pg_dumpall --globals-only.
step "pg_dump -Fc yizhan"
runuser -u postgres -- "$PGBIN/pg_dump" -p "$PRIMARY_PORT" -Fc -f "$target/yizhan.dump" yizhan
runuser -u postgres -- "$PGBIN/pg_dumpall" -p "$PRIMARY_PORT" --globals-only -f "$target/globals.sql"
step "pg_dump: $(du -sh "$target/yizhan.dump" | cut -f1)"

# 4. The photos, after the database: a photo is written before the row that names it, so every
#    row of the backup finds its file in a copy taken later. Files are named by their content's
#    SHA-256 and never change, so a large site copies only new ones (rsync; see the guide).
step "photo folder $PHOTOS"
(cd "$PHOTOS" && find . -type f | sort >"$target/photos.list")
tar -C "$PHOTOS" -cf "$target/photos.tar" .
step "photos: $(wc -l <"$target/photos.list") files, $(du -sh "$target/photos.tar" | cut -f1)"

chmod -R go-rwx "$target"
step "backup complete in $target"
cat "$target/counts"
