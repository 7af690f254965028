namespace SpankQrun.Simulator.Execution;

/// <summary>One term coefficient·P of an observable, P given by its label (rightmost character = qubit 0).</summary>
internal readonly record struct PauliTerm(string Label, double Coefficient);
