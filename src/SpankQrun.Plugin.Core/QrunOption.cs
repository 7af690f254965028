namespace SpankQrun.Plugin.Core;

/// <summary>The command-line options the plugin adds; values match <c>enum qrun_option</c> in spank_glue.h.</summary>
public enum QrunOption
{
    /// <summary><c>--q-backend=name</c>.</summary>
    Backend = 1,

    /// <summary><c>--q-primitive=type</c>.</summary>
    Primitive = 2,
}
