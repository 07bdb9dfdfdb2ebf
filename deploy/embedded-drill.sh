#!/usr/bin/env bash
# Proves deploy/embedded-backup.sh: yizhan in embedded mode gets a photo, is backed up while it
# runs, is stopped; the backup is unpacked into a fresh folder, yizhan starts on it, and the
# stations, the photo and the admin's sign-in are all there (docs/deployment.md).
#
# usage: deploy/embedded-drill.sh       (the jar: $YIZHAN_JAR or this checkout's target/yizhan-*.jar)
set -uo pipefail
source "$(dirname "$0")/lib.sh"
require_packages postgresql-client curl bc
jar=$(current_jar) || die "the jar does not build"
WORK=$ROOT/embedded
PORT=18085
password=$(random_password)
pid=""
stop() {
	[ -n "$pid" ] || return 0
	kill -TERM "$pid" 2>/dev/null
	for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
	kill -KILL "$pid" 2>/dev/null
	pid=""
}
trap stop EXIT
start() { # folder holding yizhan-data
	# From this shell, not a subshell, so that $! is the JVM (setsid and nice exec into it).
	cd "$1" || return 1
	setsid nice java -Xmx768m -jar "$jar" --server.port=$PORT --server.address=127.0.0.1 \
		--yizhan.demo.admin-password="$password" --yizhan.demo.history.enabled=false \
		>>"$1/yizhan.log" 2>&1 </dev/null &
	pid=$!
	cd "$REPO" || return 1
	wait_until 300 ready $PORT || { tail -30 "$1/yizhan.log"; return 1; }
}

rm -rf "$WORK"
mkdir -p "$WORK/original" "$WORK/restored"
step "yizhan in embedded mode in $WORK/original"
start "$WORK/original" || die "yizhan did not start"
before=$(finder_ids "http://127.0.0.1:$PORT")
curl -fsS -u "admin:$password" -F "file=@$REPO/docs/images/console-qr.png" -D "$WORK/upload" -o /dev/null \
	"http://127.0.0.1:$PORT/api/v1/stations/$(echo "$before" | cut -d' ' -f1)/photos" || die "the photo upload failed"
photo=$(grep -i '^location:' "$WORK/upload" | tr -d '\r' | sed 's/.*: //')
curl -fsS -u "admin:$password" -o "$WORK/photo-before" "http://127.0.0.1:$PORT$photo"
step "finder [$before], photo $photo"

step "deploy/embedded-backup.sh while it runs"
"$HERE/embedded-backup.sh" "$WORK/original/yizhan-data" "$WORK/backups" | tee "$WORK/backup.out"
archive=$(ls "$WORK"/backups/*.tar.gz | tail -1)
check "the backup was taken online" grep -q online "$WORK/backup.out"
stop
wait_until 10 sh -c "! curl -s -o /dev/null http://127.0.0.1:$PORT/" || die "yizhan still answers after it was stopped"
step "stopped; unpacking $(basename "$archive") into $WORK/restored"
tar -C "$WORK/restored" -xzf "$archive"
check "yizhan starts on the restored folder" start "$WORK/restored"
after=$(finder_ids "http://127.0.0.1:$PORT")
check "the finder finds the same stations [$after]" test "$after" = "$before"
check "the photo is back, byte for byte" sh -c "curl -fsS -u 'admin:$password' -o '$WORK/photo-after' 'http://127.0.0.1:$PORT$photo' && cmp -s '$WORK/photo-before' '$WORK/photo-after'"
check "admin signs in on the restored data" sign_in "http://127.0.0.1:$PORT" "$WORK/sign-in" admin "$password"
stop
summary
