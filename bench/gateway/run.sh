#!/usr/bin/env bash
# Measures the time qrun-gateway adds to a qrun job against direct mode, in one run: inside one Slurm job
# (on the local test cluster), qrun runs the same small sampler input alternately in direct mode (the site's
# credentials in its environment, as the seed gives them) and in gateway mode (the environment the plugin gives
# with gateway=), against the same emulator and s3rver. Prints, for each mode, the wall time and the latency beyond
# execution (wall time minus the execution the service logs, "completed in"; target <= 50 ms median), and what
# the gateway adds (median and p95 of the per-pair differences; target <= 30 ms median).
# The services (emulator and gateway run JIT-compiled, s3rver on V8) first serve BENCH_WARMUP unmeasured pairs
# (default 200): after 3, their tiering still took tens of milliseconds a job, and after 50 the gateway's JIT
# thread still took 41% of its CPU (9% after 300), so shorter warm-ups measure a service still starting.
#
# With QRUN_BASELINE=OTHER_QRUN (e.g. the build before a change), each round also runs that qrun in both modes
# (order reversed every other round), and its medians are printed beside the build's: the noise between runs on a
# small machine (+-8 ms) is larger than most changes, so only runs side by side in one job can show them.
#
# usage: bench/gateway/run.sh [PAIRS]      (default 30 pairs)
# Runs as root on a cluster brought up with scripts/slurm-cluster.sh up --job-submit etc/job_submit.lua; wrap it
# in `flock -o /tmp/spank-qrun-cluster.lock`. Needs build/qrun, build/spank_ibm_qrun.so and build/emulator (make),
# and builds qrun-gateway into build/gateway if it is missing. Starts its own s3rver, emulator and gateway on free
# ports, points the plugin's line at the gateway for the run and puts the line back as it was.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
readonly REPO_ROOT
readonly PAIRS="${1:-30}"
readonly WARMUP="${BENCH_WARMUP:-200}"
readonly PLUGIN_CONF=/etc/slurm/plugstack.conf.d/spank_ibm_qrun.conf
readonly BACKEND=fake_lagos
readonly BASELINE="${QRUN_BASELINE:-}"

die() { printf 'bench/gateway: error: %s\n' "$*" >&2; exit 1; }
[[ "$PAIRS" =~ ^[1-9][0-9]*$ ]] || die "PAIRS=$PAIRS: expected a positive whole number"
[[ "$WARMUP" =~ ^[0-9]+$ ]] || die "BENCH_WARMUP=$WARMUP: expected a whole number"
[[ -z "$BASELINE" || -x "$BASELINE" ]] || die "QRUN_BASELINE=$BASELINE: not an executable qrun"
[[ $(id -u) -eq 0 ]] || die "must run as root (it starts qrun-gateway with a root-only configuration and rewrites $PLUGIN_CONF)"
timeout 5 sinfo -h >/dev/null 2>&1 || die "no answer from slurmctld: run scripts/slurm-cluster.sh up --job-submit etc/job_submit.lua first"
scontrol show config | grep '^JobSubmitPlugins.*lua' >/dev/null || die "the cluster does not run etc/job_submit.lua (scripts/slurm-cluster.sh up --job-submit etc/job_submit.lua)"
for f in build/qrun build/spank_ibm_qrun.so build/emulator/qrun-emulator; do
    [[ -x "$REPO_ROOT/$f" || -f "$REPO_ROOT/$f" ]] || die "$f missing: build first (mkdir build && cd build && cmake .. && make)"
done
if [[ ! -x "$REPO_ROOT/build/gateway/qrun-gateway" ]]; then
    dotnet publish "$REPO_ROOT/src/SpankQrun.Gateway" -c Release -o "$REPO_ROOT/build/gateway" --nologo -v quiet >/dev/null
fi

# A port nothing listens on (a connection attempt is refused).
free_port() {
    local port
    while :; do
        port=$((20000 + RANDOM % 40000))
        (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
    done
}
wait_for() {
    for _ in $(seq 150); do curl -s -o /dev/null "$2" && return 0; sleep 0.2; done
    die "$1 did not answer at $2 (log: $work/$1.log)"
}

work="$(mktemp -d /var/tmp/bench-gateway.XXXXXX)"
jobs_dir="$(mktemp -d /tmp/bench-gateway-jobs.XXXXXX)"
chmod 0700 "$work"
chmod 0755 "$jobs_dir"
saved=""
[[ -e "$PLUGIN_CONF" ]] && saved="$(cat "$PLUGIN_CONF")"
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    if [[ -n "$saved" ]]; then printf '%s\n' "$saved" >"$PLUGIN_CONF"; else rm -f "$PLUGIN_CONF"; fi
    rm -rf "$work" "$jobs_dir"
}
trap cleanup EXIT

s3_port="$(free_port)"; emulator_port="$(free_port)"; gateway_port="$(free_port)"
s3="http://127.0.0.1:$s3_port"; emulator="http://127.0.0.1:$emulator_port"; gateway="http://127.0.0.1:$gateway_port"
mkdir -p "$work/s3" "$work/emulator"
setsid "$REPO_ROOT/node_modules/.bin/s3rver" --silent -d "$work/s3" -a 127.0.0.1 -p "$s3_port" --configure-bucket bench >"$work/s3rver.log" 2>&1 </dev/null &
pids+=($!)
setsid "$REPO_ROOT/build/emulator/qrun-emulator" --urls "$emulator" --state-dir "$work/emulator" >"$work/emulator.log" 2>&1 </dev/null &
pids+=($!)
wait_for s3rver "$s3/"
wait_for emulator "$emulator/version"
install -m 0600 /dev/stdin "$work/gateway.conf" <<CONF
listen = $gateway
backends = $BACKEND
database = sqlite:$work/gateway.db
daapi_endpoint = $emulator
iam_endpoint = $emulator
service_crn = crn:v1:local:quantum-computing:emulator::
iam_apikey = demo-apikey
s3_endpoint = $s3
s3_bucket = bench
s3_region = us-east-1
aws_access_key_id = S3RVER
aws_secret_access_key = S3RVER
CONF
setsid "$REPO_ROOT/build/gateway/qrun-gateway" --config "$work/gateway.conf" >"$work/gateway.log" 2>&1 </dev/null &
pids+=($!)
wait_for gateway "$gateway/gateway/v1/health"
printf 'optional %s gateway=%s backends=%s\n' "$(readlink -f "$REPO_ROOT/build/spank_ibm_qrun.so")" "$gateway" "$BACKEND" >"$PLUGIN_CONF"

cat >"$jobs_dir/in.json" <<'JSON'
{"pubs":[["OPENQASM 3.0; include \"stdgates.inc\"; bit[2] meas; rz(pi/2) $0; sx $0; rz(pi/2) $0; cx $0, $1; meas[0] = measure $0; meas[1] = measure $1;",[],64]],"version":2,"support_qiskit":false}
JSON
# One Slurm job; in it, pairs of (direct, gateway) runs in alternating order, so that drift hits both alike.
cat >"$jobs_dir/bench.sh" <<JOB
#!/bin/bash
#SBATCH --q-backend=$BACKEND
#SBATCH --q-primitive=sampler
# A subshell that execs qrun: one fork and one exec, as gateway mode's plain call (env would add an exec).
direct_with() (
    unset IBMQRUN_GATEWAY
    export IBMQRUN_DAAPI_ENDPOINT=$emulator IBMQRUN_IAM_ENDPOINT=$emulator \\
        IBMQRUN_SERVICE_CRN=crn:v1:local:quantum-computing:emulator:: IBMQRUN_IAM_APIKEY=demo-apikey \\
        IBMQRUN_S3_ENDPOINT=$s3 IBMQRUN_S3_BUCKET=bench IBMQRUN_S3_REGION=us-east-1 \\
        IBMQRUN_AWS_ACCESS_KEY_ID=S3RVER IBMQRUN_AWS_SECRET_ACCESS_KEY=S3RVER
    exec "\$1" in.json --results out.direct.json 2>run.err
)
direct() { direct_with $REPO_ROOT/build/qrun; }
gateway() { $REPO_ROOT/build/qrun in.json --results out.gateway.json 2>run.err; }
direct_baseline() { direct_with $BASELINE; }
gateway_baseline() { $BASELINE in.json --results out.gateway.json 2>run.err; }
modes="direct gateway${BASELINE:+ direct_baseline gateway_baseline}"
# Bash's own clock (microseconds): a \$(date) around each run would count two more processes, about 5 ms here.
timed() {
    local start end status execution
    start=\${EPOCHREALTIME//[.,]/}
    "\$1"; status=\$?
    end=\${EPOCHREALTIME//[.,]/}
    cat run.err >>qrun.log
    (( status == 0 )) || { echo "FAILED \$1" >&2; return 1; }
    # The service log qrun prints ends with the job's execution time: "completed in 0.012 s".
    execution=\$(sed -n 's/.*completed in \\([0-9.]*\\) s.*/\\1/p' run.err | tail -1)
    [[ -n \$execution ]] || { echo "FAILED \$1: no 'completed in' line in its service log" >&2; return 1; }
    [[ \$2 == measure ]] && echo "\$1 \$(( end - start )) \$execution" >>times.txt
    return 0
}
for i in \$(seq $((PAIRS + WARMUP))); do
    mode=measure; (( i <= $WARMUP )) && mode=warmup
    order=\$modes; (( i % 2 )) || order=\$(printf '%s\\n' \$modes | tac)
    for run in \$order; do timed \$run \$mode; done
done
JOB
echo "bench/gateway: $PAIRS pairs (+$WARMUP warm-up) of qrun runs on $BACKEND, direct and through $gateway, in one Slurm job${BASELINE:+; each round also runs $BASELINE}"
(cd "$jobs_dir" && sbatch --wait --output="$jobs_dir/slurm.out" bench.sh >/dev/null) || { cat "$jobs_dir/slurm.out" "$jobs_dir/qrun.log" >&2; die "the bench job failed"; }
grep -q FAILED "$jobs_dir/slurm.out" && { cat "$jobs_dir/slurm.out" >&2; tail -20 "$jobs_dir/qrun.log" >&2; die "a qrun run failed"; }

# times.txt: "MODE US EXECUTION_S" lines (MODE: direct, gateway, direct_baseline, gateway_baseline), rounds in order.
awk '
function sortn(a, n,   i, j, t) { for (i = 2; i <= n; i++) { t = a[i]; for (j = i - 1; j >= 1 && a[j] > t; j--) a[j + 1] = a[j]; a[j + 1] = t } }
function pct(a, n, p,   k) { k = int(p * n + 0.999999); if (k < 1) k = 1; if (k > n) k = n; return a[k] }
function met(x) { return x <= 50 ? "met" : "NOT met" }
$1 == "direct" { d[++nd] = $2 / 1000; db[nd] = $2 / 1000 - $3 * 1000 }
$1 == "gateway" { g[++ng] = $2 / 1000; gb[ng] = $2 / 1000 - $3 * 1000 }
$1 == "direct_baseline" { bd[++nbd] = $2 / 1000 - $3 * 1000 }
$1 == "gateway_baseline" { bg[++nbg] = $2 / 1000 - $3 * 1000 }
END {
    n = nd < ng ? nd : ng
    for (i = 1; i <= n; i++) diff[i] = g[i] - d[i]
    sortn(d, nd); sortn(g, ng); sortn(db, nd); sortn(gb, ng); sortn(diff, n)
    printf "%-34s %10s %10s\n", "per qrun job (ms)", "median", "p95"
    printf "%-34s %10.1f %10.1f\n", "direct mode, wall", pct(d, nd, 0.5), pct(d, nd, 0.95)
    printf "%-34s %10.1f %10.1f\n", "gateway mode, wall", pct(g, ng, 0.5), pct(g, ng, 0.95)
    printf "%-34s %10.1f %10.1f   (target: <= 50 ms median: %s)\n", "direct mode, beyond execution", pct(db, nd, 0.5), pct(db, nd, 0.95), met(pct(db, nd, 0.5))
    printf "%-34s %10.1f %10.1f   (target: <= 50 ms median: %s)\n", "gateway mode, beyond execution", pct(gb, ng, 0.5), pct(gb, ng, 0.95), met(pct(gb, ng, 0.5))
    printf "%-34s %10.1f %10.1f   (target: <= 30 ms median)\n", "added by the gateway", pct(diff, n, 0.5), pct(diff, n, 0.95)
    printf "ratio gateway/direct (medians): %.2f\n", pct(g, ng, 0.5) / pct(d, nd, 0.5)
    if (nbd > 0) {
        sortn(bd, nbd); sortn(bg, nbg)
        printf "baseline (%s), in the same rounds:\n", baseline
        printf "%-34s %10.1f %10.1f   (this build: %.1f)\n", "direct mode, beyond execution", pct(bd, nbd, 0.5), pct(bd, nbd, 0.95), pct(db, nd, 0.5)
        printf "%-34s %10.1f %10.1f   (this build: %.1f)\n", "gateway mode, beyond execution", pct(bg, nbg, 0.5), pct(bg, nbg, 0.95), pct(gb, ng, 0.5)
    }
}' baseline="$BASELINE" "$jobs_dir/times.txt"
