namespace SpankQrun.Simulator.Syntax;

/// <summary>Base of every syntax node; <see cref="Span"/> covers its text.</summary>
internal abstract record SyntaxNode(TextSpan Span);
