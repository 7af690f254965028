namespace SpankQrun.Admin.Check;

/// <summary>The plugin's line in plugstack.conf, split as Slurm splits it.</summary>
/// <param name="Origin">Where it is (<c>FILE line N</c>, or <c>--line</c>).</param>
/// <param name="Kind"><c>optional</c> or <c>required</c>.</param>
/// <param name="PluginPath">The library's path as the line names it.</param>
/// <param name="Arguments">The words after the path: what the plugin receives.</param>
internal sealed record PlugstackLine(string Origin, string Kind, string PluginPath, IReadOnlyList<string> Arguments);
