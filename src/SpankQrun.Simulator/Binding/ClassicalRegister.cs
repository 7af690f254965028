namespace SpankQrun.Simulator.Binding;

/// <summary>A <c>bit</c> register; its bits are global bits <see cref="Offset"/> .. <see cref="Offset"/> + <see cref="Size"/> - 1.</summary>
internal sealed record ClassicalRegister(string Name, int Offset, int Size);
