namespace SpankQrun.Primitives;

/// <summary>One problem in a PUBs document: where it is (a JSON path such as <c>$.pubs[0][2]</c>) and what is wrong.</summary>
public sealed record PubsError(string JsonPath, string Message)
{
    public override string ToString() => $"{JsonPath}: {Message}";
}
