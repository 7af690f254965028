using System.Runtime.InteropServices;
using SpankQrun.Simulator.Syntax;

namespace SpankQrun.Simulator.Binding;

internal sealed partial class Binder
{
    private void BindGateDefinition(GateDefinitionSyntax definition)
    {
        var name = definition.Identifier.Text;
        if (_gates.ContainsKey(name) || _declaredNames.Contains(name))
        {
            _diagnostics.ReportGateAlreadyDefined(definition.Identifier.Span, name);
            return;
        }

        var scope = new GateScope();
        foreach (var parameter in definition.Parameters)
        {
            if (!scope.Parameters.TryAdd(parameter.Text, scope.Parameters.Count))
            {
                _diagnostics.ReportNameAlreadyDeclared(parameter.Span, parameter.Text);
            }
        }

        foreach (var qubit in definition.Qubits)
        {
            if (scope.Parameters.ContainsKey(qubit.Text) || !scope.Qubits.TryAdd(qubit.Text, scope.Qubits.Count))
            {
                _diagnostics.ReportNameAlreadyDeclared(qubit.Span, qubit.Text);
            }
        }

        var symbol = new UserGateSymbol(name, scope.Parameters.Count, scope.Qubits.Count);
        _gateScope = scope;
        try
        {
            foreach (var statement in definition.Body)
            {
                BindGateBodyStatement(statement, symbol);
            }
        }
        finally
        {
            _gateScope = null;
        }

        _gates.Add(name, symbol);
    }

    private void BindGateBodyStatement(StatementSyntax statement, UserGateSymbol symbol)
    {
        switch (statement)
        {
            case GateCallSyntax call:
                symbol.Body.AddRange(BindGateCall(call));
                break;
            case BarrierStatementSyntax or SkippedStatementSyntax:
                break;
            case MeasureStatementSyntax:
                _diagnostics.ReportNotAllowedInGateBody(statement.Span, "measure");
                break;
            case ResetStatementSyntax:
                _diagnostics.ReportNotAllowedInGateBody(statement.Span, "reset");
                break;
            default:
                _diagnostics.ReportDeclarationInGateBody(statement.Span);
                break;
        }
    }

    /// <summary>Binds a call into a list reused between calls: callers copy what they keep before the next call.</summary>
    private List<BoundGateCall> BindGateCall(GateCallSyntax call)
    {
        var calls = _callScratch;
        calls.Clear();
        var name = call.Identifier.Text;
        if (!_gates.TryGetValue(name, out var gate))
        {
            _diagnostics.ReportUnknownGate(call.Identifier.Span, name);
            return calls;
        }

        if (call.Arguments.Count != gate.ParameterCount)
        {
            _diagnostics.ReportWrongParameterCount(call.Identifier.Span, name, gate.ParameterCount, call.Arguments.Count);
            return calls;
        }

        if (call.Operands.Count != gate.QubitCount)
        {
            _diagnostics.ReportWrongQubitCount(call.Identifier.Span, name, gate.QubitCount, call.Operands.Count);
            return calls;
        }

        var arguments = BindArguments(call, out var constant);
        var operands = _operandScratch;
        operands.Clear();
        // By index: a foreach over the IReadOnlyList would allocate an enumerator per call.
        for (var i = 0; i < call.Operands.Count; i++)
        {
            if (BindQubitOperand(call.Operands[i]) is not { } resolved)
            {
                return calls;
            }

            operands.Add(resolved);
        }

        if (BroadcastWidth(call, operands) is not { } width)
        {
            return calls;
        }

        var (line, column) = _text.GetLineAndColumn(call.Identifier.Span.Start, ref _lineHint);

        Span<int> qubits = operands.Count <= 8 ? stackalloc int[operands.Count] : new int[operands.Count];
        for (var k = 0; k < width; k++)
        {
            for (var i = 0; i < qubits.Length; i++)
            {
                qubits[i] = operands[i].IsRegister ? operands[i].Qubits[k] : operands[i].Qubits[0];
            }

            if (FirstDuplicate(qubits) is { } duplicate)
            {
                _diagnostics.ReportDuplicateQubit(call.Identifier.Span, name, DescribeQubit(duplicate));
                calls.Clear();
                return calls;
            }

            _budget?.Spend();
            calls.Add(arguments switch
            {
                null => new BoundGateCall(gate, constant, QubitList(qubits), line, column),
                [] when qubits.Length <= 2 => SharedCall(gate, QubitList(qubits), line, column),
                _ => new BoundGateCall(gate, arguments, QubitList(qubits), line, column),
            });
        }

        return calls;
    }

    /// <summary>
    /// The bound arguments of <paramref name="call"/>; null for one constant argument, which stays a number in
    /// <paramref name="constant"/> (rz(0.25) and the like: no expression node, no array). Argument lists with a parameter
    /// outside gate bodies (rz(pi/2 + theta), repeated throughout exported circuits) are bound once per spelling: bound
    /// expressions never change, and the names they use mean the same from their declaration on.
    /// </summary>
    private BoundExpression[]? BindArguments(GateCallSyntax call, out double constant)
    {
        constant = 0;
        var count = call.Arguments.Count;
        if (count == 0)
        {
            return [];
        }

        var first = call.Arguments[0].Span.Start;
        var spelling = _text.Text.AsSpan(first, call.Arguments[count - 1].Span.End - first);
        var lookup = _argumentLists.GetAlternateLookup<ReadOnlySpan<char>>();
        if (_gateScope is null && lookup.TryGetValue(spelling, out var known))
        {
            return known;
        }

        var errors = _diagnostics.Count;
        BoundExpression[] arguments;
        if (count == 1)
        {
            var folded = Fold(call.Arguments[0], constantOnly: false);
            if (folded.Node is null)
            {
                constant = folded.Value;
                return null;
            }

            arguments = [folded.Node];
        }
        else
        {
            arguments = new BoundExpression[count];
            for (var i = 0; i < count; i++)
            {
                arguments[i] = BindExpression(call.Arguments[i], constantOnly: false);
            }
        }

        if (_gateScope is null && _diagnostics.Count == errors && _argumentLists.Count < MaxSharedArgumentLists && arguments.Any(argument => !argument.IsConstant))
        {
            lookup.TryAdd(spelling, arguments);
        }

        return arguments;
    }

    /// <summary>
    /// One bound call per distinct gate without arguments on a shared qubit list (bound calls are never changed). It keeps
    /// the position of its first occurrence, which is the one an ISA error names: identical calls pass or fail alike, and
    /// the first failure in program order is reported.
    /// </summary>
    private BoundGateCall SharedCall(GateSymbol gate, int[] qubits, int line, int column)
    {
        ref var shared = ref CollectionsMarshal.GetValueRefOrAddDefault(_sharedCalls, (gate, qubits), out _);
        shared ??= new BoundGateCall(gate, [], qubits, line, column);
        return shared;
    }

    /// <summary>The first qubit that appears twice (in order of its first appearance), or null.</summary>
    private static int? FirstDuplicate(ReadOnlySpan<int> qubits)
    {
        for (var i = 0; i < qubits.Length; i++)
        {
            for (var j = i + 1; j < qubits.Length; j++)
            {
                if (qubits[i] == qubits[j])
                {
                    return qubits[i];
                }
            }
        }

        return null;
    }

    /// <summary>How many times a call applies: the common size of its register operands, 1 when it has none.</summary>
    private int? BroadcastWidth(StatementSyntax statement, List<(int[] Qubits, bool IsRegister)> operands)
    {
        var width = 1;
        var seenRegister = false;
        foreach (var (qubits, isRegister) in operands)
        {
            if (!isRegister)
            {
                continue;
            }

            if (seenRegister && qubits.Length != width)
            {
                _diagnostics.ReportRegisterSizeMismatch(statement.Span, width, qubits.Length);
                return null;
            }

            width = qubits.Length;
            seenRegister = true;
        }

        return width;
    }

    private string DescribeQubit(int qubit) => _gateScope is not null
        ? $"'{_gateScope.Qubits.First(pair => pair.Value == qubit).Key}'"
        : _addressing == QubitAddressing.Physical ? $"${qubit}" : $"#{qubit}";
}
