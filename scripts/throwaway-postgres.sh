#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster for tests and benchmarks: nothing to set up by hand.
#
#   scripts/throwaway-postgres.sh start DIR [--fast]   initdb into DIR, start on a free 127.0.0.1 port,
#                                                      print the Npgsql connection string on stdout
#   scripts/throwaway-postgres.sh stop DIR             stop the cluster and delete DIR
#
# --fast turns off fsync and full-page writes: for the test suite only, where a power cut loses nothing
# of value. Benchmarks run without it, so their figures include the durable commit.
# Installs Debian's postgresql package when no PostgreSQL binaries are found. initdb refuses to run as
# root, so as root the cluster belongs to the 'postgres' system user.
set -euo pipefail

find_bin() {
  local dir
  for dir in /usr/lib/postgresql/*/bin; do
    if [ -x "$dir/pg_ctl" ]; then echo "$dir"; return 0; fi
  done
  return 1
}

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$((20000 + RANDOM % 20000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return 0; fi
  done
  echo "no free port found" >&2
  return 1
}

cmd=${1:-}
dir=${2:-}
if [ -z "$cmd" ] || [ -z "$dir" ]; then
  echo "usage: $0 start|stop DIR [--fast]" >&2
  exit 2
fi

case "$cmd" in
  start)
    if ! bin=$(find_bin); then
      echo "installing Debian's postgresql" >&2
      export DEBIAN_FRONTEND=noninteractive
      apt-get update -qq >&2
      apt-get install -y -qq postgresql >&2
      bin=$(find_bin)
    fi
    mkdir -p "$dir"
    if [ "$(id -u)" -eq 0 ]; then chown postgres:postgres "$dir"; fi
    as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
      { cat "$dir/initdb.log" >&2; exit 1; }
    port=$(free_port)
    opts="-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$dir -c max_connections=300"
    opts="$opts -c shared_buffers=256MB"
    if [ "${3:-}" = "--fast" ]; then
      opts="$opts -c fsync=off -c full_page_writes=off -c synchronous_commit=off"
    fi
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -o "$opts" -w -t 60 start >&2 ||
      { cat "$dir/server.log" >&2; exit 1; }
    echo "Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres;Pooling=true;Maximum Pool Size=100"
    ;;
  stop)
    if bin=$(find_bin) && [ -d "$dir/data" ]; then
      as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    ;;
  *)
    echo "unknown command '$cmd'" >&2
    exit 2
    ;;
esac
