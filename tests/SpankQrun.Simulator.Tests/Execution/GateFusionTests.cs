using System.Numerics;
using SpankQrun.Simulator.Binding;
using SpankQrun.Simulator.Execution;
using SpankQrun.Simulator.Kernels;
using SpankQrun.Simulator.Tests.Kernels;

namespace SpankQrun.Simulator.Tests.Execution;

public sealed class GateFusionTests
{
    [Theory]
    [InlineData(1, 50, 1)]
    [InlineData(2, 100, 1)]
    [InlineData(3, 200, 1)]
    [InlineData(8, 400, 1)]
    [InlineData(12, 300, 1)]
    [InlineData(12, 300, 2)]
    [InlineData(18, 60, 2)]
    public void ApplyUnitaries_RandomCircuit_MatchesGateByGateTo1e12(int qubits, int gates, int threads)
    {
        foreach (var seed in new[] { 1, 2, 3 })
        {
            var random = new Random((qubits * 1000) + gates + (seed * 7919));
            var circuit = RandomCircuit(random, qubits, gates);
            var unfused = new StateVector(qubits, threads: 1);
            foreach (var instruction in circuit)
            {
                unfused.Apply(instruction);
            }

            var fused = new StateVector(qubits, threads);
            CircuitRunner.ApplyUnitaries(fused, circuit, 0, circuit.Count, CancellationToken.None);

            KernelReference.AssertClose(unfused.Amplitudes.ToArray(), fused.Amplitudes, $"{qubits} qubits, {gates} gates, seed {seed}, {threads} threads");
        }
    }

    [Fact]
    public void Fuse_GatesOnOnePair_BecomeOneBlock_OtherQubitsKeepTheirRuns()
    {
        List<Instruction> circuit =
        [
            Instruction.Unitary(0, Matrix2.H),
            Instruction.Unitary(1, Matrix2.RZ(0.3)),
            Instruction.Unitary(0, Matrix2.T),
            Instruction.Unitary(1, Matrix2.SX),
            Instruction.Controlled(0, 1, Matrix2.X),
            Instruction.Unitary(1, Matrix2.Y),
            Instruction.Unitary(2, Matrix2.X),
            Instruction.Swap(1, 0),
        ];

        var fused = GateFusion.Fuse(circuit, 0, circuit.Count, 3);

        // h·t on 0, rz·sx on 1, the cx, y on 1 and the swap: one 4x4 block on (0, 1); x on 2 stays a one-qubit gate.
        Assert.Equal(2, fused.Count);
        Assert.Equal(InstructionKind.TwoQubitBlock, fused[0].Kind);
        Assert.Equal((0, 1), (fused[0].Target, fused[0].Control0));
        Assert.Equal(2, fused[1].Target);
        Assert.True(fused[1].Matrix.IsPauliX);
    }

    [Fact]
    public void Fuse_LoneTwoQubitGate_StaysItself_AndAGateOnAnotherPairClosesTheBlock()
    {
        List<Instruction> circuit =
        [
            Instruction.Controlled(0, 1, Matrix2.X),
            Instruction.Controlled(1, 2, Matrix2.Phase(0.4)),
            Instruction.Unitary(2, Matrix2.H),
            Instruction.Controlled(0, 1, 2, Matrix2.X),
        ];

        var fused = GateFusion.Fuse(circuit, 0, circuit.Count, 3);

        // cx alone (its own kernel beats a dense pass); cp and h on (1, 2) as one block, closed by the Toffoli.
        Assert.Equal(3, fused.Count);
        Assert.Equal(circuit[0], fused[0]);
        Assert.Equal(InstructionKind.TwoQubitBlock, fused[1].Kind);
        Assert.Equal((1, 2), (fused[1].Target, fused[1].Control0));
        Assert.Equal(circuit[3], fused[2]);
    }

    [Fact]
    public void Fuse_StopsAtTheRangeEnd_LeavingLaterGatesAlone()
    {
        List<Instruction> circuit = [Instruction.Unitary(0, Matrix2.H), Instruction.Measure(0, 0), Instruction.Unitary(0, Matrix2.H)];

        var fused = GateFusion.Fuse(circuit, 0, 1, 1);

        var only = Assert.Single(fused);
        Assert.Equal(Matrix2.H, only.Matrix);
    }

    [Fact]
    public void ApplyUnitaries_CancelledToken_Throws()
    {
        var state = new StateVector(2, threads: 1);
        List<Instruction> circuit = [Instruction.Unitary(0, Matrix2.H), Instruction.Controlled(0, 1, Matrix2.X)];
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.Throws<OperationCanceledException>(() => CircuitRunner.ApplyUnitaries(state, circuit, 0, circuit.Count, cancelled.Token));
    }

    private static List<Instruction> RandomCircuit(Random random, int qubits, int gates)
    {
        var circuit = new List<Instruction>(gates);
        for (var i = 0; i < gates; i++)
        {
            var target = random.Next(qubits);
            var kind = qubits == 1 ? random.Next(5) : random.Next(10);
            var other = qubits == 1 ? 0 : (target + 1 + random.Next(qubits - 1)) % qubits;
            var angle = random.NextDouble() * 6;
            circuit.Add(kind switch
            {
                0 => Instruction.Unitary(target, Matrix2.U(angle, random.NextDouble() * 6, random.NextDouble() * 6)),
                1 => Instruction.Unitary(target, Matrix2.RZ(angle)),
                2 => Instruction.Unitary(target, Matrix2.H),
                3 => Instruction.Unitary(target, Matrix2.Phase(angle)),
                4 => Instruction.Unitary(target, Matrix2.X),
                5 => Instruction.Controlled(other, target, Matrix2.X),
                6 => Instruction.Controlled(other, target, Matrix2.Phase(angle)),
                7 => Instruction.Controlled(other, target, Matrix2.RY(angle)),
                8 when qubits >= 3 => Toffoli(random, qubits),
                _ => Instruction.Swap(target, other),
            });
        }

        return circuit;
    }

    private static Instruction Toffoli(Random random, int qubits)
    {
        var picks = Enumerable.Range(0, qubits).OrderBy(_ => random.Next()).Take(3).ToArray();
        return Instruction.Controlled(picks[0], picks[1], picks[2], Matrix2.X);
    }
}
