namespace SpankQrun.Qrun.Tests.Infrastructure;

/// <summary>An emulator with one execution lane and a backend whose jobs run for a long time.</summary>
public sealed class SlowEmulatorServices : QrunServices
{
    public const string SlowBackend = "fake_slow";

    protected override string? EmulatorConfig =>
        $$"""
        {
          "execution_lanes": 1,
          "backends": [
            { "name": "{{SlowBackend}}", "num_qubits": 7, "basis_gates": [ "cx", "id", "rz", "sx", "x" ], "execution_delay_secs": 600 },
            { "name": "fake_lagos", "num_qubits": 7, "basis_gates": [ "cx", "id", "rz", "sx", "x" ] }
          ]
        }
        """;
}
