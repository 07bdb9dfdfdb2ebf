#!/usr/bin/env bash
# The checks of the single-host setup (deploy/single-host.sh up first); docs/deployment.md says
# what each proves. Exits non-zero when any fails.
set -uo pipefail
source "$(dirname "$0")/lib.sh"
ETC=$ROOT/etc
LOG_DIR=$ROOT/var/log
# shellcheck disable=SC1091
source "$ETC/yizhan/secrets.env"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
SITE_URL=https://$SITE:$HTTPS_PORT
TLS=(--cacert "$ETC/nginx/tls/$SITE.crt" --resolve "$SITE:$HTTPS_PORT:127.0.0.1" --resolve "$SITE:$HTTP_PORT:127.0.0.1")

primary_sql() { as_postgres "$PRIMARY_PORT" -d yizhan -A -t -c "$1"; }
replica_sql() { as_postgres "$REPLICA_PORT" -d yizhan -A -t -c "$1"; }

step "checking the setup in $ROOT"

# --- PostgreSQL ---
check "the replica streams from the primary" \
	test "$(primary_sql "select r.state from pg_stat_replication r join pg_replication_slots s on s.active_pid = r.pid where s.slot_name = 'yizhan_replica'")" = streaming
check "the replica is in recovery (read-only)" test "$(replica_sql 'select pg_is_in_recovery()')" = t
archived() { ls "$ROOT/backup/wal" | grep -q '^[0-9A-F]\{24\}$'; }
primary_sql "select pg_switch_wal()" >/dev/null
check "the primary archives its WAL (a segment in backup/wal)" wait_until 20 archived

# --- TLS, HSTS, Secure cookies, sign-in through the proxy ---
redirect() {
	curl -sS "${TLS[@]}" -o /dev/null -D "$WORK/plain" "http://$SITE:$HTTP_PORT/login" &&
		grep -qi '^HTTP/[0-9.]* 308' "$WORK/plain" && grep -qi "^location: https://$SITE:$HTTPS_PORT/login" "$WORK/plain"
}
check "plain HTTP is sent to HTTPS (308)" redirect
check "sign-in through the proxy as admin" sign_in "$SITE_URL" "$WORK/admin" admin "$ADMIN_PASSWORD" "${TLS[@]}"
check "HSTS on the answers through the proxy" sh -c "grep -i '^strict-transport-security:' '$WORK/admin.page' | grep -i 'max-age=31536000' | grep -qi includeSubDomains"
check "the CSRF cookie is Secure and HttpOnly" sh -c "grep -i '^set-cookie: YIZHAN-CSRF=' '$WORK/admin.page' | grep -i secure | grep -qi httponly"
check "the session cookie is Secure, HttpOnly, SameSite=Lax" sh -c "grep -i '^set-cookie: SESSION=' '$WORK/admin.post' | grep -i '; Secure' | grep -i httponly | grep -qi 'samesite=lax'"

# One session, many requests: nginx spreads them over both instances, which share the session
# through PostgreSQL (Spring Session JDBC).
both_instances_serve_the_session() {
	local before
	before=$(wc -l <"$LOG_DIR/nginx-access.log")
	for _ in 1 2 3 4 5 6; do
		curl -fsS "${TLS[@]}" -b "$WORK/admin.cookies" -o /dev/null "$SITE_URL/console/stations" || return 1
	done
	local served
	served=$(tail -n +"$((before + 1))" "$LOG_DIR/nginx-access.log" | grep '"GET /console/stations' | grep ' 200 ' |
		grep -o 'upstream=[0-9.:]*' | sort -u | wc -l)
	[ "$served" -eq 2 ]
}
check "both instances serve the signed-in session (6 console pages, 200 from each)" both_instances_serve_the_session

# --- Forwarded headers are trusted from the proxy only ---
# From 127.0.0.2, which is not nginx's address, X-Forwarded-Proto: https is ignored: no HSTS.
# The same header from nginx's address (127.0.0.1) is believed, so the first check can fail.
hsts_from() { # source address; prints yes or no, fails when the page did not answer 200
	curl -fsS --interface "$1" -H 'X-Forwarded-Proto: https' -D "$WORK/direct" -o /dev/null \
		"http://127.0.0.1:${APP_PORTS[0]}/login" || return 1
	if grep -qi '^strict-transport-security' "$WORK/direct"; then echo yes; else echo no; fi
}
check "X-Forwarded-Proto from another address (127.0.0.2) is ignored: no HSTS" test "$(hsts_from 127.0.0.2)" = no
check "X-Forwarded-Proto from the proxy's address (127.0.0.1) is believed: HSTS" test "$(hsts_from 127.0.0.1)" = yes

# A failed sign-in is audited with the client's address. Through nginx from 127.0.0.3 with a
# made-up X-Forwarded-For, the audit says 127.0.0.3 (nginx replaced the header); straight to an
# instance from 127.0.0.2 with a made-up header, it says 127.0.0.2 (the header was ignored).
failed_sign_in() { # base, curl args...
	local base=$1
	shift
	curl -fsS "$@" -c "$WORK/probe.cookies" -o "$WORK/probe.html" "$base/login" || return 1
	local token
	token=$(grep -o 'name="_csrf" value="[^"]*"' "$WORK/probe.html" | head -1 | sed 's/.*value="//; s/"$//')
	curl -sS "$@" -b "$WORK/probe.cookies" -o /dev/null --data-urlencode "username=deploy-check-$RANDOM" \
		--data-urlencode "password=wrong-$RANDOM" --data-urlencode "_csrf=$token" "$base/login"
}
audited_address() { # the client address of the newest audit entry after id $1
	primary_sql "select client_address from audit_entry where id > $1 order by id desc limit 1"
}
last=$(primary_sql "select coalesce(max(id), 0) from audit_entry")
failed_sign_in "$SITE_URL" "${TLS[@]}" --interface 127.0.0.3 -H 'X-Forwarded-For: 203.0.113.7'
through_proxy=$(audited_address "$last")
check "through nginx the audit sees the client (127.0.0.3), not its made-up X-Forwarded-For (was: $through_proxy)" \
	test "$through_proxy" = 127.0.0.3
last=$(primary_sql "select coalesce(max(id), 0) from audit_entry")
failed_sign_in "http://127.0.0.1:${APP_PORTS[1]}" --interface 127.0.0.2 -H 'X-Forwarded-For: 203.0.113.8'
direct=$(audited_address "$last")
check "straight to an instance the audit sees the peer (127.0.0.2), not X-Forwarded-For (was: $direct)" \
	test "$direct" = 127.0.0.2
audit_id=$(primary_sql "select max(id) from audit_entry")
check "the replica has the audit entry written a moment ago" \
	wait_until 10 test "$(replica_sql "select count(*) from audit_entry where id = $audit_id")" = 1

# --- The finder on both instances and through the proxy ---
one=$(finder_ids "http://127.0.0.1:${APP_PORTS[0]}")
two=$(finder_ids "http://127.0.0.1:${APP_PORTS[1]}")
proxied=$(finder_ids "$SITE_URL" "${TLS[@]}")
step "finder near West Lake: instance 1 [$one], instance 2 [$two], proxy [$proxied]"
check "the finder answers on instance 1" test -n "$one"
check "both instances find the same stations" test "$one" = "$two"
check "the finder answers through the proxy" test "$proxied" = "$one"

# --- Photos: uploaded through the proxy, served by both instances from the shared folder ---
photos_shared() {
	local station photo n=0
	for station in $(echo "$one" | cut -d' ' -f1-3); do
		n=$((n + 1))
		curl -fsS "${TLS[@]}" -u "admin:$ADMIN_PASSWORD" -F "file=@$(ls "$REPO"/docs/images/*.png | sed -n "${n}p")" \
			-D "$WORK/upload" -o /dev/null "$SITE_URL/api/v1/stations/$station/photos" || return 1
		photo=$(grep -i '^location:' "$WORK/upload" | tr -d '\r' | sed 's/.*: //')
		for port in "${APP_PORTS[@]}"; do
			curl -fsS -u "admin:$ADMIN_PASSWORD" -o "$WORK/photo-$port" "http://127.0.0.1:$port$photo" || return 1
		done
		cmp -s "$WORK/photo-${APP_PORTS[0]}" "$WORK/photo-${APP_PORTS[1]}" || return 1
	done
}
check "3 photos uploaded through the proxy are served alike by both instances" photos_shared

# --- One scheduled job, one run across both instances ---
# The audit purge is due every even minute (yizhan.properties); ShedLock logs its decision per
# instance. After the next even minute starts, exactly one instance has run it and the other
# has found it locked.
instance_log() { # an instance's output so far: journald's under systemd, run-unit.sh's file otherwise
	if systemd_running; then
		journalctl -u "yizhan@$1" -o cat --no-pager
	else
		cat "$LOG_DIR/yizhan@$1.log"
	fi
}
one_run() {
	local log1=$WORK/yizhan@1.log log2=$WORK/yizhan@2.log
	local from1 from2
	from1=$(instance_log 1 | wc -l)
	from2=$(instance_log 2 | wc -l)
	local wait=$((60 * (1 - 10#$(date +%M) % 2) + 60 - 10#$(date +%S) + 8))
	step "waiting ${wait}s for the audit purge's next even minute"
	sleep "$wait"
	instance_log 1 >"$log1"
	instance_log 2 >"$log2"
	(tail -n +"$((from1 + 1))" "$log1"; tail -n +"$((from2 + 1))" "$log2") | grep "'audit-retention'" >"$WORK/turns"
	turns_match "$WORK/turns"
}
# Each due minute in the lines (a wait that starts on the minute sees two) was run by exactly
# one instance, and the other instance was seen finding it locked. (Not "at every minute": on
# a loaded machine an instance's scheduler may wake seconds late, after the lines were read.)
turns_match() {
	local turns ran skipped once
	turns=$(cut -c1-16 "$1" | sort -u | wc -l)
	ran=$(grep -c "Locked 'audit-retention'" "$1")
	skipped=$(grep -c "Not executing 'audit-retention'" "$1")
	once=$(grep "Locked 'audit-retention'" "$1" | cut -c1-16 | sort | uniq -c | awk '$1 == 1' | wc -l)
	step "audit-retention: $turns due minute(s), run $ran time(s), found locked $skipped time(s)"
	[ "$turns" -ge 1 ] && [ "$ran" -eq "$turns" ] && [ "$once" -eq "$turns" ] && [ "$skipped" -ge 1 ]
}
check "the scheduled audit purge ran once across the two instances" one_run

# --- No development keys: every key ring came from the configuration ---
check "no development key file was written" test ! -e "$ROOT/var/lib/yizhan/yizhan-data/keys"

summary
