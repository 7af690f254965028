using System.Numerics;

namespace SpankQrun.Simulator.Binding;

/// <summary>The built-in gates: <c>U</c> and <c>gphase</c> always, everything in <c>stdgates.inc</c> once included.</summary>
internal static class GateLibrary
{
    public const string StandardInclude = "stdgates.inc";

    public static IReadOnlyDictionary<string, BuiltinGateSymbol> AlwaysDefined { get; } = Index(
        Gate("U", 3, 1, (p, q, o) => o.Add(Instruction.Unitary(q[0], Matrix2.U(p[0], p[1], p[2])))),
        Gate("gphase", 1, 0, (_, _, _) => { }));

    public static IReadOnlyDictionary<string, BuiltinGateSymbol> Standard { get; } = Index(
        Fixed("id", Matrix2.Identity),
        Fixed("x", Matrix2.X),
        Fixed("y", Matrix2.Y),
        Fixed("z", Matrix2.Z),
        Fixed("h", Matrix2.H),
        Fixed("s", Matrix2.S),
        Fixed("sdg", Matrix2.Sdg),
        Fixed("t", Matrix2.T),
        Fixed("tdg", Matrix2.Tdg),
        Fixed("sx", Matrix2.SX),
        Rotation("p", Matrix2.Phase),
        Rotation("phase", Matrix2.Phase),
        Rotation("u1", Matrix2.Phase),
        Rotation("rx", Matrix2.RX),
        Rotation("ry", Matrix2.RY),
        Rotation("rz", Matrix2.RZ),
        Gate("u2", 2, 1, (p, q, o) => o.Add(Instruction.Unitary(q[0], Matrix2.U(Math.PI / 2, p[0], p[1])))),
        Gate("u3", 3, 1, (p, q, o) => o.Add(Instruction.Unitary(q[0], Matrix2.U(p[0], p[1], p[2])))),
        FixedControlled("cx", Matrix2.X),
        FixedControlled("CX", Matrix2.X),
        FixedControlled("cy", Matrix2.Y),
        FixedControlled("cz", Matrix2.Z),
        FixedControlled("ch", Matrix2.H),
        ControlledRotation("cp", Matrix2.Phase),
        ControlledRotation("cphase", Matrix2.Phase),
        ControlledRotation("crx", Matrix2.RX),
        ControlledRotation("cry", Matrix2.RY),
        ControlledRotation("crz", Matrix2.RZ),
        Gate("cu", 4, 2, (p, q, o) =>
            o.Add(Instruction.Controlled(q[0], q[1], Matrix2.U(p[0], p[1], p[2]).Scale(Complex.FromPolarCoordinates(1, p[3]))))),
        Gate("swap", 0, 2, (_, q, o) => o.Add(Instruction.Swap(q[0], q[1]))),
        Gate("ccx", 0, 3, (_, q, o) => o.Add(Instruction.Controlled(q[0], q[1], q[2], Matrix2.X))),
        Gate("cswap", 0, 3, (_, q, o) =>
        {
            o.Add(Instruction.Controlled(q[2], q[1], Matrix2.X));
            o.Add(Instruction.Controlled(q[0], q[1], q[2], Matrix2.X));
            o.Add(Instruction.Controlled(q[2], q[1], Matrix2.X));
        }));

    private static BuiltinGateSymbol Gate(string name, int parameters, int qubits, BuiltinLowering lower) =>
        new(name, parameters, qubits, lower);

    private static BuiltinGateSymbol Fixed(string name, Matrix2 matrix) =>
        Gate(name, 0, 1, (_, q, o) => o.Add(Instruction.Unitary(q[0], matrix)));

    private static BuiltinGateSymbol Rotation(string name, Func<double, Matrix2> matrix) =>
        Gate(name, 1, 1, (p, q, o) => o.Add(Instruction.Unitary(q[0], matrix(p[0]))));

    private static BuiltinGateSymbol FixedControlled(string name, Matrix2 matrix) =>
        Gate(name, 0, 2, (_, q, o) => o.Add(Instruction.Controlled(q[0], q[1], matrix)));

    private static BuiltinGateSymbol ControlledRotation(string name, Func<double, Matrix2> matrix) =>
        Gate(name, 1, 2, (p, q, o) => o.Add(Instruction.Controlled(q[0], q[1], matrix(p[0]))));

    private static Dictionary<string, BuiltinGateSymbol> Index(params BuiltinGateSymbol[] gates) =>
        gates.ToDictionary(gate => gate.Name, StringComparer.Ordinal);
}
