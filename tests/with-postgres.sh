#!/usr/bin/env bash
# Runs a command against a throwaway PostgreSQL cluster: initdb in a temporary folder, the server listening on a unix
# socket only (no port to collide with), SOCIALKPI_TEST_POSTGRES set for the command, everything removed afterwards.
#   tests/with-postgres.sh dotnet test tests/SocialKpi.Data.Tests
# Needs Debian's postgresql; installs it with apt-get when it is missing and this shell is root. As root, the server
# runs as the "postgres" user (PostgreSQL refuses to run as root).
set -uo pipefail

find_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

bin="$(find_bin)"
if [ -z "$bin" ]; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing Debian's postgresql for the PostgreSQL test run: apt-get install -y postgresql"
    apt_log="$(mktemp)"
    if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql; } >"$apt_log" 2>&1; then
      tail -n 20 "$apt_log"
    fi
    rm -f "$apt_log"
    bin="$(find_bin)"
  fi
fi
if [ -z "$bin" ]; then
  echo "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin) and this shell cannot install it." \
    "Install it with: sudo apt-get install -y postgresql"
  exit 1
fi

as_owner=()
if [ "$(id -u)" -eq 0 ]; then
  as_owner=(runuser -u postgres --)
fi

dir="$(mktemp -d /tmp/socialkpi-pg.XXXXXX)"
chmod 755 "$dir"
[ "$(id -u)" -eq 0 ] && chown postgres "$dir"
stop() {
  "${as_owner[@]}" "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1
  rm -rf "$dir"
}
trap stop EXIT
trap 'exit 143' INT TERM

# Durability is pointless for a cluster deleted after the run: fsync off makes creating a database per test cheap.
if ! "${as_owner[@]}" "$bin/initdb" -D "$dir/data" -U socialkpi -A trust -E UTF8 --locale=C.UTF-8 --no-sync >"$dir/initdb.log" 2>&1; then
  cat "$dir/initdb.log"; exit 1
fi
if ! "${as_owner[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start \
  -o "-k $dir -c listen_addresses='' -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" >/dev/null; then
  cat "$dir/server.log"; exit 1
fi

export SOCIALKPI_TEST_POSTGRES="Host=$dir;Username=socialkpi;Database=postgres"
"$@"
