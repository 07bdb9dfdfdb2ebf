#!/usr/bin/env bash
# One-command backup of the embedded mode (./mvnw spring-boot:run, or the jar without
# spring.datasource.url): the embedded PostgreSQL's cluster, the photos and the development key
# rings of a yizhan-data folder, in one tar.gz (docs/deployment.md, "Backing up the embedded mode").
#
# While the application runs, the cluster is copied online with PostgreSQL's backup functions
# (pg_backup_start … pg_backup_stop, the WAL written meanwhile and the backup label go with it),
# so the copy starts as a consistent database: no pause for the users. The embedded server is
# PostgreSQL 18 and brings no pg_dump; psql of any version ≥ 10 is enough here
# (apt-get install postgresql-client). When the application is stopped, the folder is copied as
# it is.
#
# usage: deploy/embedded-backup.sh [yizhan-data folder] [folder for the backups]
#        (defaults: ./yizhan-data and ./yizhan-backups)
# Restore: stop the application, move the old yizhan-data aside, then
#          tar -xzf yizhan-backups/yizhan-data-<time>.tar.gz   (it holds yizhan-data/), and start it.
set -euo pipefail
data=$(realpath "${1:-yizhan-data}")
backups=$(realpath -m "${2:-yizhan-backups}")
cluster=$data/postgres
[ -f "$cluster/PG_VERSION" ] || { echo "error: no embedded PostgreSQL cluster in $cluster" >&2; exit 1; }
name=yizhan-data-$(date -u +%Y%m%dT%H%M%SZ)
staging=$(mktemp -d)
trap 'rm -rf "$staging"' EXIT
mkdir -p "$backups" "$staging/yizhan-data"
started=$(date +%s)

running() {
	[ -f "$cluster/postmaster.pid" ] && kill -0 "$(head -1 "$cluster/postmaster.pid")" 2>/dev/null
}

# Everything of the folder but the cluster: the photos (named by their content, never changed)
# and the development key rings (without them sealed personal data cannot be read back).
for part in photos keys; do
	[ -d "$data/$part" ] && cp -a "$data/$part" "$staging/yizhan-data/"
done

if running; then
	port=$(sed -n 4p "$cluster/postmaster.pid")
	password=$(sed -n 's/^postgres=//p' "$cluster/yizhan-passwords.properties")
	command -v psql >/dev/null || { echo "error: psql is needed for a backup while yizhan runs" >&2; exit 1; }
	# One session holds the backup open from start to stop (PostgreSQL's non-exclusive backup).
	coproc PSQL { PGPASSWORD=$password psql -X -A -t -q -h 127.0.0.1 -p "$port" -U postgres -d postgres 2>&1; }
	answer() { # the value after the marker $1 in psql's output
		local line
		while IFS= read -r -t 120 line <&"${PSQL[0]}"; do
			case $line in "$1"*) echo "${line#"$1"}"; return 0 ;; esac
		done
		return 1
	}
	echo "select 'START:' || pg_backup_start('$name', true);" >&"${PSQL[1]}"
	start_lsn=$(answer START:) || { echo "error: pg_backup_start failed" >&2; exit 1; }
	# The files change while they are copied; the WAL from the start on repairs them.
	tar -C "$cluster" --warning=no-file-changed --warning=no-file-removed \
		--exclude=./postmaster.pid --exclude=./postmaster.opts --exclude='./pg_wal/*' \
		--exclude='./pg_replslot/*' --exclude='./pg_stat_tmp/*' --exclude='./pg_dynshmem/*' \
		--exclude='./pg_notify/*' --exclude='./pg_serial/*' --exclude='./pg_snapshots/*' \
		--exclude='./pg_subtrans/*' -cf - . | { mkdir -p "$staging/yizhan-data/postgres" && tar -C "$staging/yizhan-data/postgres" -xf -; } ||
		[ $? -eq 1 ]
	echo "select 'LABEL:' || translate(encode(convert_to(labelfile, 'UTF8'), 'base64'), E'\n', '') from pg_backup_stop(true);" >&"${PSQL[1]}"
	label=$(answer LABEL:) || { echo "error: pg_backup_stop failed" >&2; exit 1; }
	echo '\q' >&"${PSQL[1]}"
	echo "$label" | base64 -d >"$staging/yizhan-data/postgres/backup_label"
	# The WAL from the backup's start to its end, taken after the stop so it is all there.
	cp -a "$cluster"/pg_wal/0* "$staging/yizhan-data/postgres/pg_wal/"
	first=$(sed -n 's/^START WAL LOCATION: .* (file \([0-9A-F]*\))$/\1/p' "$staging/yizhan-data/postgres/backup_label")
	[ -f "$staging/yizhan-data/postgres/pg_wal/$first" ] ||
		{ echo "error: WAL segment $first, where the backup starts, was recycled meanwhile; run it again" >&2; exit 1; }
	how="online from $start_lsn, WAL from $first"
else
	cp -a "$cluster" "$staging/yizhan-data/postgres"
	rm -f "$staging/yizhan-data/postgres/postmaster.opts"
	how="offline (the application is stopped)"
fi

tar -C "$staging" -czf "$backups/$name.tar.gz.part" yizhan-data
mv "$backups/$name.tar.gz.part" "$backups/$name.tar.gz"
chmod 0600 "$backups/$name.tar.gz"
echo "$backups/$name.tar.gz: $(du -h "$backups/$name.tar.gz" | cut -f1), $how, $(($(date +%s) - started)) s"
