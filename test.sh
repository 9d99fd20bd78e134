#!/usr/bin/env bash
# Runs every test project once on SQLite, then the data and API suites again on PostgreSQL, and prints the summary line
# "Tests: N passed, N failed[, N skipped]" of both runs. Builds once (Release), then `dotnet test --no-build`.
# Besides the .NET SDK it needs Debian's chromium for the browser tests (tests/SocialKpi.E2E) and Debian's postgresql
# for the PostgreSQL run (tests/with-postgres.sh starts a throwaway cluster); it installs both with apt-get when they
# are missing and it runs as root. Outside CI, SOCIALKPI_POSTGRES_TESTS=off leaves out the PostgreSQL run.
set -uo pipefail
cd "$(dirname "$0")"

results="$(pwd)/TestResults"
rm -rf "$results"

# The browser tests drive /usr/bin/chromium (or $SOCIALKPI_CHROMIUM); Playwright never downloads a browser here.
# Its recommended packages bring fonts-liberation, so accented text renders.
if [ -z "${SOCIALKPI_CHROMIUM:-}" ] && [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing Debian's chromium for the browser tests: apt-get update && apt-get install -y chromium"
    apt_log="$(mktemp)"
    if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; } >"$apt_log" 2>&1; then
      tail -n 20 "$apt_log"
      echo "Could not install chromium: the browser tests will fail."
    fi
    rm -f "$apt_log"
  else
    echo "/usr/bin/chromium is missing and this shell cannot install it (needs root and apt-get):" \
      "the browser tests will fail. Install it with: sudo apt-get install -y chromium"
  fi
fi

dotnet build SocialKpi.sln -c Release -nologo -clp:ErrorsOnly || { echo "Tests: 0 passed, 1 failed"; exit 1; }

status=0
dotnet test SocialKpi.sln -c Release --no-build -nologo --logger "trx" --logger "console;verbosity=minimal" \
  --results-directory "$results" || status=$?

# The data suite, the API tests, the import (its SQL is written by hand) and the health check again, on a throwaway
# PostgreSQL cluster: each test gets a database of its own. A server that
# cannot be installed, started or reached fails the run; nothing falls back to SQLite.
if [ "${CI:-}" != "true" ] && [ "${SOCIALKPI_POSTGRES_TESTS:-on}" = "off" ]; then
  echo "SOCIALKPI_POSTGRES_TESTS=off: the PostgreSQL run is left out."
else
  export results
  tests/with-postgres.sh bash -c '
    set -u; s=0
    dotnet test tests/SocialKpi.Data.Tests -c Release --no-build -nologo --results-directory "$results" \
      --logger "trx;LogFileName=postgres-data.trx" --logger "console;verbosity=minimal" || s=1
    dotnet test tests/SocialKpi.Web.Tests -c Release --no-build -nologo --results-directory "$results" \
      --filter "FullyQualifiedName~SocialKpi.Web.Tests.Api|FullyQualifiedName~SocialKpi.Web.Tests.Import|FullyQualifiedName~SocialKpi.Web.Tests.HostingTests.Health" \
      --logger "trx;LogFileName=postgres-api.trx" --logger "console;verbosity=minimal" || s=1
    exit $s' || status=$?
fi

# Sum the counters of every TRX file: one line for the whole run.
passed=0; failed=0; skipped=0; files=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  files=$((files + 1))
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  get() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*'; }
  passed=$((passed + $(get passed)))
  failed=$((failed + $(get failed) + $(get error) + $(get timeout) + $(get aborted)))
  skipped=$((skipped + $(get notExecuted)))
done

if [ "$files" -eq 0 ]; then
  echo "No test results were written."
  failed=$((failed + 1))
fi
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1
fi

summary="Tests: $passed passed, $failed failed"
[ "$skipped" -gt 0 ] && summary="$summary, $skipped skipped"
echo "$summary"
[ "$failed" -eq 0 ] && [ "$status" -eq 0 ]
