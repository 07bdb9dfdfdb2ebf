#!/usr/bin/env bash
# Builds the production setup of yizhan on this one machine from Debian packages, checks it,
# and stops it (docs/deployment.md):
#   PostgreSQL 15 primary (WAL archived) and a streaming replica, two yizhan instances on the
#   built jar, nginx in front with TLS (a self-signed certificate), systemd units.
#
# usage: deploy/single-host.sh all     up, check, roll, backup, restore drill, down (the documented test)
#        deploy/single-host.sh up      build and start it (everything under $YIZHAN_DEPLOY_ROOT)
#        deploy/single-host.sh check   the checks, against a setup that is up
#        deploy/single-host.sh roll    restart the instances one at a time under a finder client
#        deploy/single-host.sh down    stop every process it started (files are kept)
#        deploy/single-host.sh purge   down, then drop its clusters and remove its folder
# The jar is $YIZHAN_JAR, or this checkout's target/yizhan-*.jar, built when missing or older than the sources.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

ETC=$ROOT/etc
LIB=$ROOT/var/lib/yizhan
LOG_DIR=$ROOT/var/log
RUN_DIR=$ROOT/run
BACKUP=$ROOT/backup
SECRETS=$ETC/yizhan/secrets.env
export LOG_DIR RUN_DIR

units() { echo "$ETC/systemd/yizhan@.service $ETC/systemd/yizhan-proxy.service"; }

start_unit() { # unit file, instance
	if systemd_running; then
		systemctl start "$(basename "$1" | sed "s/@/@$2/")"
	else
		"$HERE/run-unit.sh" start "$1" "${2:-}"
	fi
}

stop_unit() {
	if systemd_running; then
		systemctl stop "$(basename "$1" | sed "s/@/@$2/")" || true
	else
		"$HERE/run-unit.sh" stop "$1" "${2:-}"
	fi
}

cluster_exists() { pg_lsclusters -h 2>/dev/null | awk '{print $1 "/" $2}' | grep -qx "15/$1"; }

up() {
	require_root
	require_packages postgresql-15 nginx-light openssl curl bc
	if [ -d "$ROOT" ] || cluster_exists "$PRIMARY_CLUSTER"; then
		step "removing the previous test deployment in $ROOT"
		purge >/dev/null
	fi
	mkdir -p "$ETC/yizhan" "$ETC/nginx/tls" "$ETC/systemd" "$LIB/photos" "$LOG_DIR" "$RUN_DIR" "$ROOT/opt/yizhan" \
		"$BACKUP/wal" "$ROOT/pg"
	chown postgres:postgres "$ROOT/pg"
	id yizhan >/dev/null 2>&1 || useradd --system --home-dir /nonexistent --shell /usr/sbin/nologin yizhan

	local jar
	jar=$(current_jar) || die "the jar does not build"
	install -m 0644 "$jar" "$ROOT/opt/yizhan/yizhan.jar"
	step "jar: $jar ($(du -h "$jar" | cut -f1))"

	# Secrets, generated once per deployment; in production they come from a secret store.
	{
		echo "OWNER_PASSWORD=$(random_password)"
		echo "APP_PASSWORD=$(random_password)"
		echo "REPLICATION_PASSWORD=$(random_password)"
		echo "ADMIN_PASSWORD=$(random_password)"
	} >"$SECRETS"
	chmod 0600 "$SECRETS"
	# shellcheck disable=SC1090
	source "$SECRETS"

	primary
	replica
	certificate
	configuration
	step "starting yizhan@1 (migrates the empty database and loads the demo city)"
	start_unit "$ETC/systemd/yizhan@.service" 1
	wait_until 240 ready "${APP_PORTS[0]}" || { tail -50 "$LOG_DIR/yizhan@1.log"; die "yizhan@1 is not ready"; }
	step "yizhan@1 ready on 127.0.0.1:${APP_PORTS[0]}"
	start_unit "$ETC/systemd/yizhan@.service" 2
	wait_until 180 ready "${APP_PORTS[1]}" || { tail -50 "$LOG_DIR/yizhan@2.log"; die "yizhan@2 is not ready"; }
	step "yizhan@2 ready on 127.0.0.1:${APP_PORTS[1]}"
	start_unit "$ETC/systemd/yizhan-proxy.service"
	wait_until 20 curl -fsS --cacert "$ETC/nginx/tls/$SITE.crt" --resolve "$SITE:$HTTPS_PORT:127.0.0.1" \
		"https://$SITE:$HTTPS_PORT/actuator/health/readiness" || die "nginx does not answer"
	step "nginx ready on https://$SITE:$HTTPS_PORT (127.0.0.1)"
	if systemd_running; then
		step "processes started by systemd"
	else
		step "systemd is not running here (PID 1 is $(ps -p 1 -o comm=)): the units' processes were started by deploy/run-unit.sh, PostgreSQL by pg_ctlcluster"
	fi
}

primary() {
	step "PostgreSQL 15 primary: cluster $PRIMARY_CLUSTER on 127.0.0.1:$PRIMARY_PORT"
	pg_createcluster 15 "$PRIMARY_CLUSTER" -p "$PRIMARY_PORT" -d "$ROOT/pg/primary" --start-conf=manual \
		-- --auth-local=peer --auth-host=scram-sha-256 >/dev/null
	install -o postgres -g postgres -m 0755 "$HERE/archive-wal.sh" "$ROOT/pg/archive-wal.sh"
	chown postgres:postgres "$BACKUP" "$BACKUP/wal"
	cat >"/etc/postgresql/15/$PRIMARY_CLUSTER/conf.d/yizhan.conf" <<CONF
# yizhan's primary (deploy/single-host.sh)
listen_addresses = '127.0.0.1'
wal_level = replica
max_wal_senders = 5
max_replication_slots = 5
# Every finished WAL segment is copied to the archive, and a segment is finished at least every
# 5 minutes: with the latest base backup, the archive restores to within minutes of a loss.
archive_mode = on
archive_command = '$ROOT/pg/archive-wal.sh %p $BACKUP/wal/%f'
archive_timeout = 300
timezone = 'Asia/Shanghai'
CONF
	pg_ctlcluster 15 "$PRIMARY_CLUSTER" start
	as_postgres "$PRIMARY_PORT" <<SQL
create role yizhan login password '$OWNER_PASSWORD';
create role yizhan_app login password '$APP_PASSWORD';
create role replicator login replication password '$REPLICATION_PASSWORD';
create database yizhan owner yizhan encoding 'UTF8' template template0;
revoke all on database yizhan from public;
grant connect on database yizhan to yizhan_app;
SQL
}

replica() {
	step "streaming replica: cluster $REPLICA_CLUSTER on 127.0.0.1:$REPLICA_PORT (pg_basebackup -R, slot yizhan_replica)"
	pg_createcluster 15 "$REPLICA_CLUSTER" -p "$REPLICA_PORT" -d "$ROOT/pg/replica" --start-conf=manual >/dev/null
	echo "listen_addresses = '127.0.0.1'" >"/etc/postgresql/15/$REPLICA_CLUSTER/conf.d/yizhan.conf"
	rm -rf "$ROOT/pg/replica"
	runuser -u postgres -- env PGPASSWORD="$REPLICATION_PASSWORD" "$PGBIN/pg_basebackup" -h 127.0.0.1 \
		-p "$PRIMARY_PORT" -U replicator -D "$ROOT/pg/replica" -R -X stream -c fast -C -S yizhan_replica
	pg_ctlcluster 15 "$REPLICA_CLUSTER" start
}

certificate() {
	step "self-signed certificate for $SITE"
	openssl req -x509 -newkey rsa:2048 -nodes -days 30 -subj "/CN=$SITE" \
		-addext "subjectAltName=DNS:$SITE" -keyout "$ETC/nginx/tls/$SITE.key" -out "$ETC/nginx/tls/$SITE.crt" \
		2>/dev/null
	chmod 0600 "$ETC/nginx/tls/$SITE.key"
}

configuration() {
	step "configuration: $ETC/yizhan, $ETC/nginx/nginx.conf, units in $ETC/systemd"
	for unit in "$HERE"/units/*.service; do
		sed "s|@ROOT@|$ROOT|g" "$unit" >"$ETC/systemd/$(basename "$unit")"
	done
	if systemd_running; then
		cp "$ETC"/systemd/*.service /etc/systemd/system/
		systemctl daemon-reload
	fi
	# Spring reads this file beside its own application.yml: everything the instances share.
	cat >"$ETC/yizhan/yizhan.properties" <<PROPS
spring.datasource.url=jdbc:postgresql://127.0.0.1:$PRIMARY_PORT/yizhan
spring.datasource.username=yizhan_app
spring.datasource.password=$APP_PASSWORD
spring.flyway.user=yizhan
spring.flyway.password=$OWNER_PASSWORD
# Behind nginx on this host: listen on loopback only, and trust X-Forwarded-* from nginx's
# address alone (Tomcat's default also trusts 10/8, 172.16/12 and 192.168/16).
server.address=127.0.0.1
server.tomcat.remoteip.internal-proxies=127\\\\.0\\\\.0\\\\.1
yizhan.public-base-url=https://$SITE:$HTTPS_PORT
yizhan.photos.dir=$LIB/photos
# Key rings from the secret store, the same on every instance.
yizhan.privacy.keys.k1=$(random_secret)
yizhan.privacy.active-key=k1
yizhan.rating.tokens.keys.1=$(random_secret)
yizhan.rating.tokens.active-key=1
yizhan.rating.tickets.device-key=$(random_secret)
yizhan.rating.intake.device-key=$(random_secret)
yizhan.operations.visits.device-key=$(random_secret)
yizhan.operations.doors.card-key=$(random_secret)
yizhan.demo.admin-password=$ADMIN_PASSWORD
# For the check only: the demo city gives the finder stations to find (production: false), and
# the audit purge is due every even minute with ShedLock's decisions logged, so that the check
# sees one scheduled run across the two instances. (Every minute would not do: the job holds
# its lock at least one minute, so the next minute's turn would find it still locked.)
yizhan.demo.enabled=true
yizhan.demo.history.enabled=false
yizhan.audit.purge-cron=0 */2 * * * *
logging.level.net.javacrumbs.shedlock=DEBUG
PROPS
	chown root:yizhan "$ETC/yizhan/yizhan.properties"
	chmod 0640 "$ETC/yizhan/yizhan.properties"
	cat >"$ETC/yizhan/yizhan.env" <<ENV
SPRING_PROFILES_ACTIVE=prod
SPRING_CONFIG_ADDITIONAL_LOCATION=file:$ETC/yizhan/yizhan.properties
TZ=Asia/Shanghai
ENV
	for i in 1 2; do
		echo "SERVER_PORT=${APP_PORTS[$((i - 1))]}" >"$ETC/yizhan/instance-$i.env"
	done
	chown -R yizhan:yizhan "$LIB"

	cat >"$ETC/nginx/nginx.conf" <<NGINX
# yizhan's proxy (deploy/single-host.sh): TLS on $HTTPS_PORT, plain HTTP only to redirect.
worker_processes 1;
pid $RUN_DIR/nginx.pid;
error_log $LOG_DIR/nginx-error.log warn;
events { worker_connections 512; }
http {
    include /etc/nginx/mime.types;
    server_tokens off;
    # Which instance served each request, for the check (and for anyone reading the log).
    log_format upstream '\$remote_addr [\$time_local] "\$request" \$status upstream=\$upstream_addr';
    access_log $LOG_DIR/nginx-access.log upstream;

    upstream yizhan {
        server 127.0.0.1:${APP_PORTS[0]} max_fails=1 fail_timeout=10s;
        server 127.0.0.1:${APP_PORTS[1]} max_fails=1 fail_timeout=10s;
        keepalive 16;
    }

    server {
        listen 127.0.0.1:$HTTP_PORT;
        server_name $SITE;
        return 308 https://\$host:$HTTPS_PORT\$request_uri;
    }

    server {
        listen 127.0.0.1:$HTTPS_PORT ssl http2;
        server_name $SITE;
        ssl_certificate $ETC/nginx/tls/$SITE.crt;
        ssl_certificate_key $ETC/nginx/tls/$SITE.key;
        ssl_protocols TLSv1.2 TLSv1.3;
        ssl_session_cache shared:yizhan:10m;
        # The application limits every body itself, per path, with its own answers; nginx only
        # stops what no path accepts (the largest, the coverage and ledger uploads, is 64 MB).
        client_max_body_size 64m;

        location / {
            proxy_pass http://yizhan;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host \$http_host;
            # Replaced, not appended: what a client says it forwarded is dropped here, so
            # the instances see the address nginx saw.
            proxy_set_header X-Forwarded-For \$remote_addr;
            proxy_set_header X-Forwarded-Proto \$scheme;
            proxy_set_header X-Forwarded-Port \$server_port;
            proxy_read_timeout 120s;
        }
    }
}
NGINX
}

# One instance at a time, as an upgrade does: stop it (a graceful shutdown), start it again on
# the jar in opt/yizhan, wait until it is ready, then the next; meanwhile a client asks the
# finder through nginx five times a second. Every answer must be 200: nginx sends what the
# stopped instance cannot take to the other one.
roll() {
	local codes=$LOG_DIR/roll-codes flag=$RUN_DIR/rolling
	local finder="https://$SITE:$HTTPS_PORT/api/v1/stations/nearby?lat=30.2741&lon=120.1551&radius=5000&limit=5"
	: >"$codes"
	touch "$flag"
	(while [ -f "$flag" ]; do
		curl -s -o /dev/null -w '%{http_code}\n' --max-time 10 --cacert "$ETC/nginx/tls/$SITE.crt" \
			--resolve "$SITE:$HTTPS_PORT:127.0.0.1" "$finder" >>"$codes"
		sleep 0.2
	done) &
	local client=$!
	for i in 1 2; do
		step "rolling: stopping yizhan@$i"
		stop_unit "$ETC/systemd/yizhan@.service" "$i"
		start_unit "$ETC/systemd/yizhan@.service" "$i"
		wait_until 300 ready "${APP_PORTS[$((i - 1))]}" || { rm -f "$flag"; die "yizhan@$i is not ready again"; }
		# Ready is not enough: nginx still counts the instance as failed for up to fail_timeout
		# (10 s) after its last refused connection, and stopping the next one meanwhile leaves
		# nginx no live upstream (502). Go on once nginx has sent it a request again.
		local port=${APP_PORTS[$((i - 1))]} seen
		seen=$(wc -l <"$LOG_DIR/nginx-access.log")
		back_in_rotation() { tail -n +"$((seen + 1))" "$LOG_DIR/nginx-access.log" | grep -q " 200 upstream=127.0.0.1:$port\$"; }
		wait_until 60 back_in_rotation || { rm -f "$flag"; die "nginx does not send yizhan@$i requests again"; }
		step "rolling: yizhan@$i ready again and back in nginx's rotation"
	done
	rm -f "$flag"
	wait "$client"
	local total failed
	total=$(wc -l <"$codes")
	failed=$(grep -vc '^200$' "$codes" || true)
	step "rolling restart: $total finder requests through nginx, $failed not 200 ($(grep -v '^200$' "$codes" | sort | uniq -c | tr '\n' ' '))"
	[ "$total" -gt 0 ] && [ "$failed" -eq 0 ]
}

down() {
	step "stopping what it started"
	stop_unit "$ETC/systemd/yizhan-proxy.service" 2>/dev/null || true
	for i in 2 1; do stop_unit "$ETC/systemd/yizhan@.service" "$i" 2>/dev/null || true; done
	for cluster in "$REPLICA_CLUSTER" "$PRIMARY_CLUSTER" yizhan-drill; do
		if cluster_exists "$cluster"; then pg_ctlcluster 15 "$cluster" stop 2>/dev/null || true; fi
	done
	if [ -f "$ROOT/pg/drill/postmaster.pid" ]; then
		runuser -u postgres -- "$PGBIN/pg_ctl" -D "$ROOT/pg/drill" -m fast stop >/dev/null 2>&1 || true
	fi
	step "stopped"
}

purge() {
	down
	for cluster in "$REPLICA_CLUSTER" "$PRIMARY_CLUSTER"; do
		if cluster_exists "$cluster"; then pg_dropcluster 15 "$cluster"; fi
	done
	if systemd_running; then
		rm -f /etc/systemd/system/yizhan@.service /etc/systemd/system/yizhan-proxy.service
		systemctl daemon-reload
	fi
	rm -rf "$ROOT"
}

case ${1:-all} in
up) up ;;
check) "$HERE/check.sh" ;;
roll) roll ;;
down) down ;;
purge) purge ;;
all)
	trap down EXIT
	up
	status=0
	"$HERE/check.sh" || status=1
	roll || status=1
	"$HERE/backup.sh" || status=1
	"$HERE/restore-drill.sh" || status=1
	exit $status
	;;
*) sed -n '2,15p' "$0" >&2; exit 2 ;;
esac
