#!/usr/bin/env bash
# Starts or stops the process a systemd service unit describes, for machines where systemd is not
# running (a container): the unit's User, WorkingDirectory, EnvironmentFile= lines and ExecStart,
# with %i replaced by the instance. The process runs in the background, its output appended to
# $LOG_DIR/<unit>.log, its pid in $RUN_DIR/<unit>.pid. Only what single-host.sh's units use is
# understood (no ExecStartPre, no specifiers but %i, environment values unquoted or in double
# quotes), and none of the unit's sandboxing is applied: under systemd it is.
#
# usage: run-unit.sh start|stop <unit file> [instance]
set -euo pipefail
action=$1 unit=$2 instance=${3:-}
: "${LOG_DIR:?}" "${RUN_DIR:?}"
name=$(basename "$unit" .service)
name=${name/@/@$instance}
pidfile=$RUN_DIR/$name.pid

value() { # the last value of a [Service] key; %i replaced
	sed -n "s/^$1=//p" "$unit" | tail -1 | sed "s/%i/$instance/g"
}

case $action in
start)
	if [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
		echo "$name already runs as $(cat "$pidfile")"
		exit 0
	fi
	environment=(PATH=/usr/local/bin:/usr/bin:/bin LANG=C.UTF-8)
	while read -r file; do
		file=${file/\%i/$instance}
		while IFS= read -r line; do
			case $line in '' | '#'*) continue ;; esac
			line=${line//\"/}
			environment+=("$line")
		done <"$file"
	done < <(sed -n 's/^EnvironmentFile=//p' "$unit")
	user=$(value User)
	directory=$(value WorkingDirectory)
	read -r -a command <<<"$(value ExecStart | sed "s/'daemon off;'/daemon_off/")"
	# nginx's -g argument holds a space; it is the only quoted word in these units.
	command=("${command[@]/daemon_off/daemon off;}")
	cd "${directory:-/}"
	if [ -n "$user" ]; then
		setsid runuser -u "$user" -- env -i "${environment[@]}" "${command[@]}" >>"$LOG_DIR/$name.log" 2>&1 </dev/null &
	else
		setsid env -i "${environment[@]}" "${command[@]}" >>"$LOG_DIR/$name.log" 2>&1 </dev/null &
	fi
	echo $! >"$pidfile"
	;;
stop)
	[ -f "$pidfile" ] || exit 0
	pid=$(cat "$pidfile")
	timeout=$(value TimeoutStopSec)
	if kill -0 "$pid" 2>/dev/null; then
		# setsid made the runner the leader of its own process group: TERM reaches the
		# service (java, nginx) and nothing else.
		kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid"
		for ((i = 0; i < ${timeout:-30}; i++)); do
			kill -0 "$pid" 2>/dev/null || break
			sleep 1
		done
		kill -0 "$pid" 2>/dev/null && kill -KILL -- "-$pid" 2>/dev/null
	fi
	rm -f "$pidfile"
	;;
*)
	echo "usage: $0 start|stop <unit file> [instance]" >&2
	exit 2
	;;
esac
