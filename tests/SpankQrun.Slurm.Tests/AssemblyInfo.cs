using System.Runtime.Versioning;

// Slurm runs only on Linux; so do these tests.
[assembly: SupportedOSPlatform("linux")]
