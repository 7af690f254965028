#!/bin/sh
# qrun latency bench: a NativeAOT qrun against the Release emulator and s3rver, over real HTTP on loopback.
# Prints, for a Bell job, qrun's wall time minus the job's execution as the service logs it ("completed in"),
# the status requests per second a long job costs, and the Bell jobs per second 8 concurrent clients get
# through the emulator's lanes.
# The emulator first runs BENCH_WARMUP Bell jobs (default 100), so its JIT has settled as in a running service.
# Usage: bench/qrun-latency/run.sh        environment: BENCH_JOBS (sequential Bell jobs, default 40),
#        BENCH_CLIENTS (default 8), BENCH_CLIENT_JOBS (jobs per client, default 15), BENCH_LONG_SECS (default 8),
#        QRUN (a qrun executable to use instead of publishing one), QRUN_BASELINE (another qrun, e.g. the last
#        release's: the sequential Bell jobs then alternate between the two, and both medians are printed).
# It first prints `qrun --version`'s start-up against `true`'s, which is the floor of any process start.
# Gateway mode is measured by bench/gateway/run.sh (it needs MUNGE and a running Slurm job).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
work=$(mktemp -d /tmp/qrun-latency.XXXXXX)
trap 'rm -rf "$work"' EXIT
if [ -z "${QRUN:-}" ]; then
    echo "publishing qrun (NativeAOT, Release) ..."
    dotnet publish "$root/src/SpankQrun.Qrun" -c Release -r linux-x64 -p:PublishAot=true -o "$work/qrun" >"$work/publish.log" 2>&1 || { tail -20 "$work/publish.log"; exit 1; }
    QRUN="$work/qrun/qrun"
fi
dotnet build "$root/src/SpankQrun.Emulator" -c Release >"$work/build.log" 2>&1 || { tail -20 "$work/build.log"; exit 1; }
SPANKQRUN_EMULATOR="$root/artifacts/bin/SpankQrun.Emulator/release/qrun-emulator.dll"
export SPANKQRUN_EMULATOR
dotnet build "$here/SpankQrun.QrunLatency.Bench.csproj" -c Release >"$work/bench-build.log" 2>&1 || { tail -20 "$work/bench-build.log"; exit 1; }
# The built program rather than `dotnet run`, as bench/simulator/run.sh does: no SDK process stays beside it.
"$root/artifacts/bin/SpankQrun.QrunLatency.Bench/release/SpankQrun.QrunLatency.Bench" "$QRUN"
