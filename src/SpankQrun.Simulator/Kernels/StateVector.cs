using System.Numerics;
using SpankQrun.Simulator.Binding;

namespace SpankQrun.Simulator.Kernels;

/// <summary>
/// The amplitudes of <see cref="QubitCount"/> qubits; index bit k is qubit k (Qiskit order). They live in an
/// <see cref="AmplitudeBuffer"/>, so dispose the state when done with it.
/// </summary>
/// <remarks>
/// The methods that work on the amplitudes end with <c>GC.KeepAlive(this)</c>: a caller's last use of a state may be
/// such a call, and the buffer's finalizer must not free the memory while the call still runs on it.
/// </remarks>
internal sealed class StateVector : IDisposable
{
    private readonly AmplitudeBuffer _buffer;

    /// <param name="qubitCount">Qubits to simulate (at least one is).</param>
    /// <param name="threads">Threads per gate on large states (0: every core); see <see cref="StateKernels.ThreadsFor"/>.</param>
    public StateVector(int qubitCount, int threads = 0)
    {
        Threads = threads;
        // A zero-qubit circuit still gets one qubit so every kernel sees a valid state.
        QubitCount = Math.Max(1, qubitCount);
        _buffer = new AmplitudeBuffer(1 << QubitCount);
        ResetToZero();
    }

    public int QubitCount { get; }

    public int Threads { get; }

    /// <summary>Whether the amplitudes' memory is advised for huge pages (see <see cref="AmplitudeBuffer"/>).</summary>
    public bool HugePagesAdvised => _buffer.HugePagesAdvised;

    public Span<Complex> Amplitudes => _buffer.Span;

    public void CopyFrom(StateVector other)
    {
        other.Amplitudes.CopyTo(Amplitudes);
        GC.KeepAlive(other);
        GC.KeepAlive(this);
    }

    /// <summary>Back to |0…0&gt;.</summary>
    public void ResetToZero()
    {
        var amplitudes = Amplitudes;
        amplitudes.Clear();
        amplitudes[0] = Complex.One;
        GC.KeepAlive(this);
    }

    public void Dispose() => _buffer.Dispose();

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
                StateKernels.ApplyTwoQubit(Amplitudes, instruction.Target, instruction.Control0, SwapGate.Create(), path, Threads);
                break;
            case InstructionKind.TwoQubitBlock:
                StateKernels.ApplyTwoQubit(
                    Amplitudes, instruction.Target, instruction.Control0, DenseTwoQubitGate.Create(instruction.Block!), path, Threads);
                break;
            case InstructionKind.PivotDiagonal:
                StateKernels.ApplyPivotDiagonal(Amplitudes, instruction.Diagonal!, path, Threads);
                break;
            default:
                throw new ArgumentException($"{instruction.Kind} is not a unitary instruction", nameof(instruction));
        }

        GC.KeepAlive(this);
    }

    public double ProbabilityOfOne(int qubit)
    {
        var mask = 1 << qubit;
        var probability = 0.0;
        var amplitudes = Amplitudes;
        for (var i = 0; i < amplitudes.Length; i++)
        {
            if ((i & mask) != 0)
            {
                var a = amplitudes[i];
                probability += (a.Real * a.Real) + (a.Imaginary * a.Imaginary);
            }
        }

        GC.KeepAlive(this);
        return probability;
    }

    /// <summary>Projects onto <paramref name="qubit"/> = <paramref name="outcome"/> with that outcome's probability, and renormalises.</summary>
    public void Collapse(int qubit, bool outcome, double probability)
    {
        var mask = 1 << qubit;
        var scale = probability > 0 ? 1 / Math.Sqrt(probability) : 0;
        var amplitudes = Amplitudes;
        for (var i = 0; i < amplitudes.Length; i++)
        {
            amplitudes[i] = ((i & mask) != 0) == outcome ? amplitudes[i] * scale : Complex.Zero;
        }

        GC.KeepAlive(this);
    }

    /// <summary>
    /// &lt;ψ|P|ψ&gt; for the Pauli string P = i^yCount · X^xMask · Z^zMask (Y = iXZ), where Y qubits are in both masks.
    /// </summary>
    public double PauliExpectation(int xMask, int zMask, int yCount, KernelPath path = KernelPath.Auto)
    {
        var sum = PauliExpectationKernel.SignedOverlap(Amplitudes, xMask, zMask, path);
        GC.KeepAlive(this);
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
            StateKernels.ApplySingleQubit(Amplitudes, target, PauliXGate.Create(matrix), path, Threads);
        }
        else if (matrix.IsDiagonal)
        {
            if (matrix.M00 == Complex.One)
            {
                if (matrix.M11 != Complex.One)
                {
                    StateKernels.ApplyPhase(Amplitudes, [target], matrix.M11, path, Threads);
                }
            }
            else
            {
                StateKernels.ApplySingleQubit(Amplitudes, target, DiagonalGate.Create(matrix), path, Threads);
            }
        }
        else
        {
            StateKernels.ApplySingleQubit(Amplitudes, target, GeneralGate.Create(matrix), path, Threads);
        }
    }

    private void ApplyControlled(ReadOnlySpan<int> controls, int target, Matrix2 matrix, KernelPath path)
    {
        if (matrix.IsPauliX)
        {
            StateKernels.ApplyControlled(Amplitudes, controls, target, PauliXGate.Create(matrix), path, Threads);
        }
        else if (matrix.IsDiagonal && matrix.M00 == Complex.One)
        {
            Span<int> qubits = [target, controls[0], controls.Length > 1 ? controls[1] : -1];
            StateKernels.ApplyPhase(Amplitudes, qubits[..(controls.Length + 1)], matrix.M11, path, Threads);
        }
        else if (matrix.IsDiagonal)
        {
            StateKernels.ApplyControlled(Amplitudes, controls, target, DiagonalGate.Create(matrix), path, Threads);
        }
        else
        {
            StateKernels.ApplyControlled(Amplitudes, controls, target, GeneralGate.Create(matrix), path, Threads);
        }
    }
}
