namespace SpankQrun.DirectAccess.Auth;

/// <summary>A bearer token and the moment qrun should fetch a new one (90% of its lifetime).</summary>
internal sealed record AccessToken(string Value, DateTimeOffset RefreshAt)
{
    public override string ToString() => $"AccessToken {{ RefreshAt = {RefreshAt:O} }}";
}
