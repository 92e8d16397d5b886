#!/bin/sh
# Build the host harness and its fork-loop baseline with the system C compiler.
# Output: adapters/host/build/{reapcheck-host,bench-forkloop}. Rebuilds only when a source is newer;
# each build writes a private temporary file and renames it, so concurrent builds (parallel test
# workers) cannot leave a torn binary.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
src="$here/src"
out="$here/build"
cc=${CC:-cc}
flags="-std=gnu11 -O2 -Wall -Wextra -Werror"
mkdir -p "$out"

stale() { # target sources...
	target=$1; shift
	[ -x "$target" ] || return 0
	for s in "$@"; do [ "$s" -nt "$target" ] && return 0; done
	return 1
}

harness_src="$src/main.c $src/harness.c $src/request.c $src/respond.c $src/step.c $src/settle.c $src/channel.c $src/namespace.c $src/probe.c $src/puppet.c $src/wire.c $src/names.c $src/json.c"
# shellcheck disable=SC2086
if stale "$out/reapcheck-host" $harness_src "$src"/*.h "$0"; then
	$cc $flags -o "$out/reapcheck-host.tmp.$$" $harness_src
	mv "$out/reapcheck-host.tmp.$$" "$out/reapcheck-host"
fi
if stale "$out/bench-forkloop" "$src/bench-forkloop.c" "$0"; then
	$cc $flags -o "$out/bench-forkloop.tmp.$$" "$src/bench-forkloop.c"
	mv "$out/bench-forkloop.tmp.$$" "$out/bench-forkloop"
fi
