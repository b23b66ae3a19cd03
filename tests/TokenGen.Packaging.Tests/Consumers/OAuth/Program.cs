using System.Net;
using System.Runtime.InteropServices;
using Contoso.Consumer;
using TokenGen;

// Calls the generated client of a token API declared in this project against a local token server: a token, a managed
// session that serves its token from cache, and a refused client that surfaces as a TokenApiException with the
// service's error body. Every check prints one line; any mismatch exits 1.

await using var server = new TokenServer();
using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{server.Port}/tenant-a") };
IOAuthTokens oauth = IOAuthTokens.Create(http);
var authorization = ClientSecretBasic.Format(TokenServer.ClientId, TokenServer.ClientSecret);
var failures = 0;

void Check(bool ok, string line)
{
    Console.WriteLine((ok ? "ok: " : "FAILED: ") + line);
    failures += ok ? 0 : 1;
}

OAuthToken token = await oauth.RequestClientTokenAsync(authorization, scope: "orders.read");
Check(
    token is { AccessToken: "at-1", TokenType: "Bearer", ExpiresIn: 3600, Scope: "orders.read" },
    $"client {oauth.GetType().Name} token {token.AccessToken} {token.TokenType} {token.ExpiresIn} s {token.Scope}");

await using (var session = TokenSession.Create(ct => oauth.RequestClientTokenAsync(authorization, scope: "orders.read", cancellationToken: ct)))
{
    IssuedToken issued = await session.GetTokenAsync();
    string again = await session.GetAccessTokenAsync();
    Check(
        issued.AccessToken == "at-2" && again == "at-2" && issued.Lifetime == TimeSpan.FromHours(1) && server.Issued == 2,
        $"session token {again} lifetime {issued.Lifetime?.TotalSeconds} s, issued {server.Issued}");
}

try
{
    await oauth.RequestClientTokenAsync(ClientSecretBasic.Format(TokenServer.ClientId, "wrong"), scope: "orders.read");
    Check(false, "refused client: no exception");
}
catch (TokenApiException ex) when (ex.TryReadError(OAuthJsonContext.Default.OAuthError, out var error))
{
    Check(ex.StatusCode == HttpStatusCode.Unauthorized && error?.Error == "invalid_client", $"refused client {(int)ex.StatusCode} {error?.Error}");
}

Console.WriteLine($"runtime: {RuntimeInformation.FrameworkDescription}");
Console.WriteLine(failures == 0 ? "TokenGen consumer passed" : $"TokenGen consumer failed {failures} check(s)");
return failures == 0 ? 0 : 1;
