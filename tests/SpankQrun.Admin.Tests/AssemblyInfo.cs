using System.Runtime.Versioning;

// The plugin runs only on Linux; so do these tests.
[assembly: SupportedOSPlatform("linux")]
