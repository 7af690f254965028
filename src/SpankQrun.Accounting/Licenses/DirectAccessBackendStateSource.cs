using SpankQrun.DirectAccess;
using SpankQrun.DirectAccess.Backends;

namespace SpankQrun.Accounting.Licenses;

/// <summary>Backend states from the Direct Access API, with the site's credentials.</summary>
public sealed class DirectAccessBackendStateSource(DirectAccessClient client) : IBackendStateSource
{
    public Task<BackendState> GetAsync(string backend, CancellationToken cancellationToken) => client.GetBackendStateAsync(backend, cancellationToken);
}
