using SpankQrun.Simulator.Targets;

namespace SpankQrun.Emulator.Configuration;

/// <summary>The simulator's view of a configured backend.</summary>
public static class BackendTargets
{
    public static BackendTarget ToTarget(this BackendSettings backend) => new(
        backend.Name,
        backend.NumQubits,
        backend.BasisGates,
        backend.CouplingMap,
        backend.StrictIsa,
        backend.GateTimesNs,
        backend.RepDelayNs);
}
