using SpankQrun.Emulator.Auth;
using SpankQrun.Emulator.Backends;
using SpankQrun.Emulator.Configuration;
using SpankQrun.Emulator.Hosting;
using SpankQrun.Emulator.Jobs;
using SpankQrun.Emulator.Logging;
using SpankQrun.Emulator.Versioning;

var builder = WebApplication.CreateBuilder(args);

// Address: loopback port 8290 unless --urls says otherwise.
builder.UseEmulatorUrls();

// Logging: one console line per request and per job event; never tokens, keys or presigned query strings.
builder.Logging.AddEmulatorConsole();

WebApplication app;
try
{
    // Configuration file (--config) and state directory (--state-dir); a bad one stops the start (exit 2).
    builder.AddEmulatorSettings();

    // Services: tokens, the job store with its lanes, the lane workers, presigned-URL storage, JSON.
    builder.Services.AddEmulatorServices();

    app = builder.Build();
    app.LoadEmulatorState();
}
catch (EmulatorConfigurationException exception)
{
    Console.Error.WriteLine($"qrun-emulator: {exception.Message}");
    return 2;
}

// Request log first, so that every request is seen, then one Map call per feature.
app.UseMiddleware<RequestLoggingMiddleware>();
app.UseMiddleware<ApiVersionHeaderMiddleware>();
app.MapVersion();
app.MapAuth();
app.MapBackends();
app.MapJobs();

await app.RunAsync();
return 0;

/// <summary>Entry point; public so that in-memory tests can host it with WebApplicationFactory.</summary>
public partial class Program;
