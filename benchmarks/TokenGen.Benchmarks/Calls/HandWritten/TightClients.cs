using System;
using System.IO;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using TokenGen.Clients.Banyan;
using TokenGen.Clients.DirectLine;
using TokenGen.Clients.Esper;
using Prowler = TokenGen.Clients.Prowler;
using RunAi = TokenGen.Clients.RunAi;

// The floor TokenGen's per-call goals are set against: the same five operations as the tightest hand-written code a
// careful engineer would keep. Bodies are serialized with the source-generated JsonTypeInfo straight to UTF-8 bytes
// (no JsonContent and its deferred serialization), the media type is added as a pre-validated string, answers are
// deserialized from the response stream, headers go in with TryAddWithoutValidation, and fixed URIs are cached. Like
// the idiomatic clients it checks nothing TokenGen checks (no size bound, no header-value check, no error body), so the
// difference to TokenGen is the price of those checks and of its generality.
namespace TokenGen.Benchmarks.Calls.HandWritten;

/// <summary>Send-and-read steps every tight client writes out the same way; inlined by the JIT, no async frame of their own.</summary>
internal static class Tight
{
    public static HttpContent Json<T>(T value, JsonTypeInfo<T> typeInfo, string mediaType)
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(value, typeInfo));
        content.Headers.TryAddWithoutValidation("Content-Type", mediaType);
        return content;
    }

    public static async Task<T> ReadAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        response.EnsureSuccessStatusCode();
        Stream stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            return await JsonSerializer.DeserializeAsync(stream, typeInfo, cancellationToken).ConfigureAwait(false)
                ?? throw new JsonException("The answer was empty.");
        }
    }
}

/// <summary>Direct Line's generate-token operation, tight.</summary>
internal sealed class TightDirectLine(HttpClient httpClient)
{
    private static readonly Uri s_generateUri = new("v3/directline/tokens/generate", UriKind.Relative);

    public async Task<Conversation> GenerateTokenAsync(string authorization, TokenParameters? tokenParameters, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, s_generateUri);
        request.Headers.TryAddWithoutValidation("Accept", "application/json");
        request.Headers.TryAddWithoutValidation("Authorization", authorization);
        if (tokenParameters is not null)
        {
            request.Content = Tight.Json(tokenParameters, DirectLineJsonContext.Default.TokenParameters, "application/json; charset=utf-8");
        }

        using HttpResponseMessage response = await httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        return await Tight.ReadAsync(response, DirectLineJsonContext.Default.Conversation, cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>Banyan's v1 refresh-token operation, tight.</summary>
internal sealed class TightBanyan(HttpClient httpClient)
{
    private static readonly Uri s_refreshUri = new("v1/refresh_token", UriKind.Relative);

    public async Task<RefreshTokenV1Response> RefreshTokenAsync(string authorization, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, s_refreshUri);
        request.Headers.TryAddWithoutValidation("Accept", "application/json");
        request.Headers.TryAddWithoutValidation("Authorization", authorization);

        using HttpResponseMessage response = await httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        return await Tight.ReadAsync(response, BanyanJsonContext.Default.RefreshTokenV1Response, cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>Esper's renew-token operation, tight.</summary>
internal sealed class TightEsper(HttpClient httpClient)
{
    public async Task<TokenRenewV0> RenewTokenAsync(
        string authorization, string enterpriseId, string developerAppId, string accessToken, CancellationToken cancellationToken = default)
    {
        var uri = new Uri(
            string.Concat(
                "v0/enterprise/", Uri.EscapeDataString(enterpriseId),
                "/developerapp/", Uri.EscapeDataString(developerAppId),
                "/renew-token/?access_token=", Uri.EscapeDataString(accessToken)),
            UriKind.Relative);
        using var request = new HttpRequestMessage(HttpMethod.Post, uri);
        request.Headers.TryAddWithoutValidation("Accept", "application/json");
        request.Headers.TryAddWithoutValidation("Authorization", authorization);

        using HttpResponseMessage response = await httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        return await Tight.ReadAsync(response, EsperJsonContext.Default.TokenRenewV0, cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>Run:ai's grant-token operation, tight.</summary>
internal sealed class TightRunAi(HttpClient httpClient)
{
    private static readonly Uri s_tokenUri = new("api/v1/token", UriKind.Relative);

    public async Task<RunAi.TokenResponse> GrantTokenAsync(RunAi.TokenRequest tokenRequest, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, s_tokenUri);
        request.Headers.TryAddWithoutValidation("Accept", "application/json");
        request.Content = Tight.Json(tokenRequest, RunAi.RunAiJsonContext.Default.TokenRequest, "application/json; charset=utf-8");

        using HttpResponseMessage response = await httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        return await Tight.ReadAsync(response, RunAi.RunAiJsonContext.Default.TokenResponse, cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>Prowler's obtain-token operation (JSON:API), tight.</summary>
internal sealed class TightProwler(HttpClient httpClient)
{
    private static readonly Uri s_tokensUri = new("api/v1/tokens", UriKind.Relative);

    public async Task<Prowler.TokenResponse> ObtainTokenAsync(Prowler.TokenRequest tokenRequest, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, s_tokensUri);
        request.Headers.TryAddWithoutValidation("Accept", "application/vnd.api+json");
        request.Content = Tight.Json(tokenRequest, Prowler.ProwlerJsonContext.Default.TokenRequest, "application/vnd.api+json");

        using HttpResponseMessage response = await httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        return await Tight.ReadAsync(response, Prowler.ProwlerJsonContext.Default.TokenResponse, cancellationToken).ConfigureAwait(false);
    }
}
