namespace SpankQrun.Simulator.Kernels;

/// <summary>Which code path a kernel may take; tests and the benchmark force the narrower ones to compare against.</summary>
internal enum KernelPath
{
    /// <summary>The widest accelerated path the hardware and the qubit positions allow.</summary>
    Auto,

    /// <summary>At most 128-bit vectors (one complex amplitude per vector).</summary>
    Vector128,

    /// <summary>The scalar reference path.</summary>
    Scalar,
}
