namespace SpankQrun.Gateway.Slurm;

/// <summary>Slurm could not be asked (timeout, controller down, command missing): nothing may be served that needs it.</summary>
public sealed class SlurmUnavailableException(string message) : Exception(message);
