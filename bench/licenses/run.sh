#!/usr/bin/env bash
# Submit-to-start latency of a batch job that asks for a QPU backend (job_submit.lua binds the backend and
# adds its license, Slurm checks the license count before it starts the job) against the same batch job
# without --q-backend (no license, the script passes it through), interleaved in one run on the local cluster.
# Latency = from just before sbatch runs to the first command of the batch script (date +%s%N).
#
# usage: bench/licenses/run.sh PLUGIN_SO [BACKEND]
#   the cluster must be up with accounting, the backend's license and the shipped script, e.g.
#   scripts/slurm-cluster.sh up --accounting --licenses fake_brisbane:5 --job-submit etc/job_submit.lua
# environment: BENCH_ROUNDS (default 30), BENCH_WARMUP (default 3)
# Runs as root: it writes /etc/slurm/plugstack.conf.d/spank_ibm_qrun.conf (put back as it was on exit).
set -euo pipefail

readonly PLUGIN_CONF=/etc/slurm/plugstack.conf.d/spank_ibm_qrun.conf
readonly ROUNDS="${BENCH_ROUNDS:-30}"
readonly WARMUP="${BENCH_WARMUP:-3}"

die() { printf 'licenses-bench: error: %s\n' "$*" >&2; exit 1; }

(($# >= 1 && $# <= 2)) || die "usage: $0 PLUGIN_SO [BACKEND]"
[[ $(id -u) -eq 0 ]] || die "must run as root: it writes $PLUGIN_CONF"
[[ "$ROUNDS" =~ ^[1-9][0-9]*$ && "$WARMUP" =~ ^[0-9]+$ ]] || die "BENCH_ROUNDS and BENCH_WARMUP must be whole numbers (ROUNDS >= 1)"
so="$(readlink -f "$1")"
backend="${2:-fake_brisbane}"
[[ -f "$so" ]] || die "plugin $1: no such file (build it first: cmake --build build)"
timeout 5 sinfo -h >/dev/null 2>&1 || die "no answer from slurmctld: bring the cluster up first (see usage)"
scontrol show config | grep -E '^JobSubmitPlugins +=.*lua' >/dev/null || die "JobSubmitPlugins=lua is not set: bring the cluster up with --job-submit etc/job_submit.lua"
license="$(scontrol show lic -o 2>/dev/null | grep -o "LicenseName=$backend[@A-Za-z0-9_.-]*" | head -n1 | cut -d= -f2)"
[[ -n "$license" ]] || die "Slurm has no license for $backend: bring the cluster up with --licenses $backend:N"

work="$(mktemp -d /tmp/licenses-bench.XXXXXX)"
chmod 0755 "$work"
saved="$work/saved.conf"
[[ -e "$PLUGIN_CONF" ]] && cp -p "$PLUGIN_CONF" "$saved"
restore() {
    rm -f "$PLUGIN_CONF"
    [[ -e "$saved" ]] && cp -p "$saved" "$PLUGIN_CONF"
    rm -rf "$work"
}
trap restore EXIT

# The plugin needs a complete configuration for the job's task to start; nothing here is contacted.
install -m 0600 /dev/null "$work/secrets.conf"
printf 'aws_access_key_id = bench\naws_secret_access_key = bench\niam_apikey = bench\n' >"$work/secrets.conf"
printf 'optional %s backends=%s secrets=%s daapi_endpoint=http://127.0.0.1:9 s3_endpoint=http://127.0.0.1:9 s3_bucket=bench s3_region=us-east-1 iam_endpoint=http://127.0.0.1:9 service_crn=crn:bench\n' \
    "$so" "$backend" "$work/secrets.conf" >"$PLUGIN_CONF"

# One job, run alone: prints its latency in ms.
measure() {
    local label="$1" stamp="$work/$1.$2" start id
    shift 2
    start="$(date +%s%N)"
    id="$(sbatch --parsable -o /dev/null -D "$work" "$@" --wrap "date +%s%N > $stamp")" || die "sbatch $* failed"
    echo "$id" >"$work/$label.id"
    local deadline=$((SECONDS + 60))
    until [[ -s "$stamp" ]]; do
        ((SECONDS < deadline)) || die "job $id ($label) did not start within 60 s: $(squeue -h -j "$id" -o '%T %r')"
        sleep 0.005
    done
    while [[ -n "$(squeue -h -j "$id" -o %i 2>/dev/null)" ]]; do sleep 0.05; done
    echo $((($(cat "$stamp") - start) / 1000))
}

printf 'licenses-bench: %d rounds (+%d warm-up), backend %s, license %s\n' "$ROUNDS" "$WARMUP" "$backend" "$license"
for ((i = 0; i < WARMUP + ROUNDS; i++)); do
    # Alternate the order so that neither configuration always runs first.
    if ((i % 2 == 0)); then
        a="$(measure plain "$i")"
        b="$(measure qpu "$i" --q-backend="$backend" --q-primitive=sampler)"
    else
        b="$(measure qpu "$i" --q-backend="$backend" --q-primitive=sampler)"
        a="$(measure plain "$i")"
    fi
    ((i >= WARMUP)) && printf '%s %s\n' "$a" "$b" >>"$work/pairs"
done

# The measured qpu jobs did get the license (and the plain ones none).
scontrol show job "$(cat "$work/qpu.id")" | grep "Licenses=$license" >/dev/null || die "the last qpu job has no license $license: is the shipped job_submit.lua installed?"
scontrol show job "$(cat "$work/plain.id")" | grep -F "Licenses=(null)" >/dev/null || die "the last plain job has a license"
awk '
    function median(v, n,   i, j, t) {
        for (i = 2; i <= n; i++) { t = v[i]; for (j = i - 1; j >= 1 && v[j] > t; j--) v[j + 1] = v[j]; v[j + 1] = t }
        return n % 2 ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2
    }
    { a[NR] = $1 / 1000; b[NR] = $2 / 1000; r[NR] = $2 / $1 }
    END {
        printf "without --q-backend (no script action, no license): median %.1f ms\n", median(a, NR)
        printf "with --q-backend (job_submit.lua + license):        median %.1f ms\n", median(b, NR)
        printf "ratio (median of per-round ratios): %.3f   (target <= 1.05)\n", median(r, NR)
    }' "$work/pairs"
