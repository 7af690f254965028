using System.Text;
using System.Text.Json.Nodes;

namespace SpankQrun.Emulator.Tests.Infrastructure;

/// <summary>PUBs documents a hostile client would send.</summary>
public static class HostileInputs
{
    /// <summary>
    /// About 700 bytes of nested empty gate definitions: g0 holds one gphase, every next level calls the previous one
    /// ten times, and the circuit calls g9 once, so expanding it makes more than 10⁹ calls that do nothing.
    /// </summary>
    public static string NestedEmptyGates(int levels = 10)
    {
        var qasm = new StringBuilder("OPENQASM 3.0;\ngate g0 q { gphase(0); }\n");
        for (var level = 1; level < levels; level++)
        {
            qasm.Append("gate g").Append(level).Append(" q {");
            for (var call = 0; call < 10; call++)
                qasm.Append(" g").Append(level - 1).Append(" q;");
            qasm.Append(" }\n");
        }

        qasm.Append("g").Append(levels - 1).Append(" $0;\n");
        return Sampler(qasm.ToString(), shots: 1);
    }

    /// <summary>A legal circuit that simulates for a long time: many gates on a <paramref name="qubits"/>-qubit state.</summary>
    public static string LongSimulation(int qubits = 20, int layers = 20_000)
    {
        var qasm = new StringBuilder("OPENQASM 3.0;\ninclude \"stdgates.inc\";\nbit[1] c;\n");
        for (var qubit = 0; qubit < qubits; qubit++)
            qasm.Append("h $").Append(qubit).Append(";\n");
        for (var layer = 0; layer < layers; layer++)
        {
            // The two-qubit gate keeps gate fusion from folding the layers into a few passes.
            qasm.Append("rz(0.1) $").Append(layer % qubits).Append(";\nsx $").Append(layer % qubits).Append(";\n");
            qasm.Append("cx $").Append(layer % qubits).Append(", $").Append((layer + 1) % qubits).Append(";\n");
        }

        qasm.Append("c[0] = measure $0;\n");
        return Sampler(qasm.ToString(), shots: 1);
    }

    /// <summary>A sampler with a mid-circuit measurement and many shots: every shot is simulated on its own.</summary>
    public static string LongSampling(int shots = 10_000_000) =>
        Sampler("OPENQASM 3.0;\ninclude \"stdgates.inc\";\nbit[2] c;\nh $0;\nc[0] = measure $0;\nh $0;\nc[1] = measure $0;\n", shots);

    /// <summary>A circuit on <paramref name="qubits"/> qubits with a few gates on each.</summary>
    public static string Wide(int qubits, int rounds = 2)
    {
        var qasm = new StringBuilder("OPENQASM 3.0;\ninclude \"stdgates.inc\";\nbit[1] c;\n");
        for (var round = 0; round < rounds; round++)
        {
            for (var qubit = 0; qubit < qubits; qubit++)
            {
                // One pass over the state per gate: the two-qubit gate keeps gate fusion from merging the rounds.
                qasm.Append("sx $").Append(qubit).Append(";\n");
                qasm.Append("cx $").Append(qubit).Append(", $").Append((qubit + 1) % qubits).Append(";\n");
            }
        }

        qasm.Append("c[0] = measure $0;\n");
        return Sampler(qasm.ToString(), shots: 16);
    }

    public static string Sampler(string qasm, int shots) => new JsonObject
    {
        ["pubs"] = new JsonArray { new JsonArray { qasm, new JsonArray(), shots } },
        ["version"] = 2,
    }.ToJsonString();
}
