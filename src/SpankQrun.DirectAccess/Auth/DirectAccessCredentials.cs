namespace SpankQrun.DirectAccess.Auth;

/// <summary>How qrun proves who it is to the Direct Access API.</summary>
public abstract record DirectAccessCredentials;
