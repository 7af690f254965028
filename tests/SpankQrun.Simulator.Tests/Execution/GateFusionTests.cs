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
            using var unfused = new StateVector(qubits, threads: 1);
            foreach (var instruction in circuit)
            {
                unfused.Apply(instruction);
            }

            using var fused = new StateVector(qubits, threads);
            CircuitRunner.ApplyUnitaries(fused, circuit, 0, circuit.Count, CancellationToken.None);

            KernelReference.AssertClose(unfused.Amplitudes.ToArray(), fused.Amplitudes, $"{qubits} qubits, {gates} gates, seed {seed}, {threads} threads");
        }
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(3, 1)]
    [InlineData(9, 1)]
    [InlineData(11, 1)]
    [InlineData(12, 2)]
    [InlineData(18, 2)]
    public void ApplyUnitaries_Qft_MatchesGateByGateTo1e12(int qubits, int threads)
    {
        // From a random product state, so every amplitude is nonzero and every phase shows.
        var random = new Random(qubits);
        var circuit = Enumerable.Range(0, qubits).Select(qubit => Instruction.Unitary(qubit, Matrix2.U(random.NextDouble() * 6, random.NextDouble() * 6, 0))).ToList();
        circuit.AddRange(Qft(qubits));

        AssertFusedMatchesGateByGate(circuit, qubits, threads, $"qft on {qubits} qubits, {threads} threads");
    }

    [Theory]
    [InlineData(2, 100, 1)]
    [InlineData(3, 200, 1)]
    [InlineData(8, 400, 1)]
    [InlineData(10, 400, 1)]
    [InlineData(12, 300, 2)]
    [InlineData(18, 80, 2)]
    public void ApplyUnitaries_DiagonalRuns_MatchGateByGateTo1e12(int qubits, int gates, int threads)
    {
        foreach (var seed in new[] { 1, 2, 3 })
        {
            var random = new Random((qubits * 1000) + gates + (seed * 104729));
            var circuit = DiagonalHeavyCircuit(random, qubits, gates);
            if (qubits >= 3)
            {
                Assert.Contains(GateFusion.Fuse(circuit, 0, circuit.Count, qubits, denseSmallBlocks: false), instruction => instruction.Kind == InstructionKind.PivotDiagonal);
            }

            AssertFusedMatchesGateByGate(circuit, qubits, threads, $"{qubits} qubits, {gates} gates, seed {seed}, {threads} threads");
        }
    }

    [Fact]
    public void Fuse_Qft_IsOnePassPerQubit()
    {
        var fused = GateFusion.Fuse(Qft(5), 0, 15, 5, denseSmallBlocks: true);

        // h on 4 and the cps from 3, 2, 1, 0 as one pivot diagonal, and so on down; h, cp and h on (0, 1) as a block.
        Assert.Equal(
            [InstructionKind.PivotDiagonal, InstructionKind.PivotDiagonal, InstructionKind.PivotDiagonal, InstructionKind.TwoQubitBlock],
            fused.Select(instruction => instruction.Kind));
        Assert.Equal([4, 3, 2], fused.Take(3).Select(instruction => instruction.Target));
        Assert.Equal(Matrix2.H, fused[0].Diagonal!.Before);

        // Where small blocks are applied gate by gate, the last step is its three gates.
        var gateByGate = GateFusion.Fuse(Qft(5), 0, 15, 5, denseSmallBlocks: false);
        Assert.Equal(fused.Take(3).Select(instruction => (instruction.Kind, instruction.Target)), gateByGate.Take(3).Select(instruction => (instruction.Kind, instruction.Target)));
        Assert.Equal(Qft(5)[^3..], gateByGate[3..]);
    }

    [Fact]
    public void Fuse_DiagonalRun_TakesDiagonalPendingGates_AndADenseGateOnItsQubitsClosesIt()
    {
        List<Instruction> circuit =
        [
            Instruction.Unitary(1, Matrix2.T),
            Instruction.Unitary(2, Matrix2.SX),
            Instruction.Controlled(0, 1, Matrix2.Phase(0.2)),
            Instruction.Controlled(2, 1, Matrix2.RZ(0.3)),
            Instruction.Unitary(2, Matrix2.S),
            Instruction.Unitary(0, Matrix2.H),
        ];

        var fused = GateFusion.Fuse(circuit, 0, circuit.Count, 3, denseSmallBlocks: false);

        // sx on 2 is dense and 1 is the pivot, so sx goes alone first; t, both controlled gates and s make one pass
        // around pivot 1; h on 0 comes after it.
        Assert.Equal([InstructionKind.Unitary, InstructionKind.PivotDiagonal, InstructionKind.Unitary], fused.Select(instruction => instruction.Kind));
        Assert.Equal((2, Matrix2.SX), (fused[0].Target, fused[0].Matrix));
        Assert.Equal(1, fused[1].Target);
        Assert.Equal(Matrix2.Identity, fused[1].Diagonal!.Before);
        Assert.Equal((0, Matrix2.H), (fused[2].Target, fused[2].Matrix));
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

        var fused = GateFusion.Fuse(circuit, 0, circuit.Count, 3, denseSmallBlocks: false);

        // h·t on 0, rz·sx on 1, the cx, y on 1 and the swap: one 4x4 block on (0, 1); x on 2 stays a one-qubit gate.
        Assert.Equal(2, fused.Count);
        Assert.Equal(InstructionKind.TwoQubitBlock, fused[0].Kind);
        Assert.Equal((0, 1), (fused[0].Target, fused[0].Control0));
        Assert.Equal(2, fused[1].Target);
        Assert.True(fused[1].Matrix.IsPauliX);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Fuse_LoneTwoQubitGate_StaysItself_AndAGateOnAnotherPairClosesTheBlock(bool denseSmallBlocks)
    {
        List<Instruction> circuit =
        [
            Instruction.Controlled(0, 1, Matrix2.X),
            Instruction.Controlled(1, 2, Matrix2.Phase(0.4)),
            Instruction.Unitary(2, Matrix2.H),
            Instruction.Controlled(0, 1, 2, Matrix2.X),
        ];

        var fused = GateFusion.Fuse(circuit, 0, circuit.Count, 3, denseSmallBlocks);

        // cx alone (its own kernel beats a dense pass); cp and h on (1, 2) as one block when small blocks are dense,
        // else as themselves; the Toffoli closes the block.
        Assert.Equal(circuit[0], fused[0]);
        if (denseSmallBlocks)
        {
            Assert.Equal(3, fused.Count);
            Assert.Equal(InstructionKind.TwoQubitBlock, fused[1].Kind);
            Assert.Equal((1, 2), (fused[1].Target, fused[1].Control0));
        }
        else
        {
            Assert.Equal(circuit, fused);
        }

        Assert.Equal(circuit[3], fused[^1]);
    }

    [Theory]
    [InlineData(GateFusion.SmallBlockGates, false, false)]
    [InlineData(GateFusion.SmallBlockGates + 1, false, true)]
    [InlineData(GateFusion.SmallBlockGates, true, true)]
    public void Fuse_SmallBlock_IsAppliedGateByGate_UnlessSmallBlocksAreDense(int gates, bool denseSmallBlocks, bool expectBlock)
    {
        var circuit = new List<Instruction> { Instruction.Controlled(0, 1, Matrix2.X) };
        for (var i = 1; i < gates; i++)
        {
            circuit.Add(Instruction.Unitary(i % 2, Matrix2.U(0.3 * i, 0.2, 0.1)));
        }

        var fused = GateFusion.Fuse(circuit, 0, circuit.Count, 2, denseSmallBlocks);

        if (expectBlock)
        {
            var block = Assert.Single(fused);
            Assert.Equal(InstructionKind.TwoQubitBlock, block.Kind);
        }
        else
        {
            Assert.Equal(circuit, fused);
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Fuse_RandomCircuit_EitherWayForSmallBlocks_MatchesGateByGateTo1e12(bool denseSmallBlocks)
    {
        foreach (var seed in new[] { 4, 5, 6 })
        {
            var circuit = RandomCircuit(new Random(seed), 8, 400);
            using var unfused = new StateVector(8, threads: 1);
            using var fused = new StateVector(8, threads: 1);
            foreach (var instruction in circuit)
            {
                unfused.Apply(instruction);
            }

            foreach (var instruction in GateFusion.Fuse(circuit, 0, circuit.Count, 8, denseSmallBlocks))
            {
                fused.Apply(instruction);
            }

            KernelReference.AssertClose(unfused.Amplitudes.ToArray(), fused.Amplitudes, $"seed {seed}, dense small blocks {denseSmallBlocks}");
        }
    }

    [Fact]
    public void DenseSmallBlocks_OnlyOnSeveralThreadsPast22Qubits()
    {
        Assert.False(GateFusion.DenseSmallBlocks(20, threads: 2));
        Assert.False(GateFusion.DenseSmallBlocks(22, threads: 2));
        Assert.False(GateFusion.DenseSmallBlocks(24, threads: 1));
        Assert.True(GateFusion.DenseSmallBlocks(24, threads: 2));
    }

    [Fact]
    public void Fuse_StopsAtTheRangeEnd_LeavingLaterGatesAlone()
    {
        List<Instruction> circuit = [Instruction.Unitary(0, Matrix2.H), Instruction.Measure(0, 0), Instruction.Unitary(0, Matrix2.H)];

        var fused = GateFusion.Fuse(circuit, 0, 1, 1, denseSmallBlocks: false);

        var only = Assert.Single(fused);
        Assert.Equal(Matrix2.H, only.Matrix);
    }

    [Fact]
    public void ApplyUnitaries_CancelledToken_Throws()
    {
        using var state = new StateVector(2, threads: 1);
        List<Instruction> circuit = [Instruction.Unitary(0, Matrix2.H), Instruction.Controlled(0, 1, Matrix2.X)];
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.Throws<OperationCanceledException>(() => CircuitRunner.ApplyUnitaries(state, circuit, 0, circuit.Count, cancelled.Token));
    }

    private static void AssertFusedMatchesGateByGate(List<Instruction> circuit, int qubits, int threads, string context)
    {
        using var unfused = new StateVector(qubits, threads: 1);
        foreach (var instruction in circuit)
        {
            unfused.Apply(instruction);
        }

        using var fused = new StateVector(qubits, threads);
        CircuitRunner.ApplyUnitaries(fused, circuit, 0, circuit.Count, CancellationToken.None);
        KernelReference.AssertClose(unfused.Amplitudes.ToArray(), fused.Amplitudes, context);
    }

    /// <summary>The textbook QFT: h on each qubit from the top, then a cp from every qubit below it.</summary>
    private static List<Instruction> Qft(int qubits)
    {
        var circuit = new List<Instruction>();
        for (var target = qubits - 1; target >= 0; target--)
        {
            circuit.Add(Instruction.Unitary(target, Matrix2.H));
            for (var control = target - 1; control >= 0; control--)
            {
                circuit.Add(Instruction.Controlled(control, target, Matrix2.Phase(Math.PI / (1 << (target - control)))));
            }
        }

        return circuit;
    }

    /// <summary>Mostly one-control diagonal gates around a few pivots, with dense gates in between.</summary>
    private static List<Instruction> DiagonalHeavyCircuit(Random random, int qubits, int gates)
    {
        var circuit = new List<Instruction>(gates);
        var pivot = random.Next(qubits);
        for (var i = 0; i < gates; i++)
        {
            var other = qubits == 1 ? 0 : (pivot + 1 + random.Next(qubits - 1)) % qubits;
            var angle = random.NextDouble() * 6;
            var kind = qubits == 1 ? random.Next(3) : random.Next(12);
            circuit.Add(kind switch
            {
                0 => Instruction.Unitary(other, Matrix2.RZ(angle)),
                1 => Instruction.Unitary(pivot, Matrix2.Phase(angle)),
                2 => Instruction.Unitary(random.Next(qubits), Matrix2.U(angle, random.NextDouble() * 6, random.NextDouble() * 6)),
                3 => Instruction.Controlled(pivot, other, Matrix2.RZ(angle)),
                4 => Instruction.Controlled(other, pivot, Matrix2.RZ(angle)),
                5 => Instruction.Controlled(other, pivot, Matrix2.Z),
                6 => Instruction.Controlled(other, random.Next(qubits) is var third && third != other ? third : pivot, Matrix2.X),
                _ => Instruction.Controlled(other, pivot, Matrix2.Phase(angle)),
            });
            if (random.Next(10) == 0)
            {
                pivot = random.Next(qubits);
            }
        }

        return circuit;
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
