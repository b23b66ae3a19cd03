using System.Text.Json.Serialization;
using TokenGen;
using TokenGen.Clients;
using TokenGen.Clients.Banyan;

namespace Contoso.Misdeclared;

// Three mistakes, each of which must stop the build with its TG diagnostic: two from the generator, one from the
// analyzer that TokenGen.Clients brings along through its dependency on TokenGen.

public sealed class Token
{
    [JsonPropertyName("token"), AccessToken]
    public string? Value { get; set; }
}

[JsonSerializable(typeof(Token))]
public sealed partial class MisdeclaredJsonContext : JsonSerializerContext;

[TokenApi(BaseAddress = "https://login.contoso.example", SerializerContext = typeof(MisdeclaredJsonContext))]
public interface INotPartialTokens                                      // TG0001: not partial
{
    [Post("/token")]
    Task<Token> AcquireAsync(CancellationToken cancellationToken = default);
}

[TokenApi(BaseAddress = "https://login.contoso.example", SerializerContext = typeof(MisdeclaredJsonContext))]
public partial interface IRouteTokens
{
    [Get("/tokens/{tokenId}")]                                          // TG0003: no parameter named tokenId
    Task<Token> GetAsync(string id, CancellationToken cancellationToken = default);
}

public static class BanyanSession
{
    public static TokenSession Create(IBanyanTokens client, string accessToken) =>
        TokenSession.Create(ct => client.GenerateRefreshTokenAsync(BearerToken.Format(accessToken), ct));   // TG0022: the v2 answer has no access token
}
