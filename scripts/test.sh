#!/usr/bin/env bash
# Runs every test of spank-qrun on this machine, from nothing: installs the prerequisites, builds the
# three parts with CMake, brings up the local Slurm cluster, then runs each test project.
# Usage: scripts/test.sh [dotnet test filter]   (as root; see README.md)
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO_ROOT"
FILTER="${1:-}"
RESULTS_DIR="$REPO_ROOT/artifacts/test-results"

step() { printf '\n== test: %s\n' "$*"; }

step "prerequisites"
scripts/install-prerequisites.sh

step "restore and build (warnings are errors)"
dotnet restore spank-qrun.slnx --nologo -v quiet
dotnet build spank-qrun.slnx --no-restore --nologo -v quiet -clp:NoSummary
dotnet format spank-qrun.slnx --verify-no-changes --no-restore

step "cmake build: plugin, qrun, qrun-admin, emulator, man pages, Debian packages"
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build
cmake --build build --target package

step "local Slurm cluster (SlurmdDebug=debug5, so that the secret checks read the most verbose logs)"
SPANK_QRUN_SLURMD_DEBUG=debug5 scripts/slurm-cluster.sh up --no-plugin --accounting \
    --licenses fake_brisbane:20,fake_cairo:5,fake_lagos:20,fake_torino:20,slow_backend:20 --job-submit etc/job_submit.lua

rm -rf "$RESULTS_DIR"
mkdir -p "$RESULTS_DIR"
failed_projects=()
# The simulator's kernels once more without AVX2 and without any hardware intrinsics, so the Vector128 and
# scalar fallbacks (and threading and fusion on them) run as they would on such a machine.
for intrinsics in DOTNET_EnableAVX2 DOTNET_EnableHWIntrinsic; do
    step "simulator kernels with $intrinsics=0"
    if ! env "$intrinsics=0" dotnet test tests/SpankQrun.Simulator.Tests --no-build --nologo \
        --filter "(FullyQualifiedName~.Kernels.|FullyQualifiedName~GateFusion)${FILTER:+&($FILTER)}" \
        --logger "trx;LogFileName=kernels-$intrinsics.trx" --results-directory "$RESULTS_DIR"; then
        failed_projects+=("tests/SpankQrun.Simulator.Tests ($intrinsics=0)")
    fi
done
# Unit and service tests first (each project starts its own s3rver/emulator), then the cluster tests,
# which share one plugstack.conf and so run alone.
for project in \
    tests/SpankQrun.Plugin.Core.Tests \
    tests/SpankQrun.Plugin.Tests \
    tests/SpankQrun.Simulator.Tests \
    tests/SpankQrun.Emulator.Tests \
    tests/SpankQrun.Qrun.Tests \
    tests/SpankQrun.Admin.Tests \
    tests/SpankQrun.Accounting.Tests \
    tests/SpankQrun.Gateway.Tests \
    tests/SpankQrun.Slurm.Tests; do
    step "$project"
    args=(test "$project" --no-build --nologo --logger "trx;LogFileName=$(basename "$project").trx" --results-directory "$RESULTS_DIR")
    [[ -n "$FILTER" ]] && args+=(--filter "$FILTER")
    if ! dotnet "${args[@]}"; then
        failed_projects+=("$project")
    fi
done

# The Debian packages, installed with dpkg -i, exercised on the cluster, and purged (no dotnet test: it
# counts as one test in the totals).
step "Debian packages (scripts/package-test.sh)"
package_result=passed
if [[ -z "$FILTER" ]] && ! scripts/package-test.sh; then
    failed_projects+=("scripts/package-test.sh")
    package_result=failed
fi

# One closing line for every runner-agnostic reader: totals from the trx files.
read -r passed failed skipped < <(
    cat "$RESULTS_DIR"/*.trx 2>/dev/null | grep -o '<Counters [^>]*>' | awk '
        { for (i = 1; i <= NF; i++) { split($i, kv, "=\""); gsub(/"/, "", kv[2]); c[kv[1]] += kv[2] } }
        END { printf "%d %d %d\n", c["passed"], c["failed"] + c["error"] + c["timeout"] + c["aborted"], c["notExecuted"] }')
echo
if ((${#failed_projects[@]} > 0)); then
    echo "test: failing projects: ${failed_projects[*]}"
fi
if [[ -z "$FILTER" ]]; then
    if [[ "$package_result" == passed ]]; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
fi
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
((${#failed_projects[@]} == 0 && failed == 0 && passed > 0))
