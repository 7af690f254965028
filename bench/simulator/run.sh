#!/bin/sh
# Builds and runs the simulator kernel benchmark in Release; prints amplitude updates per second
# (vectorised vs scalar paths in the same run) and the time of upstream's two demo inputs.
# Usage: bench/simulator/run.sh [DEMO_INPUT_DIR]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
demo=${1:-/work/shared/data/upstream-demo}
if [ ! -d "$demo" ]; then
    demo="$here/../../tests/SpankQrun.Simulator.Tests/TestData"
fi
exec dotnet run -c Release --project "$here/SpankQrun.Simulator.Bench.csproj" -- "$demo"
