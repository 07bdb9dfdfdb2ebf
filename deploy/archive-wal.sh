#!/bin/sh
# PostgreSQL's archive_command: copies a finished WAL segment ($1, relative to the data folder)
# to the archive ($2) durably. The copy is forced to disk under a temporary name and then
# renamed, so the archive never holds half a segment; an existing segment is left alone if it
# is the same file (a retry after a crash) and refused otherwise (two clusters, one archive).
set -eu
source_file=$1 target=$2
if [ -f "$target" ]; then
	cmp -s "$source_file" "$target" && exit 0
	echo "archive-wal: $target exists and differs" >&2
	exit 1
fi
cp "$source_file" "$target.part"
sync "$target.part"
mv "$target.part" "$target"
sync "$(dirname "$target")"
