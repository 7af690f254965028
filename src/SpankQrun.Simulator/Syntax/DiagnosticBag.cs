using System.Collections;

namespace SpankQrun.Simulator.Syntax;

/// <summary>Collects diagnostics; every user-facing QASM message is written here, one method per message.</summary>
internal sealed class DiagnosticBag(SourceText text) : IEnumerable<Diagnostic>
{
    private readonly List<Diagnostic> _diagnostics = [];

    public int Count => _diagnostics.Count;

    public IEnumerator<Diagnostic> GetEnumerator() => _diagnostics.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public void AddRange(IEnumerable<Diagnostic> diagnostics) => _diagnostics.AddRange(diagnostics);

    // Lexer.
    public void ReportBadCharacter(int position, char character) =>
        Report(new TextSpan(position, 1), $"unexpected character '{Printable(character)}'");

    public void ReportUnterminatedString(TextSpan span) => Report(span, "unterminated string; expected a closing '\"'");

    public void ReportUnterminatedComment(TextSpan span) => Report(span, "unterminated comment; expected '*/'");

    public void ReportInvalidNumber(TextSpan span, string text) => Report(span, $"invalid number '{text}'");

    public void ReportInvalidHardwareQubit(TextSpan span, string text) =>
        Report(span, $"invalid physical qubit '{text}'; expected '$' followed by a qubit index such as $0");

    // Parser.
    public void ReportUnexpectedToken(TextSpan span, SyntaxKind found, SyntaxKind expected) =>
        Report(span, $"expected {SyntaxFacts.Describe(expected)}, found {SyntaxFacts.Describe(found)}");

    public void ReportExpectedStatement(TextSpan span, string found) =>
        Report(span, $"expected a statement (gate call, measure, reset, barrier or declaration), found '{found}'");

    public void ReportExpectedExpression(TextSpan span, SyntaxKind found) =>
        Report(span, $"expected an expression, found {SyntaxFacts.Describe(found)}");

    public void ReportExpectedOperand(TextSpan span, SyntaxKind found) =>
        Report(span, $"expected a qubit such as $0, q or q[0], found {SyntaxFacts.Describe(found)}");

    public void ReportUnsupportedStatement(TextSpan span, string keyword) =>
        Report(span, $"unsupported statement '{keyword}'; this simulator runs gate calls, measure, reset, barrier and declarations");

    public void ReportUnsupportedAssignment(TextSpan span) =>
        Report(span, "unsupported classical assignment; only 'c[i] = measure q;' is allowed");

    public void ReportUnsupportedInputType(TextSpan span, string type) =>
        Report(span, $"unsupported input type '{type}'; expected 'float' or 'angle'");

    public void ReportExpressionTooDeep(TextSpan span, int limit) =>
        Report(span, $"expression nested more than {limit} levels deep");

    // Binder.
    public void ReportUnsupportedVersion(TextSpan span, string version) =>
        Report(span, $"unsupported OpenQASM version '{version}'; expected 3 or 3.0");

    public void ReportUnsupportedInclude(TextSpan span, string file) =>
        Report(span, $"unsupported include \"{file}\"; only \"stdgates.inc\" is available");

    public void ReportUnknownGate(TextSpan span, string name) => Report(span, $"unknown gate '{name}'");

    public void ReportGateAlreadyDefined(TextSpan span, string name) => Report(span, $"gate '{name}' is already defined");

    public void ReportNameAlreadyDeclared(TextSpan span, string name) => Report(span, $"'{name}' is already declared");

    public void ReportWrongParameterCount(TextSpan span, string gate, int expected, int found) =>
        Report(span, $"gate '{gate}' takes {expected} parameter{Plural(expected)}, found {found}");

    public void ReportWrongQubitCount(TextSpan span, string gate, int expected, int found) =>
        Report(span, $"gate '{gate}' acts on {expected} qubit{Plural(expected)}, found {found}");

    public void ReportDuplicateQubit(TextSpan span, string gate, string qubit) =>
        Report(span, $"qubit {qubit} is used more than once in '{gate}'");

    public void ReportUnknownQubit(TextSpan span, string name) =>
        Report(span, $"unknown qubit or qubit register '{name}'");

    public void ReportUnknownBit(TextSpan span, string name) => Report(span, $"unknown bit register '{name}'");

    public void ReportIndexOutOfRange(TextSpan span, string register, long index, int size) =>
        Report(span, $"index {index} is out of range for '{register}' of size {size}");

    public void ReportRegisterSizeMismatch(TextSpan span, int left, int right) =>
        Report(span, $"registers of different sizes ({left} and {right}) cannot be broadcast together");

    public void ReportMixedQubitKinds(TextSpan span) =>
        Report(span, "physical qubits ($n) and declared qubit registers cannot be mixed in one circuit");

    public void ReportPhysicalQubitTooLarge(TextSpan span, string text, int limit) =>
        Report(span, $"physical qubit {text} is beyond the largest supported index ${limit}");

    public void ReportQubitNotOnBackend(TextSpan span, string text, string backend, int qubits) =>
        Report(span, $"physical qubit {text} does not exist on {backend}, which has qubits $0 to ${qubits - 1}");

    public void ReportExpectedConstantInteger(TextSpan span, string what) =>
        Report(span, $"expected a constant non-negative integer ({what})");

    public void ReportInvalidRegisterSize(TextSpan span, long size, int limit) =>
        Report(span, $"register size {size} is out of range; expected 1 to {limit}");

    public void ReportUnknownName(TextSpan span, string name) =>
        Report(span, $"unknown name '{name}'; expected a gate parameter, an input parameter or a constant such as pi");

    public void ReportUnknownFunction(TextSpan span, string name) =>
        Report(span, $"unknown function '{name}'; expected one of sin, cos, tan, arcsin, arccos, arctan, exp, ln, sqrt");

    public void ReportWrongArgumentCount(TextSpan span, string function, int found) =>
        Report(span, $"function '{function}' takes 1 argument, found {found}");

    public void ReportNotAllowedInGateBody(TextSpan span, string what) =>
        Report(span, $"{what} is not allowed inside a gate definition; only gate calls are");

    public void ReportGateDefinitionNotAtTopLevel(TextSpan span) =>
        Report(span, "gate definitions are only allowed at the top level");

    public void ReportDeclarationInGateBody(TextSpan span) =>
        Report(span, "declarations are not allowed inside a gate definition");

    public void ReportIndexedGateArgument(TextSpan span, string name) =>
        Report(span, $"gate argument '{name}' is a single qubit and cannot be indexed");

    private void Report(TextSpan span, string message)
    {
        var (line, column) = text.GetLineAndColumn(Math.Min(span.Start, text.Length));
        _diagnostics.Add(new Diagnostic(span, line, column, message));
    }

    private static string Plural(int count) => count == 1 ? "" : "s";

    private static string Printable(char character) =>
        char.IsControl(character) || char.IsSurrogate(character) ? $"\\u{(int)character:x4}" : character.ToString();
}
