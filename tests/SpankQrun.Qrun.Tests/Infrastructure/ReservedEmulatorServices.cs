namespace SpankQrun.Qrun.Tests.Infrastructure;

/// <summary>An emulator with one reserved backend (every submission answered 423, code 1233) beside an ordinary one.</summary>
public sealed class ReservedEmulatorServices : QrunServices
{
    public const string ReservedBackend = "fake_reserved";

    protected override string? EmulatorConfig =>
        $$"""
        {
          "backends": [
            { "name": "{{ReservedBackend}}", "num_qubits": 7, "basis_gates": [ "cx", "id", "rz", "sx", "x" ], "reserved": true },
            { "name": "fake_lagos", "num_qubits": 7, "basis_gates": [ "cx", "id", "rz", "sx", "x" ] }
          ]
        }
        """;
}
