#!/usr/bin/env bash
# Inner half of bench/srun-launch/run.sh: runs inside one allocation (salloc) or, with BENCH_MODE=job,
# directly. Switches the plugstack line between measurements and writes raw figures to $1:
#   time <config> <milliseconds>
#   mem <config> <VmRSS kB> <VmSize kB> <VmHWM kB>
# Configurations: A = no plugin line, B0 = plugin without options, B1 = plugin with $BENCH_OPTIONS.
set -euo pipefail

readonly OUT="$1"
readonly PAIRS="${BENCH_PAIRS:-25}"
readonly WARMUP="${BENCH_WARMUP:-3}"
readonly MEM_SAMPLES="${BENCH_MEM_SAMPLES:-5}"
readonly PLUGIN_LINE="${BENCH_PLUGIN_LINE:-}"
readonly PLUGIN_CONF="${BENCH_PLUGIN_CONF:?}"
readonly ERR_LOG="${BENCH_ERR_LOG:?}"
read -r -a OPTIONS <<<"${BENCH_OPTIONS:-}"
# Inside one allocation a step by default takes every CPU of the node, so the next step would wait
# ("step creation temporarily disabled") until slurmctld saw the previous one end: --overlap avoids it.
STEP_FLAGS=(-N1 -n1)
[[ -n "${SLURM_JOB_ID:-}" ]] && STEP_FLAGS+=(--overlap)
readonly STEP_FLAGS
readonly CONFIGS=(A B0 B1)

use_config() {
    case "$1" in
        A) rm -f "$PLUGIN_CONF" ;;
        B0 | B1)
            if [[ -n "$PLUGIN_LINE" ]]; then
                printf '%s\n' "$PLUGIN_LINE" >"$PLUGIN_CONF.tmp"
                mv "$PLUGIN_CONF.tmp" "$PLUGIN_CONF"
            else
                rm -f "$PLUGIN_CONF"
            fi
            ;;
    esac
}

# Options only exist while the plugin is loaded: without a plugin (A, or the A-vs-A check) srun
# would reject them.
step_options() {
    [[ "$1" == B1 && -n "$PLUGIN_LINE" ]] && printf '%s\n' "${OPTIONS[@]}"
    return 0
}

run_step() {
    local config="$1" opts
    shift
    mapfile -t opts < <(step_options "$config")
    if ! srun "${STEP_FLAGS[@]}" "${opts[@]}" "$@" >/dev/null 2>>"$ERR_LOG"; then
        printf 'steps.sh: srun %s %s %s failed in configuration %s (stderr above in %s)\n' \
            "${STEP_FLAGS[*]}" "${opts[*]}" "$*" "$config" "$ERR_LOG" >&2
        return 1
    fi
}

time_step() {
    local config="$1" start end
    use_config "$config"
    start=$EPOCHREALTIME
    run_step "$config" true
    end=$EPOCHREALTIME
    awk -v c="$config" -v s="$start" -v e="$end" 'BEGIN { printf "time %s %.3f\n", c, (e - s) * 1000 }' >>"$OUT"
}

# Samples the step's slurmstepd while `sleep 1` runs; keeps the largest VmRSS/VmSize/VmHWM seen.
sample_stepd() {
    local config="$1" job="${SLURM_JOB_ID:-}" srun_pid rss=0 size=0 hwm=0 pid v v1 v2 v3
    use_config "$config"
    local opts
    mapfile -t opts < <(step_options "$config")
    srun "${STEP_FLAGS[@]}" "${opts[@]}" sleep 1 >/dev/null 2>>"$ERR_LOG" &
    srun_pid=$!
    while kill -0 "$srun_pid" 2>/dev/null; do
        for pid in $(pgrep -x slurmstepd || true); do
            # slurmstepd titles itself "slurmstepd: [JOB.STEP]"; skip batch/extern steps.
            { v="$(tr '\0' ' ' <"/proc/$pid/cmdline")"; } 2>/dev/null || continue
            [[ "$v" =~ ^slurmstepd:\ \[${job:-[0-9]+}\.[0-9]+\] ]] || continue
            read -r v1 v2 v3 < <(awk '/^VmRSS:/ {r=$2} /^VmSize:/ {s=$2} /^VmHWM:/ {h=$2} END {print r+0, s+0, h+0}' "/proc/$pid/status" 2>/dev/null) || continue
            if ((v1 > rss)); then rss=$v1; fi
            if ((v2 > size)); then size=$v2; fi
            if ((v3 > hwm)); then hwm=$v3; fi
        done
        sleep 0.05
    done
    wait "$srun_pid" || { printf 'steps.sh: srun sleep 1 failed in configuration %s (see %s)\n' "$config" "$ERR_LOG" >&2; return 1; }
    printf 'mem %s %s %s %s\n' "$config" "$rss" "$size" "$hwm" >>"$OUT"
}

for ((i = 0; i < WARMUP; i++)); do
    for c in "${CONFIGS[@]}"; do use_config "$c"; run_step "$c" true; done
done

# Interleaved rounds; the order rotates each round so no configuration always runs first.
for ((i = 0; i < PAIRS; i++)); do
    for ((k = 0; k < ${#CONFIGS[@]}; k++)); do
        time_step "${CONFIGS[$(((i + k) % ${#CONFIGS[@]}))]}"
    done
done

for ((i = 0; i < MEM_SAMPLES; i++)); do
    for c in "${CONFIGS[@]}"; do sample_stepd "$c"; done
done
use_config A
