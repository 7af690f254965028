namespace SpankQrun.Plugin.Core;

/// <summary>One variable to set in a task's environment.</summary>
/// <param name="Variable">The variable name.</param>
/// <param name="Value">The value.</param>
/// <param name="IsSecret">Whether the value is masked in logs.</param>
public sealed record EnvironmentAssignment(string Variable, string Value, bool IsSecret)
{
    /// <summary>The value as it may appear in a log line.</summary>
    public string ShownValue => Redaction.Show(Value, IsSecret);
}
