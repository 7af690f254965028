#!/bin/sh
# Peak memory of the emulator per running job, against the target 1.2 x state + 64 MiB.
# Builds the emulator in Release, starts it (one lane) with s3rver, runs one job at a time and reads the
# process's peak resident size (VmHWM, reset through /proc/PID/clear_refs before each job) and its resident size
# before and after the job. Needs `npm ci` (s3rver) in the repository root.
# Usage: bench/emulator-memory/run.sh [QUBITS...]   (default: 20 22 24 25)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
dotnet build -c Release "$root/src/SpankQrun.Emulator" >/dev/null
export SPANKQRUN_EMULATOR="$root/artifacts/bin/SpankQrun.Emulator/release/qrun-emulator.dll"
exec dotnet run -c Release --project "$here/SpankQrun.Emulator.MemoryBench.csproj" -- "$@"
