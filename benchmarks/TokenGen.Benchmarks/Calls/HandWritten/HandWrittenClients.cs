using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using TokenGen.Clients.Banyan;
using TokenGen.Clients.DirectLine;
using TokenGen.Clients.Esper;
using Prowler = TokenGen.Clients.Prowler;
using RunAi = TokenGen.Clients.RunAi;

// The same five operations as careful hand-written HttpClient code, the baseline TokenGen promises not to be slower
// than: relative URIs against HttpClient.BaseAddress (cached where they are fixed), escaped route and query values,
// headers added without re-validation, ResponseHeadersRead, and System.Text.Json through the APIs' source-generated
// contexts with System.Net.Http.Json. What a careful engineer writes, and no more: no size bound on the answer, no
// check of header values, no error body. Each method is written out whole rather than through a shared send-and-read
// helper, which would add an asynchronous frame to every call: the baseline is the fastest a hand-writer gets.
namespace TokenGen.Benchmarks.Calls.HandWritten;

/// <summary>Direct Line's generate-token operation by hand.</summary>
internal sealed class HandWrittenDirectLine(HttpClient httpClient)
{
    private static readonly Uri s_generateUri = new("v3/directline/tokens/generate", UriKind.Relative);

    public async Task<Conversation> GenerateTokenAsync(string authorization, TokenParameters? tokenParameters, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, s_generateUri);
        request.Headers.TryAddWithoutValidation("Accept", "application/json");
        request.Headers.TryAddWithoutValidation("Authorization", authorization);
        if (tokenParameters is not null)
        {
            request.Content = JsonContent.Create(tokenParameters, DirectLineJsonContext.Default.TokenParameters);
        }

        using HttpResponseMessage response = await httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync(DirectLineJsonContext.Default.Conversation, cancellationToken).ConfigureAwait(false)
            ?? throw new JsonException("The answer was empty.");
    }
}

/// <summary>Banyan's v1 refresh-token operation by hand.</summary>
internal sealed class HandWrittenBanyan(HttpClient httpClient)
{
    private static readonly Uri s_refreshUri = new("v1/refresh_token", UriKind.Relative);

    public async Task<RefreshTokenV1Response> RefreshTokenAsync(string authorization, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, s_refreshUri);
        request.Headers.TryAddWithoutValidation("Accept", "application/json");
        request.Headers.TryAddWithoutValidation("Authorization", authorization);

        using HttpResponseMessage response = await httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync(BanyanJsonContext.Default.RefreshTokenV1Response, cancellationToken).ConfigureAwait(false)
            ?? throw new JsonException("The answer was empty.");
    }
}

/// <summary>Esper's token operations by hand.</summary>
internal sealed class HandWrittenEsper(HttpClient httpClient)
{
    private static readonly Uri s_tokenInfoUri = new("v1/token-info/", UriKind.Relative);

    public async Task<TokenInfoV1> GetTokenInfoAsync(string authorization, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, s_tokenInfoUri);
        request.Headers.TryAddWithoutValidation("Accept", "application/json");
        request.Headers.TryAddWithoutValidation("Authorization", authorization);

        using HttpResponseMessage response = await httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync(EsperJsonContext.Default.TokenInfoV1, cancellationToken).ConfigureAwait(false)
            ?? throw new JsonException("The answer was empty.");
    }

    public async Task<TokenRenewV0> RenewTokenAsync(
        string authorization, string enterpriseId, string developerAppId, string accessToken, CancellationToken cancellationToken = default)
    {
        var uri = new Uri(
            $"v0/enterprise/{Uri.EscapeDataString(enterpriseId)}/developerapp/{Uri.EscapeDataString(developerAppId)}/renew-token/?access_token={Uri.EscapeDataString(accessToken)}",
            UriKind.Relative);
        using var request = new HttpRequestMessage(HttpMethod.Post, uri);
        request.Headers.TryAddWithoutValidation("Accept", "application/json");
        request.Headers.TryAddWithoutValidation("Authorization", authorization);

        using HttpResponseMessage response = await httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync(EsperJsonContext.Default.TokenRenewV0, cancellationToken).ConfigureAwait(false)
            ?? throw new JsonException("The answer was empty.");
    }
}

/// <summary>Run:ai's grant-token operation by hand.</summary>
internal sealed class HandWrittenRunAi(HttpClient httpClient)
{
    private static readonly Uri s_tokenUri = new("api/v1/token", UriKind.Relative);

    public async Task<RunAi.TokenResponse> GrantTokenAsync(RunAi.TokenRequest tokenRequest, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, s_tokenUri);
        request.Headers.TryAddWithoutValidation("Accept", "application/json");
        request.Content = JsonContent.Create(tokenRequest, RunAi.RunAiJsonContext.Default.TokenRequest);

        using HttpResponseMessage response = await httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync(RunAi.RunAiJsonContext.Default.TokenResponse, cancellationToken).ConfigureAwait(false)
            ?? throw new JsonException("The answer was empty.");
    }
}

/// <summary>Prowler's obtain-token operation (JSON:API) by hand.</summary>
internal sealed class HandWrittenProwler(HttpClient httpClient)
{
    private static readonly Uri s_tokensUri = new("api/v1/tokens", UriKind.Relative);

    public async Task<Prowler.TokenResponse> ObtainTokenAsync(Prowler.TokenRequest tokenRequest, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, s_tokensUri);
        request.Headers.TryAddWithoutValidation("Accept", "application/vnd.api+json");
        request.Content = JsonContent.Create(
            tokenRequest, Prowler.ProwlerJsonContext.Default.TokenRequest, new MediaTypeHeaderValue("application/vnd.api+json"));

        using HttpResponseMessage response = await httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync(Prowler.ProwlerJsonContext.Default.TokenResponse, cancellationToken).ConfigureAwait(false)
            ?? throw new JsonException("The answer was empty.");
    }
}
