#!/usr/bin/env bash
# Measures what the spank_ibm_qrun plugin adds to an srun job-step launch on the local test cluster
# (scripts/slurm-cluster.sh up): wall time of `srun -N1 -n1 true` and the step's slurmstepd memory,
# interleaved in one run, without the plugin (A) and with it (B0 no options, B1 with options).
#
# usage: bench/srun-launch/run.sh PLUGIN_SO|none [PLUGSTACK_ARGS...]
#   PLUGIN_SO = none measures A against A (the figures should agree: ratios ~1.00).
# environment:
#   BENCH_PAIRS        rounds of (A, B0, B1), default 25 (at least 20 recommended)
#   BENCH_WARMUP       unmeasured rounds first, default 3
#   BENCH_MEM_SAMPLES  `srun sleep 1` steps sampled per configuration, default 5
#   BENCH_OPTIONS      srun options for B1, default "--q-backend=fake_brisbane --q-primitive=sampler"
#   BENCH_MODE         step (default): steps inside one salloc allocation, no scheduling in the figures;
#                      job: each srun is its own job (allocation + step)
# Runs as root: it writes and removes /etc/slurm/plugstack.conf.d/spank_ibm_qrun.conf, and puts back
# that file as it was on exit. Refuses to run while another *.conf there has an active line.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
readonly HERE
readonly PLUGSTACK_DIR=/etc/slurm/plugstack.conf.d
readonly PLUGIN_CONF="$PLUGSTACK_DIR/spank_ibm_qrun.conf"
readonly MODE="${BENCH_MODE:-step}"

die() { printf 'srun-launch: error: %s\n' "$*" >&2; exit 1; }

(($# >= 1)) || die "usage: $0 PLUGIN_SO|none [PLUGSTACK_ARGS...]"
[[ $(id -u) -eq 0 ]] || die "must run as root: it rewrites $PLUGIN_CONF (current uid $(id -u))"
[[ "$MODE" == step || "$MODE" == job ]] || die "BENCH_MODE=$MODE: expected step or job"
[[ "${BENCH_PAIRS:-25}" =~ ^[1-9][0-9]*$ ]] || die "BENCH_PAIRS=${BENCH_PAIRS}: expected a positive whole number"

so="$1"
shift
plugin_line=""
if [[ "$so" != none ]]; then
    [[ -f "$so" ]] || die "plugin $so: no such file (build it first, or pass none for an A-vs-A check)"
    so="$(readlink -f "$so")"
    plugin_line="optional $so${*:+ $*}"
fi

timeout 5 sinfo -h >/dev/null 2>&1 || die "no answer from slurmctld: run scripts/slurm-cluster.sh up first"
[[ -d "$PLUGSTACK_DIR" ]] || die "$PLUGSTACK_DIR missing: run scripts/slurm-cluster.sh up first"

# Only our own file is touched (others may be using the cluster); any other active plugstack line
# would be loaded in configuration A too, so it is refused rather than silently measured.
others=""
for f in "$PLUGSTACK_DIR"/*.conf; do
    [[ -e "$f" && "$f" != "$PLUGIN_CONF" ]] || continue
    grep -qv '^[[:space:]]*\(#.*\)\?$' "$f" && others+=" $f"
done
[[ -z "$others" ]] || die "other plugstack files have active lines:$others; remove them for the run (configuration A must load no plugin)"

work="$(mktemp -d /tmp/srun-launch.XXXXXX)"
chmod 0755 "$work"
saved="$work/spank_ibm_qrun.conf"
[[ -e "$PLUGIN_CONF" ]] && cp -p "$PLUGIN_CONF" "$saved"
restore() {
    rm -f "$PLUGIN_CONF" "$PLUGIN_CONF.tmp"
    [[ -e "$saved" ]] && cp -p "$saved" "$PLUGIN_CONF"
    rm -rf "$work"
}
trap restore EXIT
trap 'exit 130' INT TERM

export BENCH_PLUGIN_LINE="$plugin_line" BENCH_PLUGIN_CONF="$PLUGIN_CONF" BENCH_ERR_LOG="$work/srun.err"
export BENCH_OPTIONS="${BENCH_OPTIONS:---q-backend=fake_brisbane --q-primitive=sampler}"
raw="$work/raw.txt"
: >"$raw"
: >"$BENCH_ERR_LOG"

printf 'srun-launch: slurm %s, mode %s, %s rounds (+%s warm-up), plugin: %s\n' \
    "$(sinfo --version | awk '{print $2}')" "$MODE" "${BENCH_PAIRS:-25}" "${BENCH_WARMUP:-3}" \
    "$(if [[ -n "$plugin_line" ]]; then echo "optional $so + $# argument(s) (not shown: they hold secrets)"; else echo "none (A vs A)"; fi)"
started=$SECONDS
if [[ "$MODE" == step ]]; then
    status=0
    salloc -Q -N1 --exclusive bash "$HERE/steps.sh" "$raw" || status=$?
else
    status=0
    bash "$HERE/steps.sh" "$raw" || status=$?
fi
if ((status != 0)); then
    printf -- '--- srun stderr (last 20 lines) ---\n' >&2
    tail -n 20 "$BENCH_ERR_LOG" >&2
    die "measurement failed (exit $status)"
fi
if [[ -s "$BENCH_ERR_LOG" ]]; then
    printf 'srun-launch: note: srun wrote to stderr during the run (first 5 lines):\n'
    head -n 5 "$BENCH_ERR_LOG"
fi

awk -v mode="$MODE" -v seconds="$((SECONDS - started))" -v with_plugin="${plugin_line:+1}" \
    -v options="$BENCH_OPTIONS" -f "$HERE/summary.awk" "$raw"
