#!/bin/sh
# Builds and runs the simulator kernel benchmark in Release; prints amplitude updates per second
# (vectorised vs scalar paths in the same run) and the time of upstream's two demo inputs.
# Usage: bench/simulator/run.sh [DEMO_INPUT_DIR]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
# Upstream's demo inputs, as the tests keep them.
demo=${1:-"$here/../../tests/data/upstream-demo"}
exec dotnet run -c Release --project "$here/SpankQrun.Simulator.Bench.csproj" -- "$demo"
