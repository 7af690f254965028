namespace SpankQrun.Simulator.Syntax;

/// <summary>
/// Gate-call, operand and expression nodes (and their lists) kept for reuse. The compiler binds each top-level statement
/// before it parses the next and keeps no node, so it <see cref="Recycle"/>s them between statements: a large program
/// allocates the nodes of its largest statement once instead of a few objects per gate call.
/// </summary>
internal sealed class SyntaxNodePool
{
    public Shelf<GateCallSyntax> GateCalls { get; } = new();

    public Shelf<PhysicalQubitOperandSyntax> PhysicalQubits { get; } = new();

    public Shelf<NamedOperandSyntax> NamedOperands { get; } = new();

    public Shelf<NumberExpressionSyntax> Numbers { get; } = new();

    public Shelf<NameExpressionSyntax> Names { get; } = new();

    public Shelf<UnaryExpressionSyntax> Unaries { get; } = new();

    public Shelf<BinaryExpressionSyntax> Binaries { get; } = new();

    public Shelf<ParenthesizedExpressionSyntax> Parentheses { get; } = new();

    public Shelf<List<OperandSyntax>> OperandLists { get; } = new();

    public Shelf<List<ExpressionSyntax>> ExpressionLists { get; } = new();

    /// <summary>Every node handed out so far may be handed out again (the caller holds none of them any more).</summary>
    public void Recycle()
    {
        GateCalls.Recycle();
        PhysicalQubits.Recycle();
        NamedOperands.Recycle();
        Numbers.Recycle();
        Names.Recycle();
        Unaries.Recycle();
        Binaries.Recycle();
        Parentheses.Recycle();
        OperandLists.Recycle();
        ExpressionLists.Recycle();
    }

    public static List<T> TakeList<T>(Shelf<List<T>> shelf)
    {
        if (shelf.Take() is { } list)
        {
            list.Clear();
            return list;
        }

        return shelf.Keep([]);
    }

    /// <summary>The recycled nodes of one type: <see cref="Take"/> returns one not handed out since the last recycle, or null.</summary>
    internal sealed class Shelf<T>
        where T : class
    {
        private readonly List<T> _items = [];
        private int _used;

        public T? Take() => _used < _items.Count ? _items[_used++] : null;

        /// <summary>Adds a new node, handed out until the next recycle.</summary>
        public T Keep(T item)
        {
            _items.Add(item);
            _used = _items.Count;
            return item;
        }

        public void Recycle() => _used = 0;
    }
}
