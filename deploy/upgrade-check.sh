#!/usr/bin/env bash
# Rolling upgrade check (docs/deployment.md, "Upgrading one instance at a time"): version N
# (the previous release) and N+1 (this checkout) must run side by side on one schema.
#
#   1. a fresh PostgreSQL 15 cluster; N starts on it, creates its schema and the demo city
#   2. N+1 starts beside it and migrates the schema (the "expand" half of the rule)
#   3. both answer the finder and a sign-in, on the one schema
#   4. N is restarted against N+1's schema (an instance that crashes or is rolled back during
#      the upgrade) and must start and answer again
#
# usage: deploy/upgrade-check.sh [previous ref]
#   previous ref: a tag or commit of N; default: the newest tag, else main's parent (main~1).
#   To exercise the newest migrations, name the commit before the last one that added one:
#   deploy/upgrade-check.sh "$(git log -1 --format=%h --diff-filter=A -- 'src/main/resources/db/migration/*.sql')~1"
# $YIZHAN_UPGRADE_PROPERTIES: lines added to the configuration both versions share, e.g. the
# setting that lets a release older than it restart on its successor's schema:
#   YIZHAN_UPGRADE_PROPERTIES='spring.flyway.ignore-migration-patterns=*:future,*:missing'
# N+1 is $YIZHAN_JAR, or this checkout's target/yizhan-*.jar (built when missing or older than the sources).
# N's jar is built from `git archive` of the ref (no worktree is added) and kept in
# $YIZHAN_UPGRADE_JARS (default /var/tmp/yizhan-upgrade-jars) by commit.
set -uo pipefail
source "$(dirname "$0")/lib.sh"
require_root
require_packages postgresql-15 curl bc

previous=${1:-$(git -C "$REPO" describe --tags --abbrev=0 2>/dev/null || echo main~1)}
previous_sha=$(git -C "$REPO" rev-parse --verify "$previous^{commit}") || die "no commit $previous"
JARS=${YIZHAN_UPGRADE_JARS:-/var/tmp/yizhan-upgrade-jars}
WORK=$ROOT/upgrade
DATA=$WORK/pg
OLD_PORT=${UPGRADE_APP_PORTS[0]}
NEW_PORT=${UPGRADE_APP_PORTS[1]}
declare -A PIDS=()

cleanup() {
	for name in "${!PIDS[@]}"; do stop_app "$name"; done
	if [ -f "$DATA/postmaster.pid" ]; then
		runuser -u postgres -- "$PGBIN/pg_ctl" -D "$DATA" -m fast stop >/dev/null 2>&1
	fi
}
trap cleanup EXIT

# --- the two jars ---
new_jar=$(current_jar) || die "N+1 does not build"
old_jar=$JARS/$previous_sha.jar
if [ ! -f "$old_jar" ]; then
	step "building N from $previous ($(git -C "$REPO" log -1 --format='%h %ad' --date=short "$previous_sha"))"
	build=$(mktemp -d)
	git -C "$REPO" archive "$previous_sha" | tar -x -C "$build"
	# Offline first (the local repository usually holds N's dependencies), online otherwise.
	(cd "$build" && { nice ./mvnw -q -o -DskipTests -Dspring-javaformat.skip=true package >"$build.log" 2>&1 ||
		nice ./mvnw -q -DskipTests -Dspring-javaformat.skip=true package >>"$build.log" 2>&1; }) ||
		{ tail -30 "$build.log"; die "N ($previous) does not build"; }
	mkdir -p "$JARS"
	cp "$(ls "$build"/target/yizhan-*.jar | head -1)" "$old_jar"
	rm -rf "$build" "$build.log"
fi
step "N   = $previous ($(git -C "$REPO" log -1 --format=%h "$previous_sha")): $old_jar"
[ -n "${YIZHAN_UPGRADE_PROPERTIES:-}" ] && step "shared configuration adds: $YIZHAN_UPGRADE_PROPERTIES"
step "N+1 = this checkout ($(git -C "$REPO" rev-parse --short HEAD)$(git -C "$REPO" diff --quiet HEAD -- src pom.xml || echo ', with changes')): $new_jar"

# --- a fresh cluster ---
rm -rf "$WORK"
mkdir -p "$WORK/run" "$WORK/photos" "$WORK/old" "$WORK/new"
chown postgres:postgres "$WORK" "$WORK/run"
runuser -u postgres -- "$PGBIN/initdb" -D "$DATA" -U postgres --auth-local=peer --auth-host=scram-sha-256 \
	-E UTF8 --locale=C.UTF-8 >/dev/null || die "initdb failed"
cat >>"$DATA/postgresql.conf" <<CONF
port = $UPGRADE_PG_PORT
listen_addresses = '127.0.0.1'
unix_socket_directories = '$WORK/run'
timezone = 'Asia/Shanghai'
CONF
runuser -u postgres -- "$PGBIN/pg_ctl" -D "$DATA" -l "$WORK/postgresql.log" -w start >/dev/null || die "the cluster did not start"
owner_password=$(random_password)
app_password=$(random_password)
admin_password=$(random_password)
sql() { runuser -u postgres -- psql -X -q -A -t -v ON_ERROR_STOP=1 -h "$WORK/run" -p "$UPGRADE_PG_PORT" "$@"; }
sql -d postgres <<SQL
create role yizhan login password '$owner_password';
create role yizhan_app login password '$app_password';
create database yizhan owner yizhan encoding 'UTF8' template template0;
SQL
step "PostgreSQL 15 on 127.0.0.1:$UPGRADE_PG_PORT"

# The configuration both versions share, as instances of one deployment do.
cat >"$WORK/yizhan.properties" <<PROPS
spring.datasource.url=jdbc:postgresql://127.0.0.1:$UPGRADE_PG_PORT/yizhan
spring.datasource.username=yizhan_app
spring.datasource.password=$app_password
spring.flyway.user=yizhan
spring.flyway.password=$owner_password
server.address=127.0.0.1
yizhan.photos.dir=$WORK/photos
yizhan.privacy.keys.k1=$(random_secret)
yizhan.privacy.active-key=k1
yizhan.rating.tokens.keys.1=$(random_secret)
yizhan.rating.tokens.active-key=1
yizhan.rating.tickets.device-key=$(random_secret)
yizhan.rating.intake.device-key=$(random_secret)
yizhan.operations.visits.device-key=$(random_secret)
yizhan.operations.doors.card-key=$(random_secret)
yizhan.demo.admin-password=$admin_password
yizhan.demo.history.enabled=false
${YIZHAN_UPGRADE_PROPERTIES:-}
PROPS

start_app() { # name (old|new), jar, port
	local name=$1 jar=$2 port=$3
	# Started from this shell (not a subshell), so that $! is the JVM itself: setsid and nice
	# exec into it.
	cd "$WORK/$name" || return 1
	setsid nice java -Xms128m -Xmx768m -jar "$jar" \
		--spring.config.additional-location="file:$WORK/yizhan.properties" --server.port="$port" \
		>>"$WORK/$name.log" 2>&1 </dev/null &
	PIDS[$name]=$!
	cd "$REPO" || return 1
	# A JVM still answering on the port would pass the readiness check for the new one.
	kill -0 "${PIDS[$name]}" 2>/dev/null || return 1
	local pid=${PIDS[$name]}
	for _ in $(seq 1 300); do
		ready "$port" 2>/dev/null && return 0
		if ! kill -0 "$pid" 2>/dev/null; then
			# It stopped by itself: say why in one line (Flyway's validation, most likely).
			grep -hoE 'Detected applied migration not resolved locally: [0-9.]+|Validate failed: .*|APPLICATION FAILED TO START' \
				"$WORK/$name.log" | sort -u | sed 's/^/    /'
			unset "PIDS[$name]"
			return 1
		fi
		sleep 1
	done
	tail -20 "$WORK/$name.log"
	return 1
}

stop_app() {
	local pid=${PIDS[$1]:-}
	[ -n "$pid" ] || return 0
	kill -TERM "$pid" 2>/dev/null
	for _ in $(seq 1 45); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
	kill -KILL "$pid" 2>/dev/null
	unset "PIDS[$1]"
}

port_free() { ! curl -s -o /dev/null "http://127.0.0.1:$1/"; }

serves() { # port: the finder finds stations and admin signs in
	local ids
	ids=$(finder_ids "http://127.0.0.1:$1")
	[ -n "$ids" ] && sign_in "http://127.0.0.1:$1" "$WORK/sign-in-$1" admin "$admin_password"
}

migrations() { sql -d yizhan -c "select count(*) from flyway_schema_history where success"; }

step "starting N on :$OLD_PORT (creates the schema, loads the demo city)"
start_app old "$old_jar" "$OLD_PORT" || die "N did not start on an empty database"
step "N ready: $(migrations) migrations applied"
check "N serves the finder and a sign-in" serves "$OLD_PORT"
before=$(sql -d yizhan -c "select coalesce(max(installed_rank), 0) from flyway_schema_history")

step "starting N+1 on :$NEW_PORT beside N (migrates the schema)"
check "N+1 starts on N's database while N runs" start_app new "$new_jar" "$NEW_PORT"
added=$(sql -d yizhan -c "select string_agg(version || ' ' || description, '; ' order by installed_rank) from flyway_schema_history where installed_rank > $before")
step "N+1 applied: ${added:-no new migrations}"
check "N+1 serves the finder and a sign-in" serves "$NEW_PORT"
check "N still serves the finder and a sign-in on the migrated schema" serves "$OLD_PORT"
check "N and N+1 find the same stations" test "$(finder_ids "http://127.0.0.1:$OLD_PORT")" = "$(finder_ids "http://127.0.0.1:$NEW_PORT")"

step "restarting N against N+1's schema"
stop_app old
wait_until 10 port_free "$OLD_PORT" || die "N still answers on :$OLD_PORT after it was stopped"
check "N starts again on the migrated schema" start_app old "$old_jar" "$OLD_PORT"
check "the restarted N serves the finder and a sign-in" serves "$OLD_PORT"
summary
