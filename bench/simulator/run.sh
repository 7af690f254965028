#!/bin/sh
# Builds and runs the simulator benchmarks in Release and prints their figures, each with its baseline measured
# in the same run. Sections (default: all): kernels (amplitude updates per second, vector vs scalar paths, and
# upstream's demo inputs), estimator (cost per parameter set at 100 / 1k / 30k sets, Pauli expectation per
# amplitude, sampler per set), qasm (front end MB/s and bytes allocated per input byte).
# Usage: bench/simulator/run.sh [SECTION...]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
# Upstream's demo inputs, as the tests keep them.
demo="$here/../../tests/data/upstream-demo"
exec dotnet run -c Release --project "$here/SpankQrun.Simulator.Bench.csproj" -- "$demo" "$@"
