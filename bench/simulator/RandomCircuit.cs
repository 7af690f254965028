using SpankQrun.Simulator.Binding;

namespace SpankQrun.Simulator.Bench;

/// <summary>A seeded random circuit: a third each of general single-qubit gates, diagonal rotations and CX.</summary>
internal static class RandomCircuit
{
    public static List<Instruction> Create(int qubits, int gates, int seed)
    {
        var random = new Random(seed);
        var instructions = new List<Instruction>(gates);
        for (var i = 0; i < gates; i++)
        {
            var target = random.Next(qubits);
            switch (i % 3)
            {
                case 0:
                    instructions.Add(Instruction.Unitary(target, Matrix2.U(random.NextDouble() * 6, random.NextDouble() * 6, random.NextDouble() * 6)));
                    break;
                case 1:
                    instructions.Add(Instruction.Unitary(target, Matrix2.RZ(random.NextDouble() * 6)));
                    break;
                default:
                    var control = (target + 1 + random.Next(qubits - 1)) % qubits;
                    instructions.Add(Instruction.Controlled(control, target, Matrix2.X));
                    break;
            }
        }

        return instructions;
    }

    /// <summary>Amplitudes each instruction reads and writes: all of them, or the half where the control is 1.</summary>
    public static long AmplitudeUpdates(List<Instruction> instructions, int qubits) =>
        instructions.Sum(instruction => instruction.Control0 < 0 ? 1L << qubits : 1L << (qubits - 1));
}
