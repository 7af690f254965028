using System.Numerics;
using SpankQrun.Simulator.Binding;

namespace SpankQrun.Simulator.Kernels;

/// <summary>The amplitudes of <see cref="QubitCount"/> qubits; index bit k is qubit k (Qiskit order).</summary>
internal sealed class StateVector
{
    private readonly Complex[] _amplitudes;

    /// <param name="qubitCount">Qubits to simulate (at least one is).</param>
    /// <param name="threads">Threads per gate on large states (0: every core); see <see cref="StateKernels.ThreadsFor"/>.</param>
    public StateVector(int qubitCount, int threads = 0)
    {
        Threads = threads;
        // A zero-qubit circuit still gets one qubit so every kernel sees a valid state.
        QubitCount = Math.Max(1, qubitCount);
        _amplitudes = new Complex[1 << QubitCount];
        _amplitudes[0] = Complex.One;
    }

    public int QubitCount { get; }

    public int Threads { get; }

    public Span<Complex> Amplitudes => _amplitudes;

    public void CopyFrom(StateVector other) => other._amplitudes.CopyTo(_amplitudes, 0);

    /// <summary>Back to |0…0&gt;.</summary>
    public void ResetToZero()
    {
        Array.Clear(_amplitudes);
        _amplitudes[0] = Complex.One;
    }

    public void Apply(in Instruction instruction, KernelPath path = KernelPath.Auto)
    {
        switch (instruction.Kind)
        {
            case InstructionKind.Unitary when instruction.Control0 < 0:
                ApplySingle(instruction.Target, instruction.Matrix, path);
                break;
            case InstructionKind.Unitary:
                ReadOnlySpan<int> controls = instruction.Control1 < 0
                    ? [instruction.Control0]
                    : [instruction.Control0, instruction.Control1];
                ApplyControlled(controls, instruction.Target, instruction.Matrix, path);
                break;
            case InstructionKind.Swap:
                StateKernels.ApplyTwoQubit(_amplitudes, instruction.Target, instruction.Control0, SwapGate.Create(), path, Threads);
                break;
            case InstructionKind.TwoQubitBlock:
                StateKernels.ApplyTwoQubit(
                    _amplitudes, instruction.Target, instruction.Control0, DenseTwoQubitGate.Create(instruction.Block!), path, Threads);
                break;
            case InstructionKind.PivotDiagonal:
                StateKernels.ApplyPivotDiagonal(_amplitudes, instruction.Diagonal!, path, Threads);
                break;
            default:
                throw new ArgumentException($"{instruction.Kind} is not a unitary instruction", nameof(instruction));
        }
    }

    public double ProbabilityOfOne(int qubit)
    {
        var mask = 1 << qubit;
        var probability = 0.0;
        for (var i = 0; i < _amplitudes.Length; i++)
        {
            if ((i & mask) != 0)
            {
                var a = _amplitudes[i];
                probability += (a.Real * a.Real) + (a.Imaginary * a.Imaginary);
            }
        }

        return probability;
    }

    /// <summary>Projects onto <paramref name="qubit"/> = <paramref name="outcome"/> with that outcome's probability, and renormalises.</summary>
    public void Collapse(int qubit, bool outcome, double probability)
    {
        var mask = 1 << qubit;
        var scale = probability > 0 ? 1 / Math.Sqrt(probability) : 0;
        for (var i = 0; i < _amplitudes.Length; i++)
        {
            _amplitudes[i] = ((i & mask) != 0) == outcome ? _amplitudes[i] * scale : Complex.Zero;
        }
    }

    /// <summary>
    /// &lt;ψ|P|ψ&gt; for the Pauli string P = i^yCount · X^xMask · Z^zMask (Y = iXZ), where Y qubits are in both masks.
    /// </summary>
    public double PauliExpectation(int xMask, int zMask, int yCount, KernelPath path = KernelPath.Auto)
    {
        var sum = PauliExpectationKernel.SignedOverlap(_amplitudes, xMask, zMask, path);
        var phase = (yCount & 3) switch
        {
            0 => Complex.One,
            1 => Complex.ImaginaryOne,
            2 => -Complex.One,
            _ => -Complex.ImaginaryOne,
        };
        return (phase * sum).Real;
    }

    private void ApplySingle(int target, Matrix2 matrix, KernelPath path)
    {
        if (matrix.IsPauliX)
        {
            StateKernels.ApplySingleQubit(_amplitudes, target, PauliXGate.Create(matrix), path, Threads);
        }
        else if (matrix.IsDiagonal)
        {
            if (matrix.M00 == Complex.One)
            {
                if (matrix.M11 != Complex.One)
                {
                    StateKernels.ApplyPhase(_amplitudes, [target], matrix.M11, path, Threads);
                }
            }
            else
            {
                StateKernels.ApplySingleQubit(_amplitudes, target, DiagonalGate.Create(matrix), path, Threads);
            }
        }
        else
        {
            StateKernels.ApplySingleQubit(_amplitudes, target, GeneralGate.Create(matrix), path, Threads);
        }
    }

    private void ApplyControlled(ReadOnlySpan<int> controls, int target, Matrix2 matrix, KernelPath path)
    {
        if (matrix.IsPauliX)
        {
            StateKernels.ApplyControlled(_amplitudes, controls, target, PauliXGate.Create(matrix), path, Threads);
        }
        else if (matrix.IsDiagonal && matrix.M00 == Complex.One)
        {
            Span<int> qubits = [target, controls[0], controls.Length > 1 ? controls[1] : -1];
            StateKernels.ApplyPhase(_amplitudes, qubits[..(controls.Length + 1)], matrix.M11, path, Threads);
        }
        else if (matrix.IsDiagonal)
        {
            StateKernels.ApplyControlled(_amplitudes, controls, target, DiagonalGate.Create(matrix), path, Threads);
        }
        else
        {
            StateKernels.ApplyControlled(_amplitudes, controls, target, GeneralGate.Create(matrix), path, Threads);
        }
    }
}
