# Shared settings and helpers of bench/generate and bench/run. Sourced, not run.
# Every server here listens on the loopback address only.

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PROJECT_DIR="$(cd "$BENCH_DIR/.." && pwd)"

BENCH_DATA="${BENCH_DATA:-$BENCH_DIR/data}"
BENCH_DB_PORT="${BENCH_DB_PORT:-54329}"
BENCH_HTTP_PORT="${BENCH_HTTP_PORT:-18080}"
BENCH_DB_NAME="${BENCH_DB_NAME:-cupboard}"
BENCH_ZONE="${BENCH_ZONE:-Asia/Jerusalem}"
# The heap cap the figures are measured with; the peak-memory target is for the whole process.
BENCH_JAVA_OPTS="${BENCH_JAVA_OPTS:--Xmx512m}"
# Every generated user has this password, stored as a bcrypt hash of cost 4 so that logging in
# hundreds of agents takes seconds. Logins are not measured.
BENCH_PASSWORD="bench-password"
BENCH_PASSWORD_HASH='{bcrypt}$2y$04$j5rIY96Bil4iJ7gliGLh4e074Xgejkoo11.SFPuGDf88xTYSZHGjK'
BENCH_BASE_URL="http://127.0.0.1:$BENCH_HTTP_PORT"
APP_PID_FILE="$BENCH_DATA/app.pid"
APP_LOG="$BENCH_DATA/app.log"

log() {
    printf '%s %s\n' "$(date +%H:%M:%S)" "$*" >&2
}

fail() {
    log "ERROR: $*"
    exit 1
}

# Installs the Debian packages of the load tools and the PostgreSQL client tools when missing.
require_tools() {
    local missing=()
    command -v wrk >/dev/null 2>&1 || missing+=(wrk)
    command -v curl >/dev/null 2>&1 || missing+=(curl)
    command -v psql >/dev/null 2>&1 || missing+=(postgresql-client)
    [ -n "$(pgbench_path)" ] || missing+=(postgresql-15)
    if [ "${#missing[@]}" -gt 0 ]; then
        log "Installing ${missing[*]} from Debian packages"
        local sudo=""
        [ "$(id -u)" -ne 0 ] && sudo="sudo"
        DEBIAN_FRONTEND=noninteractive $sudo apt-get update -qq
        DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
    fi
}

pgbench_path() {
    if command -v pgbench >/dev/null 2>&1; then
        command -v pgbench
        return
    fi
    ls /usr/lib/postgresql/*/bin/pgbench 2>/dev/null | sort -V | tail -1
}

app_jar() {
    ls "$PROJECT_DIR"/target/cupboard-*.jar 2>/dev/null | grep -v -- '-plain' | head -1
}

build_jar() {
    if [ -z "$(app_jar)" ] || [ "${BENCH_REBUILD:-false}" = true ]; then
        log "Building the application jar (./mvnw -q -DskipTests package)"
        (cd "$PROJECT_DIR" && ./mvnw -q -B -DskipTests package)
    fi
    [ -n "$(app_jar)" ] || fail "No target/cupboard-*.jar after the build"
}

bench_psql() {
    PGOPTIONS='-c client_min_messages=warning' psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$BENCH_DB_PORT" -U postgres -d "$BENCH_DB_NAME" "$@"
}

# Prints one value of a query.
bench_value() {
    bench_psql -A -t -c "$1"
}

app_running() {
    [ -f "$APP_PID_FILE" ] && kill -0 "$(cat "$APP_PID_FILE")" 2>/dev/null
}

# Starts the packaged application on the bench data directory and waits until /actuator/health
# responds. Sets STARTUP_MS to the time from launch to the first healthy response.
start_app() {
    app_running && fail "A bench application already runs (pid $(cat "$APP_PID_FILE")); stop it with bench/run --stop"
    mkdir -p "$BENCH_DATA"
    local started
    started=$(date +%s%N)
    # shellcheck disable=SC2086
    java $BENCH_JAVA_OPTS -jar "$(app_jar)" \
        --server.address=127.0.0.1 \
        --server.port="$BENCH_HTTP_PORT" \
        --cupboard.database.embedded.data-directory="$BENCH_DATA/postgres" \
        --cupboard.database.embedded.port="$BENCH_DB_PORT" \
        --cupboard.database.embedded.database-name="$BENCH_DB_NAME" \
        --cupboard.time.zone="$BENCH_ZONE" \
        --cupboard.jobs.enabled=false \
        "$@" >"$APP_LOG" 2>&1 &
    echo $! >"$APP_PID_FILE"
    local deadline=$((SECONDS + 240))
    until curl -fs -o /dev/null "$BENCH_BASE_URL/actuator/health"; do
        if ! app_running; then
            tail -40 "$APP_LOG" >&2
            fail "The application exited during start-up; its log is $APP_LOG"
        fi
        [ "$SECONDS" -lt "$deadline" ] || fail "The application did not answer within 240 s; its log is $APP_LOG"
        sleep 0.2
    done
    STARTUP_MS=$(( ($(date +%s%N) - started) / 1000000 ))
    log "Application started in $STARTUP_MS ms (pid $(cat "$APP_PID_FILE"))"
}

# Stops the application with SIGTERM (which also stops its embedded PostgreSQL) and waits.
stop_app() {
    app_running || { rm -f "$APP_PID_FILE"; return 0; }
    local pid
    pid=$(cat "$APP_PID_FILE")
    kill -TERM "$pid"
    for _ in $(seq 1 120); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.5
    done
    if kill -0 "$pid" 2>/dev/null; then
        log "The application (pid $pid) did not stop within 60 s; sending SIGKILL"
        kill -KILL "$pid"
    fi
    rm -f "$APP_PID_FILE"
}

# The center's local date and time for the harness's "now".
local_date() {
    TZ="$BENCH_ZONE" date +%F
}
