using System.Globalization;
using System.Runtime.ExceptionServices;
using SpankQrun.Simulator.Execution;
using SpankQrun.Simulator.Syntax;

namespace SpankQrun.Simulator.Binding;

/// <summary>Resolves names, checks arity and qubit use, and turns the syntax tree into a <see cref="BoundProgram"/>.</summary>
internal sealed partial class Binder
{
    public const int MaxPhysicalQubit = 100_000;
    public const int MaxRegisterSize = 100_000;
    private const int MaxSharedArgumentLists = 1024;

    private readonly DiagnosticBag _diagnostics;
    private readonly SourceText _text;
    private readonly int _physicalQubitCount;
    private readonly string? _backendName;
    private readonly OperationBudget? _budget;
    private readonly Dictionary<string, GateSymbol> _gates = new(StringComparer.Ordinal);
    private readonly Dictionary<string, QubitRegister> _qubitRegisters = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (ClassicalRegister Register, bool IsRegister)> _bitRegisters = new(StringComparer.Ordinal);
    private readonly List<ClassicalRegister> _registers = [];
    private readonly Dictionary<string, int> _inputs = new(StringComparer.Ordinal);
    private readonly List<string> _parameterNames = [];
    private readonly List<BoundInputParameter> _inputNodes = [];
    private readonly Dictionary<long, int[]> _qubitLists = [];

    /// <summary>The one-qubit lists of qubits below 1024, by qubit: no hashing for the commonest list.</summary>
    private readonly IndexedSlots<int[]> _singleQubitLists = new(1024);
    private readonly Dictionary<(GateSymbol Gate, int[] Qubits), BoundGateCall> _sharedCalls = [];

    /// <summary>Argument lists with a parameter, by spelling (<see cref="BindArguments"/>); at most <see cref="MaxSharedArgumentLists"/>.</summary>
    private readonly Dictionary<string, BoundExpression[]> _argumentLists = new(StringComparer.Ordinal);
    private readonly HashSet<string> _declaredNames = new(StringComparer.Ordinal);
    private readonly List<BoundOperation> _operations;
    private readonly HashSet<int> _activeQubits = [];
    private readonly List<BoundGateCall> _callScratch = [];
    private readonly List<(int[] Qubits, bool IsRegister)> _operandScratch = [];
    private QubitAddressing _addressing = QubitAddressing.None;
    private int _declaredQubits;
    private int _highestPhysicalQubit = -1;
    private int _bitCount;

    /// <summary>The line of the last call located: calls come in text order, so the next is on it or a little after.</summary>
    private int _lineHint;
    private GateScope? _gateScope;

    private Binder(SourceText text, int physicalQubitCount, string? backendName, OperationBudget? budget)
    {
        _budget = budget;
        _text = text;
        _physicalQubitCount = physicalQubitCount;
        _backendName = backendName;
        _diagnostics = new DiagnosticBag(text);
        // Most operations end in ';' (broadcasts add more, gate bodies fewer): sizing the list once saves its regrowth.
        _operations = new List<BoundOperation>(text.Text.AsSpan().Count(';'));
        foreach (var (name, gate) in GateLibrary.AlwaysDefined)
        {
            _gates.Add(name, gate);
        }
    }

    /// <summary>
    /// Binds <paramref name="tree"/>. With <paramref name="backendName"/>, physical qubits from
    /// <paramref name="physicalQubitCount"/> on are reported as missing on that backend (the diagnostic has line and column).
    /// </summary>
    public static (BoundProgram Program, IReadOnlyList<Diagnostic> Diagnostics) Bind(
        QasmSyntaxTree tree, int physicalQubitCount = MaxPhysicalQubit + 1, string? backendName = null, OperationBudget? budget = null)
    {
        var binder = new Binder(tree.Text, physicalQubitCount, backendName, budget);
        foreach (var statement in tree.Statements)
        {
            binder.BindStatement(statement);
        }

        return (binder.CreateProgram(), [.. binder._diagnostics]);
    }

    /// <summary>
    /// Parses and binds <paramref name="text"/> one top-level statement at a time, recycling the syntax nodes of each
    /// statement for the next, so the front end allocates little beyond the bound program. The diagnostics are the
    /// lexer's and parser's (ordered by position, as <see cref="QasmSyntaxTree.Diagnostics"/>) when there are any, else
    /// the binder's; binding stops at the first syntax error. An exhausted <paramref name="budget"/> throws only when the
    /// text has no syntax error.
    /// </summary>
    public static (BoundProgram Program, IReadOnlyList<Diagnostic> Diagnostics) ParseAndBind(
        string text, int physicalQubitCount = MaxPhysicalQubit + 1, string? backendName = null, OperationBudget? budget = null)
    {
        var source = new SourceText(text);
        var lexerDiagnostics = new DiagnosticBag(source);
        var parserDiagnostics = new DiagnosticBag(source);
        var pool = new SyntaxNodePool();
        var parser = new Parser(new Lexer(source, lexerDiagnostics), parserDiagnostics, pool);
        var binder = new Binder(source, physicalQubitCount, backendName, budget);
        ExceptionDispatchInfo? stopped = null;
        while (parser.ParseNextStatement() is { } statement)
        {
            if (stopped is null && lexerDiagnostics.Count == 0 && parserDiagnostics.Count == 0)
            {
                try
                {
                    binder.BindStatement(statement);
                }
                catch (PubFailureException exception)
                {
                    stopped = ExceptionDispatchInfo.Capture(exception);
                }
            }

            pool.Recycle();
        }

        var syntaxDiagnostics = QasmSyntaxTree.Ordered(lexerDiagnostics, parserDiagnostics);
        if (syntaxDiagnostics.Count > 0)
        {
            return (binder.CreateProgram(), syntaxDiagnostics);
        }

        stopped?.Throw();
        return (binder.CreateProgram(), [.. binder._diagnostics]);
    }

    private BoundProgram CreateProgram()
    {
        var qubitCount = _addressing switch
        {
            QubitAddressing.Physical => _highestPhysicalQubit + 1,
            QubitAddressing.Declared => _declaredQubits,
            _ => 0,
        };
        return new BoundProgram(_operations, _parameterNames, _registers, _addressing, qubitCount, [.. _activeQubits.Order()]);
    }

    private void BindStatement(StatementSyntax statement)
    {
        switch (statement)
        {
            case VersionStatementSyntax version:
                BindVersion(version);
                break;
            case IncludeStatementSyntax include:
                BindInclude(include);
                break;
            case QubitDeclarationSyntax qubits:
                BindQubitDeclaration(qubits);
                break;
            case BitDeclarationSyntax bits:
                BindBitDeclaration(bits);
                break;
            case InputDeclarationSyntax input:
                BindInputDeclaration(input);
                break;
            case GateDefinitionSyntax gate:
                BindGateDefinition(gate);
                break;
            case GateCallSyntax call:
                foreach (var bound in BindGateCall(call))
                {
                    _operations.Add(bound);
                    foreach (var qubit in bound.Qubits)
                    {
                        _activeQubits.Add(qubit);
                    }
                }

                break;
            case MeasureStatementSyntax measure:
                BindMeasure(measure);
                break;
            case ResetStatementSyntax reset:
                BindReset(reset);
                break;
            case BarrierStatementSyntax barrier:
                foreach (var operand in barrier.Operands)
                {
                    BindQubitOperand(operand);
                }

                break;
        }
    }

    private void BindVersion(VersionStatementSyntax statement)
    {
        var text = statement.Version.Text;
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var version) || version < 3 || version >= 4)
        {
            _diagnostics.ReportUnsupportedVersion(statement.Version.Span, text);
        }
    }

    private void BindInclude(IncludeStatementSyntax statement)
    {
        var file = statement.File.StringValue ?? "";
        if (file != GateLibrary.StandardInclude)
        {
            _diagnostics.ReportUnsupportedInclude(statement.File.Span, file);
            return;
        }

        foreach (var (name, gate) in GateLibrary.Standard)
        {
            if (!_gates.TryAdd(name, gate) && _gates[name] != gate)
            {
                _diagnostics.ReportGateAlreadyDefined(statement.File.Span, name);
            }
        }
    }

    private void BindQubitDeclaration(QubitDeclarationSyntax statement)
    {
        var size = statement.Size is null ? 1 : BindRegisterSize(statement.Size);
        if (!TryDeclareName(statement.Identifier) || size is null)
        {
            return;
        }

        if (_addressing == QubitAddressing.Physical)
        {
            _diagnostics.ReportMixedQubitKinds(statement.Span);
            return;
        }

        _addressing = QubitAddressing.Declared;
        _qubitRegisters.Add(statement.Identifier.Text, new QubitRegister(_declaredQubits, size.Value, statement.Size is not null));
        _declaredQubits += size.Value;
    }

    private void BindBitDeclaration(BitDeclarationSyntax statement)
    {
        var size = statement.Size is null ? 1 : BindRegisterSize(statement.Size);
        if (!TryDeclareName(statement.Identifier) || size is null)
        {
            return;
        }

        var register = new ClassicalRegister(statement.Identifier.Text, _bitCount, size.Value);
        _registers.Add(register);
        _bitRegisters.Add(register.Name, (register, statement.Size is not null));
        _bitCount += size.Value;
    }

    private void BindInputDeclaration(InputDeclarationSyntax statement)
    {
        if (TryDeclareName(statement.Identifier))
        {
            _inputs.Add(statement.Identifier.Text, _parameterNames.Count);
            _inputNodes.Add(new BoundInputParameter(_parameterNames.Count));
            _parameterNames.Add(statement.Identifier.Text);
        }
    }

    private bool TryDeclareName(SyntaxToken identifier)
    {
        if (_declaredNames.Add(identifier.Text) && !_gates.ContainsKey(identifier.Text))
        {
            return true;
        }

        _diagnostics.ReportNameAlreadyDeclared(identifier.Span, identifier.Text);
        return false;
    }

    private int? BindRegisterSize(ExpressionSyntax size)
    {
        var value = BindConstantInteger(size, "register size");
        if (value is null)
        {
            return null;
        }

        if (value < 1 || value > MaxRegisterSize)
        {
            _diagnostics.ReportInvalidRegisterSize(size.Span, value.Value, MaxRegisterSize);
            return null;
        }

        return (int)value.Value;
    }
}
