using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace SpankQrun.Emulator.Tests.InMemory;

/// <summary>
/// The emulator hosted in memory with only the clock swapped, for endpoint logic that depends on time.
/// The Direct Access contract itself is tested over real HTTP against the real process.
/// </summary>
public sealed class EmulatorApplication(ManualClock clock) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder) =>
        builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(clock));
}
