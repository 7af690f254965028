#!/bin/sh
# Builds and runs the simulator benchmarks in Release and prints their figures, each with its baseline measured
# in the same run. Sections (default: all):
#   kernels    amplitude updates per second, vector vs scalar paths, and upstream's demo inputs
#   estimator  cost per parameter set at 100 / 1k / 30k sets, Pauli expectation per amplitude, sampler per set
#   qasm       front end MB/s and bytes allocated per input byte
#   reference  against the C kernel in reference/kernel.c (compiled here with gcc -O3 -mavx2 -mfma), per gate family
#   threads    one thread against every core on the same circuit, gate by gate and fused, with the C kernel built
#              with OpenMP on the same gates as the baseline of what this machine's cores give
#   fusion     random-layer and QFT circuits (20+ qubits): the C kernel gate by gate against the fused simulator
#   memory     (only when named; run it alone) peak RSS of a sampler and an estimator job at BENCH_MEMORY_QUBITS (24)
# Usage: bench/simulator/run.sh [SECTION...]
# Environment: BENCH_QUBITS (comma-separated qubit counts for reference and threads, default 12,16,20,24;
# 26 qubits needs 1 GiB per state, so add it deliberately on a shared machine); BENCH_FAMILIES (comma-separated gate
# families for reference, default u,rz,p,x,cx,cu,cp,swap); BENCH_C_HUGEPAGES=1 gives the C kernel's state the huge pages
# the simulator's gets (2 MiB and more), which shows what is the kernels' own arithmetic and what is the memory's.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
# Upstream's demo inputs, as the tests keep them.
demo="$here/../../tests/data/upstream-demo"
work=$(mktemp -d /tmp/simulator-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
gcc -O3 -mavx2 -mfma -Wall -o "$work/kernel" "$here/reference/kernel.c"
gcc -O3 -mavx2 -mfma -Wall -fopenmp -o "$work/kernel-openmp" "$here/reference/kernel.c"
BENCH_C_KERNEL="$work/kernel"
BENCH_C_KERNEL_OPENMP="$work/kernel-openmp"
export BENCH_C_KERNEL BENCH_C_KERNEL_OPENMP
dotnet build -c Release "$here/SpankQrun.Simulator.Bench.csproj" --nologo -v quiet >"$work/build.log" 2>&1 || { tail -20 "$work/build.log"; exit 1; }
# The built program, not `dotnet run`: under `dotnet run` two threads came out at 0.5-1.0x one thread on the 2-vCPU
# development machines, against 1.4-2.3x for the same build run directly (cause not found).
"$root/artifacts/bin/SpankQrun.Simulator.Bench/release/SpankQrun.Simulator.Bench" "$demo" "$@"
