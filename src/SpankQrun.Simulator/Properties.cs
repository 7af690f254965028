using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("SpankQrun.Simulator.Tests")]
[assembly: InternalsVisibleTo("SpankQrun.Simulator.Bench")]
