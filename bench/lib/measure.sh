# The measurements of bench/run, each next to its baseline. Sourced after common.sh; every function
# writes its raw output under $RESULTS and adds rows to $RESULTS/figures.tsv:
#   figure, CupBoard value, baseline value, unit, ratio, target, verdict.

FIGURES_HEADER="figure\tcupboard\tbaseline\tunit\tratio\ttarget\tverdict"

# Adds one row. The verdict is "met", "MISSED" or "-" (no target).
figure() {
    [ -f "$RESULTS/figures.tsv" ] || printf "$FIGURES_HEADER\n" >"$RESULTS/figures.tsv"
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$@" >>"$RESULTS/figures.tsv"
}

ratio() {
    awk -v a="$1" -v b="$2" 'BEGIN { if (b + 0 == 0) print "n/a"; else printf "%.2f", a / b }'
}

# Prints "met" when the awk condition on the numbers a and b holds, otherwise "MISSED".
verdict() {
    awk -v a="$1" -v b="$2" "BEGIN { if ($3) print \"met\"; else print \"MISSED\" }"
}

# Prints key's value from a "result key=value ..." line of a wrk script.
field() {
    grep -o "\b$2=[^ ]*" "$1" | tail -1 | cut -d= -f2
}

build_test_classpath() {
    if [ ! -f "$PROJECT_DIR/target/bench-classpath.txt" ] || [ ! -f "$PROJECT_DIR/target/test-classes/io/cupboard/bench/JobSweeps.class" ] \
        || [ "${BENCH_REBUILD:-false}" = true ]; then
        log "Compiling the test classes and writing their class path (for the job sweeps)"
        (cd "$PROJECT_DIR" && ./mvnw -q -B test-compile dependency:build-classpath \
            -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test)
    fi
}

# Logs users in over HTTP (login form with its CSRF token) and appends "user cookie csrf" lines.
login_all() {
    local file="$1"
    shift
    local jar page
    jar=$(mktemp)
    page=$(mktemp)
    for user in "$@"; do
        rm -f "$jar"
        curl -fs -c "$jar" -b "$jar" -o "$page" "$BENCH_BASE_URL/login"
        local token
        token=$(grep -o 'name="_csrf" value="[^"]*"' "$page" | head -1 | sed 's/.*value="//; s/"$//')
        local home
        home=$(curl -s -c "$jar" -b "$jar" -o /dev/null -w '%{redirect_url}' \
            --data-urlencode "username=$user" --data-urlencode "password=$BENCH_PASSWORD" --data-urlencode "_csrf=$token" \
            "$BENCH_BASE_URL/login")
        case "$home" in
            *login*|"") fail "Login of $user failed (redirected to '$home')" ;;
        esac
        # The login page redirects a signed-in user, so the token comes from the role's home page.
        curl -fs -c "$jar" -b "$jar" -o "$page" "$home"
        local csrf cookie
        csrf=$(grep -o '<meta name="_csrf" content="[^"]*"' "$page" | sed 's/.*content="//; s/"$//')
        cookie=$(awk '$6 == "CUPBOARD_SESSION" { print $6 "=" $7 }' "$jar")
        [ -n "$csrf" ] && [ -n "$cookie" ] || fail "No session cookie or CSRF token for $user"
        echo "$user $cookie $csrf" >>"$file"
    done
    rm -f "$jar" "$page"
}

record_startup() {
    local reported
    reported=$(grep -o 'Started CupBoardApplication in [0-9.]* seconds' "$APP_LOG" | grep -o '[0-9.]*' | head -1)
    echo "startup_ms=$STARTUP_MS spring_reported_seconds=$reported" >"$RESULTS/startup.txt"
    figure "start-up to first healthy answer (s)" "$(awk -v ms="$STARTUP_MS" 'BEGIN { printf "%.1f", ms / 1000 }')" \
        "-" "s" "-" "-" "-"
}

# --- Memory ---------------------------------------------------------------------------------
# Samples once a second the Java process's RSS and VmHWM, and the sums over the PostgreSQL
# processes of Pss, RSS and VmHWM. Pss splits shared memory between the processes, so its sum is
# not inflated; the VmHWM sum counts the shared buffers once per process.
start_sampler() {
    local pid postmaster
    pid=$(cat "$APP_PID_FILE")
    postmaster=$(head -1 "$BENCH_DATA/postgres/postmaster.pid")
    rm -f "$RESULTS/sampler.stop"
    (
        for _ in $(seq 1 7200); do
            [ -f "$RESULTS/sampler.stop" ] && break
            kill -0 "$pid" 2>/dev/null || break
            local java_rss java_hwm pg_pss pg_rss pg_hwm files=()
            read -r java_rss java_hwm < <(awk '/^VmRSS/ { rss = $2 } /^VmHWM/ { hwm = $2 } END { print rss + 0, hwm + 0 }' \
                "/proc/$pid/status" 2>/dev/null || echo 0 0)
            for process in "$postmaster" $(ps -o pid= --ppid "$postmaster" 2>/dev/null); do
                files+=("/proc/$process/smaps_rollup" "/proc/$process/status")
            done
            # One cat and one awk for all processes. Three awk processes for each of 140 backends
            # (128 agents) took 0.5 s of CPU per sample, every second, beside the load measured.
            # cat skips the files of a backend that exited meanwhile, which then counts as 0.
            read -r pg_pss pg_rss pg_hwm < <(cat "${files[@]}" 2>/dev/null \
                | awk '/^Pss:/ { pss += $2 } /^VmRSS/ { rss += $2 } /^VmHWM/ { hwm += $2 } END { print pss + 0, rss + 0, hwm + 0 }')
            echo "$(date +%s) $java_rss $java_hwm $pg_pss $pg_rss $pg_hwm"
            sleep 1
        done
    ) >"$RESULTS/memory.txt" &
    SAMPLER_PID=$!
}

stop_sampler() {
    [ -n "${SAMPLER_PID:-}" ] || return 0
    touch "$RESULTS/sampler.stop"
    wait "$SAMPLER_PID" 2>/dev/null || true
    SAMPLER_PID=""
}

record_memory() {
    local java_peak pg_peak
    if [ ! -s "$RESULTS/memory.txt" ]; then
        log "The memory sampler recorded nothing; peak memory is not measured in this run"
        figure "peak memory, Java process VmHWM (MB)" "-" "-" "MB" "-" "< 768 MB" "not measured"
        return
    fi
    java_peak=$(awk '{ if ($3 > max) max = $3 } END { printf "%.0f", max / 1024 }' "$RESULTS/memory.txt")
    pg_peak=$(awk '{ if ($4 > max) max = $4 } END { printf "%.0f", max / 1024 }' "$RESULTS/memory.txt")
    figure "peak memory, Java process VmHWM (MB)" "$java_peak" "-" "MB" "-" "< 768 MB" \
        "$(verdict "$java_peak" 0 'a < 768')"
    figure "peak memory, PostgreSQL processes summed Pss (MB)" "$pg_peak" "-" "MB" "-" "-" "-"
    figure "peak memory, PostgreSQL processes summed VmHWM (MB, shared buffers counted per process)" \
        "$(awk '{ if ($6 > max) max = $6 } END { printf "%.0f", max / 1024 }' "$RESULTS/memory.txt")" "-" "MB" "-" "-" "-"
}

# --- CPU time -------------------------------------------------------------------------------
# Prints the CPU time used so far, in clock ticks, by the application's JVM and by the whole machine
# (user, nice, system, irq and softirq). The machine's figure counts PostgreSQL and the load tool
# too, so a run of the application and a run of pgbench compare like with like.
cpu_ticks() {
    local app=0
    if app_running; then
        app=$(awk '{ print $14 + $15 }' "/proc/$(cat "$APP_PID_FILE")/stat" 2>/dev/null || echo 0)
    fi
    echo "$app $(head -1 /proc/stat | awk '{ print $2 + $3 + $4 + $7 + $8 }')"
}

# Writes the CPU time of a measured run as "application machine" milliseconds to $RESULTS/NAME.cpu.
# Arguments: the name and the cpu_ticks output taken before the run.
record_cpu() {
    local name="$1" before="$2" ticks
    ticks=$(getconf CLK_TCK)
    awk -v before="$before" -v after="$(cpu_ticks)" -v tick="$ticks" 'BEGIN {
        split(before, b, " "); split(after, a, " ")
        printf "%.0f %.0f\n", (a[1] - b[1]) * 1000 / tick, (a[2] - b[2]) * 1000 / tick }' >"$RESULTS/$name.cpu"
}

# Prints milliseconds divided by a number of operations, with two decimals.
per_operation() {
    awk -v millis="$1" -v operations="$2" 'BEGIN { printf "%.2f", millis / operations }'
}

# Adds two figures: the whole machine's CPU time per operation of the application's run against
# pgbench's, and the application's JVM share of it. Arguments: the figure's subject, the wrk run's
# name, the pgbench run's name and the operation's name (for the unit).
cpu_figures() {
    local subject="$1" app_run="$2" base_run="$3" operation="$4"
    local requests transactions app_machine base_machine app_jvm
    requests=$(field "$RESULTS/$app_run.wrk" requests)
    transactions=$(grep -o 'number of transactions actually processed: [0-9]*' "$RESULTS/$base_run.pgbench.txt" | awk '{ print $NF }')
    app_jvm=$(per_operation "$(cut -d' ' -f1 "$RESULTS/$app_run.cpu")" "$requests")
    app_machine=$(per_operation "$(cut -d' ' -f2 "$RESULTS/$app_run.cpu")" "$requests")
    base_machine=$(per_operation "$(cut -d' ' -f2 "$RESULTS/$base_run.pgbench.cpu")" "$transactions")
    figure "$subject: CPU time per $operation, whole machine (ms)" "$app_machine" "$base_machine" "ms" \
        "$(ratio "$app_machine" "$base_machine")" "-" "-"
    figure "$subject: of that, the application's JVM (ms)" "$app_jvm" "-" "ms" "-" "-" "-"
}

# --- pgbench --------------------------------------------------------------------------------
# Runs a pgbench script with per-transaction logging. Arguments: name, clients, seconds, script,
# then -D variable=value pairs. Leaves the tps in $RESULTS/NAME.pgbench.txt and the latencies
# (ms, one per transaction) in $RESULTS/NAME.latencies.
run_pgbench() {
    local name="$1" clients="$2" seconds="$3" script="$4"
    shift 4
    local threads=$((clients < 2 ? 1 : 2))
    (cd "$RESULTS" && "$(pgbench_path)" -n -M prepared -h 127.0.0.1 -p "$BENCH_DB_PORT" -U postgres \
        -c "$clients" -j "$threads" -T "$seconds" -f "$BENCH_DIR/sql/$script" "$@" \
        -l --log-prefix="$name.pgbench-log" "$BENCH_DB_NAME") >"$RESULTS/$name.pgbench.txt" 2>&1 \
        || { cat "$RESULTS/$name.pgbench.txt" >&2; fail "pgbench $name failed"; }
    cat "$RESULTS/$name".pgbench-log.* | awk '{ printf "%.3f\n", $3 / 1000 }' | sort -n >"$RESULTS/$name.latencies"
    rm -f "$RESULTS/$name".pgbench-log.*
}

# Prints the p-th percentile (nearest rank) of a sorted file of numbers.
percentile() {
    awk -v p="$2" '{ value[NR] = $1 } END { if (NR == 0) { print "n/a"; exit } rank = int(p / 100 * NR + 0.999999); if (rank < 1) rank = 1; print value[rank] }' "$1"
}

pgbench_tps() {
    grep -o 'tps = [0-9.]*' "$RESULTS/$1.pgbench.txt" | head -1 | awk '{ print $3 }'
}

# --- wrk ------------------------------------------------------------------------------------
# Runs a wrk script. Arguments: name, threads (= connections), seconds, script, sessions file,
# then environment assignments for the script. The script's result line goes to $RESULTS/NAME.wrk.
run_wrk() {
    local name="$1" connections="$2" seconds="$3" script="$4" sessions="$5"
    shift 5
    env BENCH_LUA="$BENCH_DIR/lua" BENCH_SESSIONS="$sessions" "$@" \
        wrk -t "$connections" -c "$connections" -d "${seconds}s" --timeout 30s -s "$BENCH_DIR/lua/$script" \
        "$BENCH_BASE_URL" >"$RESULTS/$name.wrk" 2>&1 || { cat "$RESULTS/$name.wrk" >&2; fail "wrk $name failed"; }
    grep -q '^result ' "$RESULTS/$name.wrk" || { cat "$RESULTS/$name.wrk" >&2; fail "wrk $name printed no result"; }
}

# Prints the length of the unmeasured run before a measured one, so that both sides of a pair are
# measured warm: as long as the measured run, and at least 10 s. Per-thread CPU time on 2 cores
# showed the JIT compiler using a fifth of a core 20 s into a run of the CUP page, and an eighth
# after 60 s. A warm-up of a third of the run left much of that work inside the measured part.
warm_up() {
    local seconds=$(( $1 < 10 ? 10 : $1 ))
    echo "$seconds"
}

# Warms the application up with a wrk script until its throughput levels off: runs of
# WARM_STEP_SECONDS (20) until one is less than 3% faster than the one before, at least two runs
# and at most WARM_MAX_STEPS (9). On these 2 cores the JIT compiler shares the CPU with the load,
# so a fixed warm-up as long as the run measured a JVM still compiling. CUP page runs of 30 s after
# start-up gave p95 12.4, 6.0, 4.9, 4.3 and 4.1 ms, and the JVM's CPU time per page fell by a third.
# Each step's rate goes to NAME.steps. With WARM_PREPARE set, that function runs before each step
# (the outcome runs read the leads' current versions).
#
#   warm_until_steady NAME CONNECTIONS SCRIPT SESSIONS [VAR=VALUE...]
warm_until_steady() {
    local name="$1" connections="$2" script="$3" sessions="$4"
    shift 4
    local step=1 previous=0 rate
    : >"$RESULTS/$name.steps"
    while :; do
        [ -z "${WARM_PREPARE:-}" ] || "$WARM_PREPARE"
        run_wrk "$name-$step" "$connections" "${WARM_STEP_SECONDS:-20}" "$script" "$sessions" "$@"
        rate=$(field "$RESULTS/$name-$step.wrk" rps)
        echo "$step $rate" >>"$RESULTS/$name.steps"
        if [ "$step" -ge "${WARM_MAX_STEPS:-9}" ] \
            || { [ "$step" -ge 2 ] && awk -v a="$rate" -v b="$previous" 'BEGIN { exit !(a < 1.03 * b) }'; }; then
            break
        fi
        previous=$rate
        step=$((step + 1))
    done
    log "Warmed up in $step steps of ${WARM_STEP_SECONDS:-20} s: $(awk '{ printf "%s%.0f/s", (NR > 1 ? ", " : ""), $2 }' "$RESULTS/$name.steps")"
}

# --- Times for the baselines ------------------------------------------------------------------
iso_now() {
    date -u +%FT%TZ
}

# The UTC time this many seconds from now.
iso_offset() {
    date -u -d "@$(( $(date +%s) + $1 ))" +%FT%TZ
}

# The center's midnight this many days from today, with its UTC offset.
local_midnight() {
    TZ="$BENCH_ZONE" date -d "$(TZ="$BENCH_ZONE" date -d "$1 days" +%F) 00:00" --iso-8601=seconds
}

# The center's date this many days from today.
local_day() {
    TZ="$BENCH_ZONE" date -d "$1 days" +%F
}

# --- The CUP page ---------------------------------------------------------------------------
measure_cup() {
    local seconds="$1" warm
    warm=$(warm_up "$seconds")
    local agent focus
    agent=$(bench_value "select id from app_user where username = 'agent001'")
    focus=$(bench_value "select coalesce((select case s.focus when 'NEW_LEADS' then '{FIRST_CONTACT}'
                                                   when 'FOLLOW_UPS' then '{FOLLOW_UP}' else '{CALLBACK,RETRY}' end
                                          from day_segment s join day_template t on t.id = s.template_id
                                          where t.team_id is null
                                            and s.starts_at <= (now() at time zone '$BENCH_ZONE')::time
                                            and s.ends_at > (now() at time zone '$BENCH_ZONE')::time
                                          limit 1), '{}')")
    local rows
    rows=$(bench_value "select count(*) from task where owner_id = $agent and state = 'OPEN'
                        and due_at < '$(local_midnight 1)'")
    log "CUP page of agent001 ($rows tasks due by the end of today), 1 connection, ${seconds} s"
    warm_until_steady cup-warm 1 get.lua "$RESULTS/cup.sessions" BENCH_SESSION=1 BENCH_PATH=/cup
    local cpu_before
    cpu_before=$(cpu_ticks)
    run_wrk cup 1 "$seconds" get.lua "$RESULTS/cup.sessions" BENCH_SESSION=1 BENCH_PATH=/cup
    record_cpu cup "$cpu_before"
    [ "$(field "$RESULTS/cup.wrk" failures)" = 0 ] || fail "The CUP page answered other than 200; see $RESULTS/cup.wrk"

    local variables=(-D agent="$agent" -D now="$(iso_now)" -D end_of_today="$(local_midnight 1)"
        -D callback_from="$(iso_offset -1800)" -D callback_to="$(iso_offset 600)"
        -D focus="$focus" -D lift=1000 -D registry_cutoff="$(iso_offset -1296000)")
    run_pgbench cup-warm 1 "$warm" cup.pgbench "${variables[@]}"
    cpu_before=$(cpu_ticks)
    run_pgbench cup 1 "$seconds" cup.pgbench "${variables[@]}"
    record_cpu cup.pgbench "$cpu_before"
    local plan_variables=()
    local argument
    for argument in "${variables[@]}"; do
        [ "$argument" = -D ] || plan_variables+=("$argument")
    done
    explain_script "CUP query of agent001" cup.pgbench "${plan_variables[@]}"

    local p
    for p in 50 95 99; do
        local app base target="-" check="-"
        app=$(field "$RESULTS/cup.wrk" "p$p")
        base=$(percentile "$RESULTS/cup.latencies" "$p")
        if [ "$p" = 95 ]; then
            target="≤ 3× bare query"
            check=$(verdict "$app" "$base" 'a <= 3 * b')
        fi
        figure "CUP page p$p, agent with 250 open leads ($rows tasks due today, the first page of rows shown) (ms)" "$app" "$base" "ms" "$(ratio "$app" "$base")" "$target" "$check"
    done
    cpu_figures "CUP page" cup cup page
}

# Writes EXPLAIN (ANALYZE, BUFFERS) of a single-statement baseline script to $RESULTS/plans.txt.
# Arguments: a title, the script, then the variables as name=value (the same as pgbench's -D).
explain_script() {
    local title="$1" script="$2"
    shift 2
    local variables=()
    local pair
    for pair in "$@"; do
        variables+=(-v "$pair")
    done
    {
        echo "== $title"
        { echo "explain (analyze, buffers)"; grep -v '^--' "$BENCH_DIR/sql/$script" \
            | sed "s/cast(:\([a-z_]*\) as/cast(:'\1' as/g"; } | bench_psql "${variables[@]}" -A -t
        echo
    } >>"$RESULTS/plans.txt"
}

# --- Dashboards -----------------------------------------------------------------------------
dashboard_variables() {
    echo -D now="$(iso_now)" -D today="$(local_day 0)" -D start_of_today="$(local_midnight 0)" \
        -D end_of_today="$(local_midnight 1)" -D week_start="$(local_midnight -6)" \
        -D missed_before="$(iso_offset -1800)" -D grace_seconds=1800
}

measure_team() {
    local seconds="$1" warm team
    warm=$(warm_up "$seconds")
    team=$(bench_value "select team_id from app_user where username = 'agent001'")
    log "Team dashboard of team $team as its team lead, 1 connection, ${seconds} s"
    warm_until_steady team-warm 1 get.lua "$RESULTS/lead.sessions" BENCH_SESSION=1 BENCH_PATH="/team?team=$team"
    run_wrk team 1 "$seconds" get.lua "$RESULTS/lead.sessions" BENCH_SESSION=1 BENCH_PATH="/team?team=$team"
    # shellcheck disable=SC2046
    run_pgbench team-warm 1 "$warm" team.pgbench -D team="$team" $(dashboard_variables)
    # shellcheck disable=SC2046
    run_pgbench team 1 "$seconds" team.pgbench -D team="$team" $(dashboard_variables)
    # shellcheck disable=SC2046
    explain_script "team dashboard, agent figures of team $team" team.pgbench team="$team" $(dashboard_variables | sed 's/-D //g')
    local app base
    app=$(field "$RESULTS/team.wrk" p95)
    base=$(percentile "$RESULTS/team.latencies" 95)
    figure "team dashboard p95 (ms)" "$app" "$base" "ms" "$(ratio "$app" "$base")" "< 200 ms" "$(verdict "$app" "$base" 'a < 200')"
}

measure_center() {
    local seconds="$1" warm
    warm=$(warm_up "$seconds")
    log "Center dashboard (last 7 days) as the manager, 1 connection, ${seconds} s"
    warm_until_steady center-warm 1 get.lua "$RESULTS/manager.sessions" BENCH_SESSION=1 BENCH_PATH=/center
    run_wrk center 1 "$seconds" get.lua "$RESULTS/manager.sessions" BENCH_SESSION=1 BENCH_PATH=/center
    local range=(-D from="$(local_midnight -6)" -D to="$(local_midnight 1)"
        -D from_date="$(local_day -6)" -D to_date="$(local_day 1)" -D zone="$BENCH_ZONE")
    # shellcheck disable=SC2046
    run_pgbench center-warm 1 "$warm" center.pgbench "${range[@]}" $(dashboard_variables)
    # shellcheck disable=SC2046
    run_pgbench center 1 "$seconds" center.pgbench "${range[@]}" $(dashboard_variables)
    local app base
    app=$(field "$RESULTS/center.wrk" p95)
    base=$(percentile "$RESULTS/center.latencies" 95)
    figure "center dashboard p95 (ms)" "$app" "$base" "ms" "$(ratio "$app" "$base")" "-" "-"
}

# --- Outcomes -------------------------------------------------------------------------------
measure_outcomes() {
    local agents="$1" seconds="$2"
    log "Follow-up outcomes by $agents agents over HTTP, then pgbench with $agents clients, ${seconds} s each"
    head -n "$agents" "$RESULTS/agents.sessions" >"$RESULTS/outcome-$agents.sessions"
    local users cpu_before
    users=$(awk '{ printf "%s\x27%s\x27", (NR > 1 ? "," : ""), $1 }' "$RESULTS/outcome-$agents.sessions")
    # Each run gets the leads' current versions, because the runs before it changed them.
    plan_outcomes() {
        bench_value "select string_agg(concat_ws(' ', u.n, l.id, l.version), E'\n' order by u.n, l.id)
                     from (select id, row_number() over (order by username) as n from app_user where username in ($users)) as u
                     join lead l on l.owner_id = u.id and l.closed_at is null" >"$RESULTS/outcome-$agents.plan"
    }
    WARM_PREPARE=plan_outcomes warm_until_steady "outcome-$agents-warm" "$agents" outcome.lua \
        "$RESULTS/outcome-$agents.sessions" BENCH_PLAN="$RESULTS/outcome-$agents.plan"
    plan_outcomes
    cpu_before=$(cpu_ticks)
    run_wrk "outcome-$agents" "$agents" "$seconds" outcome.lua "$RESULTS/outcome-$agents.sessions" \
        BENCH_PLAN="$RESULTS/outcome-$agents.plan"
    record_cpu "outcome-$agents" "$cpu_before"

    bench_psql -c "drop table if exists bench_outcome_lead" \
        -c "create table bench_outcome_lead as
            select cast(row_number() over (order by hashint8(id), id) as integer) as n, id as lead_id
            from lead where closed_at is null and owner_id is not null
              and owner_id <> (select id from app_user where username = 'agent001')" \
        -c "alter table bench_outcome_lead add primary key (n)" >/dev/null
    local planned
    planned=$(bench_value "select count(*) from bench_outcome_lead")
    run_pgbench "outcome-$agents-warm" "$agents" "$(warm_up "$seconds")" outcome.pgbench -D plan_size="$planned"
    cpu_before=$(cpu_ticks)
    run_pgbench "outcome-$agents" "$agents" "$seconds" outcome.pgbench -D plan_size="$planned"
    record_cpu "outcome-$agents.pgbench" "$cpu_before"

    local app base app_p99 base_p99
    app=$(field "$RESULTS/outcome-$agents.wrk" rps)
    base=$(pgbench_tps "outcome-$agents")
    app_p99=$(field "$RESULTS/outcome-$agents.wrk" p99)
    base_p99=$(percentile "$RESULTS/outcome-$agents.latencies" 99)
    local errors
    errors="$(field "$RESULTS/outcome-$agents.wrk" failures) failed, $(field "$RESULTS/outcome-$agents.wrk" conflicts) conflicts"
    figure "outcomes, $agents agents: throughput ($errors) (/s)" "$app" "$base" "/s" "$(ratio "$app" "$base")" \
        "≥ 0.5× pgbench" "$(verdict "$app" "$base" 'a >= 0.5 * b')"
    figure "outcomes, $agents agents: p99 (ms)" "$app_p99" "$base_p99" "ms" "$(ratio "$app_p99" "$base_p99")" "-" "-"
    cpu_figures "outcomes, $agents agents" "outcome-$agents" "outcome-$agents" outcome
}

# --- Next-lead pulls ------------------------------------------------------------------------
measure_pulls() {
    local agents="$1" seconds="$2"
    local since pooled
    since=$(bench_value "select now()")
    pooled=$(bench_value "select count(*) from task t join team m on m.id = t.team_id
                          where m.name = 'צוות מאגר' and t.owner_id is null and t.state = 'OPEN'")
    if [ "$pooled" -eq 0 ]; then
        log "next-lead pulls: skipped, the pool team has no open leads (the dataset is too small for its agents)"
        figure "next-lead pulls, $agents agents, one pool: throughput (/s)" "skipped: empty pool" "-" "/s" "-" "-" "-"
        return
    fi
    log "Next-lead pulls by $agents pool agents from one pool of $pooled leads, ${seconds} s"
    run_wrk pulls-warm "$agents" "$(warm_up "$seconds")" pull.lua "$RESULTS/pool.sessions"
    run_wrk pulls "$agents" "$seconds" pull.lua "$RESULTS/pool.sessions"
    local duplicates
    duplicates=$(bench_value "$(sed "s/cast(:since as timestamptz)/cast('$since' as timestamptz)/" "$BENCH_DIR/sql/pool-duplicates.sql" \
        | grep -v '^--')")

    bench_psql -c "drop table if exists bench_pool_agent" \
        -c "create table bench_pool_agent as
            select cast(row_number() over (order by username) as integer) as n, id, team_id
            from app_user where username like 'pool%' order by username limit $agents" >/dev/null
    run_pgbench pulls-warm "$agents" "$(warm_up "$seconds")" pool-claim.pgbench -D agents="$agents"
    run_pgbench pulls "$agents" "$seconds" pool-claim.pgbench -D agents="$agents"

    local app base
    app=$(field "$RESULTS/pulls.wrk" pulls_per_second)
    base=$(pgbench_tps pulls)
    figure "next-lead pulls, $agents agents, one pool: throughput (/s)" "$app" "$base" "/s" "$(ratio "$app" "$base")" "-" "-"
    figure "next-lead pulls: duplicate leads" "$duplicates" "-" "leads" "-" "0" "$(verdict "$duplicates" 0 'a == 0')"
}

# --- Import ---------------------------------------------------------------------------------
measure_import() {
    local rows=100000
    local csv="$RESULTS/import-$rows.csv"
    log "Import of $rows rows: COPY baseline"
    # Numbers +97254 2000001 … are valid Israeli mobiles that no generated lead has. Each earlier
    # import batch moves the range on, so a second run on the same dataset imports new leads too.
    local first_number
    first_number=$(bench_value "select 2000000 + count(*) * $rows from import_batch")
    bench_psql -c "\\copy (select 'ליד ' || n as full_name, '+97254' || ($first_number + n) as phone,
                               'import' || ($first_number + n) || '@example.com' as email, 'חיפה' as city, 'facebook' as source,
                               'campaign-import' as campaign
                        from generate_series(1, $rows) as n) to '$csv' with (format csv, header)"
    bench_psql -c "drop table if exists bench_import_staging" \
        -c "create table bench_import_staging (full_name text, phone text, email text, city text, source text, campaign text)" >/dev/null
    local started copy_seconds
    started=$(date +%s%N)
    bench_psql -c "\\copy bench_import_staging from '$csv' with (format csv, header)"
    copy_seconds=$(awk -v ns="$(( $(date +%s%N) - started ))" 'BEGIN { printf "%.2f", ns / 1e9 }')

    login_all "$RESULTS/admin.sessions" admin
    local cookie csrf status
    cookie=$(awk '{ print $2 }' "$RESULTS/admin.sessions")
    csrf=$(awk '{ print $3 }' "$RESULTS/admin.sessions")
    status=$(curl -s -o "$RESULTS/import-page.html" -w '%{http_code}' -H "Cookie: $cookie" "$BENCH_BASE_URL/intake")
    if [ "$status" != 200 ]; then
        log "import: not available in this build (GET /intake answered $status)"
        figure "import of $rows CSV rows (s)" "not available in this build" "$copy_seconds" "s" "-" "≤ 4× COPY" "-"
        return
    fi
    local import_seconds
    if import_seconds=$(drive_import "$cookie" "$csrf" "$csv" "$rows"); then
        figure "import of $rows CSV rows ($(cat "$RESULTS/import-summary.txt")) (s)" "$import_seconds" "$copy_seconds" "s" "$(ratio "$import_seconds" "$copy_seconds")" \
            "≤ 4× COPY" "$(verdict "$import_seconds" "$copy_seconds" 'a <= 4 * b')"
        measure_import_writes "$import_seconds" "$copy_seconds"
    else
        figure "import of $rows CSV rows (s)" "not measured: the import driver failed (see the log)" "$copy_seconds" "s" "-" \
            "≤ 4× COPY" "-"
    fi
}

# Writes the rows of the import again with set-based SQL and rolls them back (sql/import-writes.sql):
# the least that the import's inserts cost, beside COPY and beside the application's import.
measure_import_writes() {
    local import_seconds="$1" copy_seconds="$2" started writes_seconds
    started=$(date +%s%N)
    if ! bench_psql -f "$BENCH_DIR/sql/import-writes.sql" >"$RESULTS/import-writes.out" 2>&1; then
        log "import: the set-based writes failed (see $RESULTS/import-writes.out)"
        return
    fi
    writes_seconds=$(awk -v ns="$(( $(date +%s%N) - started ))" 'BEGIN { printf "%.2f", ns / 1e9 }')
    figure "import's rows written by set-based SQL, rolled back, against COPY (s)" "$writes_seconds" "$copy_seconds" "s" \
        "$(ratio "$writes_seconds" "$copy_seconds")" "-" "-"
    figure "import of the CSV against those set-based writes (s)" "$import_seconds" "$writes_seconds" "s" \
        "$(ratio "$import_seconds" "$writes_seconds")" "-" "-"
}

# Imports a CSV file through the web pages of the file import, as an admin does. It uploads to
# the intake source "facebook" (bench/sql/generate.sql creates it) and opens the mapping page. It
# starts the batch with the file's columns mapped to the lead fields and waits until it finishes. Prints the
# seconds from the upload to the batch's finish time; fails with a message naming the step.
drive_import() {
    local cookie="$1" csrf="$2" csv="$3" rows="$4"
    local source
    source=$(bench_value "select id from intake_source where code = 'facebook' and active")
    if [ -z "$source" ] || ! grep -q "<option value=\"$source\"" "$RESULTS/import-page.html"; then
        log "import: /intake offers no active intake source 'facebook'; regenerate the dataset (bench/run --regenerate)"
        return 1
    fi
    # Spring Security reads the CSRF token from this header as well as from the _csrf field.
    local headers=(-H "Cookie: $cookie" -H "X-CSRF-TOKEN: $csrf")

    local started location batch
    started=$(date +%s%N)
    location=$(curl -s -o /dev/null -w '%{redirect_url}' "${headers[@]}" -F "sourceId=$source" \
        -F "file=@$csv;type=text/csv" -F "_csrf=$csrf" "$BENCH_BASE_URL/intake/uploads")
    batch=$(echo "$location" | grep -o '/intake/batches/[0-9]*/mapping' | grep -o '[0-9]\+')
    if [ -z "$batch" ]; then
        log "import: the upload did not lead to a mapping page (redirected to '$location')"
        return 1
    fi
    curl -fs "${headers[@]}" -o "$RESULTS/import-mapping.html" "$BENCH_BASE_URL/intake/batches/$batch/mapping" || {
        log "import: the mapping page of batch $batch failed"
        return 1
    }

    # The columns of the file written by measure_import; its source column is not a lead field.
    location=$(curl -s -o /dev/null -w '%{redirect_url}' "${headers[@]}" --data-urlencode "_csrf=$csrf" \
        -d column.FULL_NAME=0 -d column.PHONE=1 -d column.EMAIL=2 -d column.CITY=3 -d column.CAMPAIGN=5 \
        "$BENCH_BASE_URL/intake/batches/$batch/start")
    case "$location" in
        */intake/batches/"$batch") ;;
        *) log "import: starting batch $batch failed (redirected to '$location')"; return 1 ;;
    esac

    # Polls the batch row, because the progress page shows the same counts. A running import
    # commits a chunk at least every few seconds, so two minutes without progress means it hangs.
    local state progress last_progress="" last_change=$SECONDS
    for _ in $(seq 1 7200); do
        state=$(bench_value "select status || ' ' || last_record_number from import_batch where id = $batch")
        progress=${state#* }
        case "${state%% *}" in
            COMPLETED) break ;;
            FAILED|CANCELLED)
                log "import: batch $batch ended as ${state%% *}: $(bench_value "select failure from import_batch where id = $batch")"
                return 1 ;;
        esac
        if [ "$progress" != "$last_progress" ]; then
            last_progress=$progress
            last_change=$SECONDS
        fi
        if [ $((SECONDS - last_change)) -ge 120 ]; then
            log "import: batch $batch made no progress for 120 s (at record $progress of $((rows + 1)))"
            return 1
        fi
        sleep 0.5
    done
    [ "${state%% *}" = COMPLETED ] || { log "import: batch $batch did not finish within an hour"; return 1; }
    bench_psql -A -c "select records_total, imported_count, merged_count, reopened_count, duplicate_count, rejected_count,
                             blocked_count, blank_count, started_at, finished_at from import_batch where id = $batch" \
        >"$RESULTS/import-batch.txt"
    bench_value "select format('%s imported, %s duplicates, %s rejected, %s blocked',
        imported_count, duplicate_count + merged_count + reopened_count, rejected_count, blocked_count)
        from import_batch where id = $batch" >"$RESULTS/import-summary.txt"
    log "import: batch $batch: $(cat "$RESULTS/import-summary.txt")"
    bench_value "select to_char(extract(epoch from finished_at) - $started / 1e9, 'FM999990.00') from import_batch where id = $batch"
}

# --- Scheduled jobs -------------------------------------------------------------------------
measure_sweeps() {
    local leads="$1"
    log "Job sweeps over $leads leads at 0%, 0.1% and 1% of leads needing a transition"
    java -cp "$PROJECT_DIR/target/test-classes:$PROJECT_DIR/target/classes:$(cat "$PROJECT_DIR/target/bench-classpath.txt")" \
        io.cupboard.bench.JobSweeps "jdbc:postgresql://127.0.0.1:$BENCH_DB_PORT/$BENCH_DB_NAME" "$leads" 0,0.001,0.01 3 \
        >"$RESULTS/sweeps.txt" 2>"$RESULTS/sweeps.log" || { tail -40 "$RESULTS/sweeps.log" >&2; fail "The job sweeps failed"; }
    local job share
    for job in $(grep -o '^sweep job=[^ ]* share=' "$RESULTS/sweeps.txt" | cut -d= -f2 | cut -d' ' -f1 | sort -u); do
        for share in $(grep "^sweep job=$job share=" "$RESULTS/sweeps.txt" | grep -o 'share=[^ ]*' | cut -d= -f2 | sort -u); do
            local lines app base
            lines=$(grep "^sweep job=$job share=$share " "$RESULTS/sweeps.txt")
            app=$(echo "$lines" | grep -o 'job_ms=[^ ]*' | cut -d= -f2 | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')
            base=$(echo "$lines" | grep -o 'statement_ms=[^ ]*' | cut -d= -f2 | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }')
            figure "$job sweep, $(awk -v s="$share" 'BEGIN { printf "%g%%", s * 100 }') of leads armed ($(sweep_rows "$(echo "$lines" | head -1)")), median (ms)" \
                "$app" "$base" "ms" "$(ratio "$app" "$base")" \
                "≤ 1.5× statement" "$(verdict "$app" "$base" 'a <= 1.5 * b')"
        done
    done
    # grep finds no line when every job has a benchmark; that is no failure.
    { grep 'skipped' "$RESULTS/sweeps.txt" || true; } | sed 's/^sweep job=//' | while read -r line; do
        log "sweep $line"
        figure "sweep ${line%% skipped*}" "${line#* skipped: }" "-" "-" "-" "≤ 1.5× statement" "-"
    done
}

# Prints what a sweep line reports as armed and changed, for example "100 open tasks armed; job: 115
# tasks carried; statement: 115".
sweep_rows() {
    local line="$1"
    local armed_kind changed_kind other
    armed_kind=$(echo "$line" | grep -o 'armed_kind=[^ ]*' | cut -d= -f2 | tr _ ' ')
    changed_kind=$(echo "$line" | grep -o 'changed_kind=[^ ]*' | cut -d= -f2 | tr _ ' ')
    other=$(echo "$line" | grep -o 'job_other_rows=[^ ]*' | cut -d= -f2)
    printf '%s %s armed; job: %s %s' "$(echo "$line" | grep -o ' armed=[^ ]*' | cut -d= -f2)" "$armed_kind" \
        "$(echo "$line" | grep -o ' job_rows=[^ ]*' | cut -d= -f2)" "$changed_kind"
    [ "${other:-0}" = 0 ] || printf ' and %s rows of its other transitions' "$other"
    printf '; statement: %s' "$(echo "$line" | grep -o 'statement_rows=[^ ]*' | cut -d= -f2)"
}

# --- Report ---------------------------------------------------------------------------------
write_results() {
    local leads="$1" seed="$2" duration="$3" anchor="$4"
    {
        echo "# CupBoard benchmark run $(basename "$RESULTS")"
        echo
        echo "- machine: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(uname -sr)"
        echo "- Java: $(java -version 2>&1 | head -1); JVM options: $BENCH_JAVA_OPTS"
        echo "- dataset: $leads leads, seed $seed; load duration $duration s per measurement"
        echo "- tools: $(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2), $("$(pgbench_path)" --version)"
        if [ "$(local_date)" != "$anchor" ]; then
            echo "- WARNING: the dataset was built for $anchor but the run ended on $(local_date) in $BENCH_ZONE, so"
            echo "  today's tasks of the dataset counted as yesterday's for the later measurements"
        fi
        echo
        echo "| figure | CupBoard | baseline | ratio | target | verdict |"
        echo "|---|---:|---:|---:|---|---|"
        tail -n +2 "$RESULTS/figures.tsv" | awk -F'\t' '{ printf "| %s | %s | %s | %s | %s | %s |\n", $1, $2, $3, $5, $6, $7 }'
    } >"$RESULTS/results.md"
    cat "$RESULTS/results.md"
}
