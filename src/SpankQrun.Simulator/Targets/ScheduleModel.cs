namespace SpankQrun.Simulator.Targets;

/// <summary>
/// Default gate times (Eagle-like figures) for the schedule model: every instruction starts as soon as all its
/// qubits are free (as soon as possible), and a circuit lasts until its last qubit is free. Virtual-Z rotations
/// take no time. A backend's configured gate times win over these.
/// </summary>
public static class ScheduleModel
{
    public const long OneQubitNs = 60;
    public const long TwoQubitNs = 660;
    public const long ThreeQubitNs = 1320;
    public const long MeasureNs = 1400;
    public const long ResetNs = 1400;

    /// <summary>IBM's default repetition delay (250 µs) between shots.</summary>
    public const long DefaultRepDelayNs = 250_000;

    private static readonly HashSet<string> Virtual = new(StringComparer.Ordinal)
    {
        "rz", "p", "phase", "u1", "z", "s", "sdg", "t", "tdg", "gphase",
    };

    /// <summary>The duration of a gate named <paramref name="name"/> on <paramref name="qubits"/> qubits.</summary>
    public static long GateTime(BackendTarget? target, string name, int qubits)
    {
        if (target?.GateTime(name) is { } configured)
            return configured;
        if (Virtual.Contains(name))
            return 0;
        return qubits switch
        {
            0 => 0,
            1 => OneQubitNs,
            2 => TwoQubitNs,
            _ => ThreeQubitNs,
        };
    }

    public static long MeasureTime(BackendTarget? target) => target?.GateTime("measure") ?? MeasureNs;

    public static long ResetTime(BackendTarget? target) => target?.GateTime("reset") ?? ResetNs;
}
