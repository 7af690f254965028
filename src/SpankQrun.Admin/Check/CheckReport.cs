namespace SpankQrun.Admin.Check;

/// <summary>Where the check writes: findings on standard output, problems and failures on standard error.</summary>
internal sealed class CheckReport(TextWriter output, TextWriter error)
{
    /// <summary>How many problems or failures were reported.</summary>
    public int Failures { get; private set; }

    /// <summary>A finding.</summary>
    public void Line(string text) => output.WriteLine(text);

    /// <summary>A problem of the site configuration, worded as the plugin words it at run time.</summary>
    public void Problem(string problem)
    {
        Failures++;
        error.WriteLine(AdminMessages.Problem(problem));
    }

    /// <summary>Any other failure.</summary>
    public void Failure(string message)
    {
        Failures++;
        error.WriteLine(AdminMessages.Error(message));
    }

    /// <summary>A note on standard error that is not a failure.</summary>
    public void Note(string message) => error.WriteLine(AdminMessages.Prefix + message);
}
