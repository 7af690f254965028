namespace SpankQrun.Simulator;

/// <summary>Values of <see cref="PrimitiveExecution.FailureCode"/>.</summary>
public static class PrimitiveFailureCodes
{
    /// <summary>The PUBs document has the wrong shape (see <c>PubsValidator</c>).</summary>
    public const string InvalidInput = "invalid_input";

    /// <summary>A circuit does not parse or bind; the message names the PUB, line and column.</summary>
    public const string QasmError = "qasm_error";

    /// <summary>Parameter values, observables or their shapes do not fit the circuit.</summary>
    public const string ShapeMismatch = "shape_mismatch";

    /// <summary>A circuit touches more qubits, or expands to more operations, than the simulator allows.</summary>
    public const string TooLarge = "too_large";

    /// <summary>A circuit is not an ISA circuit of the backend (a gate outside its basis, or an uncoupled pair).</summary>
    public const string NotIsa = "not_isa";

    /// <summary>An unexpected simulator fault (a bug); the message carries the exception's text.</summary>
    public const string InternalError = "internal_error";
}
