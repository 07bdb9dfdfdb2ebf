# Shared by the scripts in deploy/: where the test deployment lives, its ports, timed steps,
# checks that count, and the sign-in and finder probes every script makes.
# Sourced, not run.

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(dirname "$HERE")
ROOT=${YIZHAN_DEPLOY_ROOT:-/var/tmp/yizhan-deploy}
PGBIN=/usr/lib/postgresql/15/bin
# Ports nobody else on a development machine uses (the tests take random ports, the demo 8080).
PRIMARY_PORT=${YIZHAN_PRIMARY_PORT:-15432}
REPLICA_PORT=${YIZHAN_REPLICA_PORT:-15433}
DRILL_PORT=${YIZHAN_DRILL_PORT:-15434}
UPGRADE_PG_PORT=${YIZHAN_UPGRADE_PG_PORT:-15435}
APP_PORTS=(18081 18082)
UPGRADE_APP_PORTS=(18083 18084)
HTTP_PORT=18080
HTTPS_PORT=18443
SITE=yizhan.test
PRIMARY_CLUSTER=yizhan-primary
REPLICA_CLUSTER=yizhan-replica

STARTED_AT=${STARTED_AT:-$(date +%s.%N)}
export STARTED_AT
CHECKS_PASSED=0
CHECKS_FAILED=0

# A step, prefixed with the seconds since the command started.
step() {
	printf '[%6.1fs] %s\n' "$(echo "$(date +%s.%N) - $STARTED_AT" | bc)" "$*"
}

# One check: its name, then the command that must succeed. A failure is counted, not fatal,
# so one run reports every check.
check() {
	local name=$1
	shift
	if "$@"; then
		CHECKS_PASSED=$((CHECKS_PASSED + 1))
		step "PASS $name"
	else
		CHECKS_FAILED=$((CHECKS_FAILED + 1))
		step "FAIL $name"
	fi
}

summary() {
	step "$CHECKS_PASSED checks passed, $CHECKS_FAILED failed"
	[ "$CHECKS_FAILED" -eq 0 ]
}

die() {
	echo "error: $*" >&2
	exit 1
}

require_root() {
	[ "$(id -u)" -eq 0 ] || die "run as root: it installs Debian packages, creates clusters and a system user"
}

# Installs the Debian packages that are not there yet (nothing is installed twice).
require_packages() {
	local missing=()
	for package in "$@"; do
		dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
	done
	if [ ${#missing[@]} -gt 0 ]; then
		step "apt-get install ${missing[*]}"
		apt-get update -q >/dev/null
		# policy-rc.d: the packages' own services (nginx on port 80, PostgreSQL's main
		# cluster) are not started; this setup runs its own.
		printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d
		chmod 755 /usr/sbin/policy-rc.d
		DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >/dev/null
		rm -f /usr/sbin/policy-rc.d
	fi
}

# Is systemd running this machine (not merely installed)? In a container it usually is not.
systemd_running() {
	[ -d /run/systemd/system ] && [ "$(ps -p 1 -o comm= 2>/dev/null)" = systemd ]
}

# Waits until the command succeeds, at most $1 seconds, polling once a second.
wait_until() {
	local seconds=$1
	shift
	local i
	for ((i = 0; i < seconds; i++)); do
		"$@" >/dev/null 2>&1 && return 0
		sleep 1
	done
	return 1
}

ready() {
	curl -fsS "http://127.0.0.1:$1/actuator/health/readiness" | grep -q '"status":"UP"'
}

# The finder's answer near West Lake (Hangzhou, the demo city): the ids of the stations,
# nearest first, on one line. Empty when it answered nothing.
finder_ids() {
	local base=$1
	shift
	curl -fsS "$@" "$base/api/v1/stations/nearby?lat=30.2741&lon=120.1551&radius=5000&limit=5" |
		grep -o '"id":[0-9]*' | cut -d: -f2 | tr '\n' ' '
}

# Signs in through the console's form as a person does: the sign-in page, its CSRF token
# (field and cookie), the POST, then a console page with the session. Writes the headers of
# each answer to $2.* and succeeds when the console page answered 200 after a redirect that
# is not an error. $1 is the base URL; further arguments go to curl (e.g. --cacert).
sign_in() {
	local base=$1 out=$2 user=$3 password=$4
	shift 4
	local jar="$out.cookies"
	rm -f "$jar"
	curl -fsS "$@" -c "$jar" -D "$out.page" -o "$out.page.html" "$base/login" || return 1
	local token
	token=$(grep -o 'name="_csrf" value="[^"]*"' "$out.page.html" | head -1 | sed 's/.*value="//; s/"$//')
	[ -n "$token" ] || return 1
	curl -sS "$@" -b "$jar" -c "$jar" -D "$out.post" -o /dev/null \
		--data-urlencode "username=$user" --data-urlencode "password=$password" --data-urlencode "_csrf=$token" \
		"$base/login" || return 1
	grep -qi '^HTTP/[0-9.]* 302' "$out.post" || return 1
	! grep -i '^location:' "$out.post" | grep -q 'error' || return 1
	curl -fsS "$@" -b "$jar" -D "$out.console" -o "$out.console.html" "$base/console/stations" || return 1
	grep -qi '^HTTP/[0-9.]* 200' "$out.console"
}

random_secret() {
	openssl rand -base64 32 | tr -d '\n'
}

random_password() {
	# letters and digits, 24 characters: safe in properties, URLs and shell words
	openssl rand -base64 48 | tr -dc 'A-Za-z0-9' | head -c 24
}

# psql as the postgres superuser on a local cluster, over its Unix socket.
as_postgres() {
	local port=$1
	shift
	runuser -u postgres -- psql -X -q -v ON_ERROR_STOP=1 -p "$port" "$@"
}

# The jar to deploy: $YIZHAN_JAR, else this checkout's, built again when a source file is newer
# than it (so the scripts never test yesterday's jar under today's commit).
current_jar() {
	if [ -n "${YIZHAN_JAR:-}" ]; then
		echo "$YIZHAN_JAR"
		return 0
	fi
	local jar
	jar=$(ls -t "$REPO"/target/yizhan-*.jar 2>/dev/null | head -1)
	if [ -z "$jar" ] || [ -n "$(find "$REPO/src/main" "$REPO/pom.xml" -newer "$jar" -print -quit)" ]; then
		step "building the jar from this checkout (./mvnw package, tests skipped)" >&2
		(cd "$REPO" && nice ./mvnw -q -DskipTests -Dspring-javaformat.skip=true package) >&2 || return 1
		jar=$(ls -t "$REPO"/target/yizhan-*.jar | head -1)
	fi
	echo "$jar"
}
