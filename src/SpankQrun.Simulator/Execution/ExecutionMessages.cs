using SpankQrun.Simulator.Syntax;

namespace SpankQrun.Simulator.Execution;

/// <summary>Every user-facing message of the executor, one method per message.</summary>
internal static class ExecutionMessages
{
    public static string InvalidInput(string path, string message) => $"{path}: {message}";

    public static string Qasm(int pub, Diagnostic diagnostic) => $"pub {pub}: {diagnostic}";

    public static string TooManyQubits(int pub, int qubits, int limit) =>
        $"pub {pub}: the circuit acts on {qubits} qubits; this simulator runs at most {limit}";

    public static string TooManyShots(int pub, long shots, int limit) =>
        $"pub {pub}: {shots} shots requested; this simulator runs at most {limit} per PUB";

    public static string TooManySampledBits(int pub, int shots, int bits, int sets, long limit) =>
        $"pub {pub}: {shots} shots x {bits} classical bits x {sets} parameter sets exceeds the {limit} sampled bits this simulator keeps";

    public static string TooManyOperations(int pub, long limit) =>
        $"pub {pub}: the circuit expands to more than {limit} operations (every gate call counts, including calls of gate definitions)";

    public static string GateNotInBasis(int pub, int line, int column, string gate, string qubits, Targets.BackendTarget target) =>
        $"pub {pub}: line {line}, column {column}: gate '{gate}' on {qubits} is not an ISA instruction of {target.Name}, whose basis gates are {string.Join(", ", target.BasisGates ?? [])}; transpile the circuit for {target.Name}";

    public static string QubitsNotCoupled(int pub, int line, int column, string gate, string qubits, string backend) =>
        $"pub {pub}: line {line}, column {column}: gate '{gate}' on {qubits} acts on qubits that {backend}'s coupling map does not connect in that direction; transpile the circuit for {backend}";

    public static string ParameterCountMismatch(int pub, int expected, IReadOnlyList<string> names, string foundShape) =>
        $"pub {pub}: the circuit has {expected} input parameter{(expected == 1 ? "" : "s")} ({Names(names)}), so parameter values need a last dimension of {expected}; found shape {foundShape}";

    public static string ShapesDoNotBroadcast(int pub, string parameterShape, string observableShape) =>
        $"pub {pub}: parameter values of shape {parameterShape} and observables of shape {observableShape} do not broadcast";

    public static string LabelTooShort(int pub, string label, int required) =>
        $"pub {pub}: observable \"{label}\" has {label.Length} characters; the circuit names qubits up to ${required - 1}, so labels need at least {required} (rightmost = qubit 0)";

    public static string LabelLengthMismatch(int pub, string label, int required) =>
        $"pub {pub}: observable \"{label}\" has {label.Length} characters; the circuit declares {required} qubits, so labels need exactly {required} (rightmost = qubit 0)";

    public static string LabelTooLong(int pub, string label, int limit) =>
        $"pub {pub}: observable \"{label}\" acts on qubit {label.Length - 1}; this simulator supports labels of at most {limit} characters";

    public static string EstimatorMidCircuitMeasurement(int pub) =>
        $"pub {pub}: estimator circuits may end with measurements but must not measure or reset before a later gate";

    public static string Internal(string detail) => $"simulator fault: {detail}";

    private static string Names(IReadOnlyList<string> names) => names.Count == 0 ? "none" : string.Join(", ", names);
}
