using System.Runtime.InteropServices;
using SpankQrun.Simulator.Syntax;

namespace SpankQrun.Simulator.Binding;

internal sealed partial class Binder
{
    private void BindMeasure(MeasureStatementSyntax measure)
    {
        if (BindQubitOperand(measure.Source) is not { } source)
        {
            return;
        }

        _activeQubits.UnionWith(source.Qubits);
        if (measure.Target is null)
        {
            foreach (var qubit in source.Qubits)
            {
                _budget?.Spend();
                _operations.Add(new BoundMeasure(qubit, -1));
            }

            return;
        }

        if (BindBitOperand(measure.Target) is not { } bits)
        {
            return;
        }

        if (bits.Length != source.Qubits.Length)
        {
            _diagnostics.ReportRegisterSizeMismatch(measure.Span, source.Qubits.Length, bits.Length);
            return;
        }

        for (var i = 0; i < bits.Length; i++)
        {
            _budget?.Spend();
            _operations.Add(new BoundMeasure(source.Qubits[i], bits[i]));
        }
    }

    private void BindReset(ResetStatementSyntax reset)
    {
        foreach (var operand in reset.Operands)
        {
            if (BindQubitOperand(operand) is { } resolved)
            {
                foreach (var qubit in resolved.Qubits)
                {
                    _budget?.Spend();
                    _operations.Add(new BoundReset(qubit));
                    _activeQubits.Add(qubit);
                }
            }
        }
    }

    /// <summary>Resolves a qubit operand to program qubits (or, in a gate body, to argument positions).</summary>
    private (int[] Qubits, bool IsRegister)? BindQubitOperand(OperandSyntax operand)
    {
        if (operand is PhysicalQubitOperandSyntax physical)
        {
            return BindPhysicalQubit(physical);
        }

        var named = (NamedOperandSyntax)operand;
        var name = named.Identifier.Text;
        if (_gateScope is not null)
        {
            if (!_gateScope.Qubits.TryGetValue(name, out var argument))
            {
                _diagnostics.ReportUnknownQubit(named.Identifier.Span, name);
                return null;
            }

            if (named.Index is not null)
            {
                _diagnostics.ReportIndexedGateArgument(named.Span, name);
                return null;
            }

            return (QubitList([argument]), false);
        }

        if (!_qubitRegisters.TryGetValue(name, out var register))
        {
            _diagnostics.ReportUnknownQubit(named.Identifier.Span, name);
            return null;
        }

        if (named.Index is null)
        {
            return (Enumerable.Range(register.Offset, register.Size).ToArray(), register.IsRegister);
        }

        var index = BindIndex(named.Index, name, register.Size);
        return index is null ? null : (QubitList([register.Offset + index.Value]), false);
    }

    private (int[] Qubits, bool IsRegister)? BindPhysicalQubit(PhysicalQubitOperandSyntax physical)
    {
        if (_gateScope is not null)
        {
            _diagnostics.ReportNotAllowedInGateBody(physical.Span, $"physical qubit {physical.Qubit.Text}");
            return null;
        }

        if (_addressing == QubitAddressing.Declared)
        {
            _diagnostics.ReportMixedQubitKinds(physical.Span);
            return null;
        }

        if (physical.Index >= _physicalQubitCount && _backendName is not null)
        {
            _diagnostics.ReportQubitNotOnBackend(physical.Span, physical.Qubit.Text, _backendName, _physicalQubitCount);
            return null;
        }

        if (physical.Index > MaxPhysicalQubit)
        {
            _diagnostics.ReportPhysicalQubitTooLarge(physical.Span, physical.Qubit.Text, MaxPhysicalQubit);
            return null;
        }

        _addressing = QubitAddressing.Physical;
        _highestPhysicalQubit = Math.Max(_highestPhysicalQubit, physical.Index);
        return (QubitList([physical.Index]), false);
    }

    private int[]? BindBitOperand(OperandSyntax operand)
    {
        if (operand is not NamedOperandSyntax named || !_bitRegisters.TryGetValue(named.Identifier.Text, out var entry))
        {
            var text = operand is NamedOperandSyntax n ? n.Identifier.Text : ((PhysicalQubitOperandSyntax)operand).Qubit.Text;
            _diagnostics.ReportUnknownBit(operand.Span, text);
            return null;
        }

        var register = entry.Register;
        if (named.Index is null)
        {
            return Enumerable.Range(register.Offset, register.Size).ToArray();
        }

        var index = BindIndex(named.Index, register.Name, register.Size);
        return index is null ? null : [register.Offset + index.Value];
    }

    private int? BindIndex(ExpressionSyntax indexSyntax, string register, int size)
    {
        var index = BindConstantInteger(indexSyntax, "index");
        if (index is null)
        {
            return null;
        }

        if (index >= size)
        {
            _diagnostics.ReportIndexOutOfRange(indexSyntax.Span, register, index.Value, size);
            return null;
        }

        return (int)index.Value;
    }

    /// <summary>
    /// One shared array per distinct list of one or two qubits (bound operations keep their qubit arrays and never change
    /// them), so a large program does not allocate an array per gate call; longer lists are copied.
    /// </summary>
    private int[] QubitList(ReadOnlySpan<int> qubits)
    {
        if (qubits.Length is 0 or > 2)
        {
            return qubits.ToArray();
        }

        if (qubits.Length == 1 && (uint)qubits[0] < (uint)_singleQubitLists.Bound)
        {
            return _singleQubitLists[qubits[0]] ??= [qubits[0]];
        }

        // Qubits are non-negative ints, so the packed key is unique; the multiply by an odd constant (a bijection) spreads
        // it over the 32-bit hash that Dictionary folds a long into (the raw packing would give (a + 1) ^ b: many collisions).
        var packed = qubits.Length == 1 ? qubits[0] : ((long)(qubits[0] + 1) << 32) | (uint)qubits[1];
        var key = unchecked(packed * (long)0x9E3779B97F4A7C15);
        ref var shared = ref CollectionsMarshal.GetValueRefOrAddDefault(_qubitLists, key, out _);
        shared ??= qubits.ToArray();
        return shared;
    }
}
