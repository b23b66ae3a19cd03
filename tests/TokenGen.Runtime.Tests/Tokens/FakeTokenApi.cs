using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace TokenGen.Runtime.Tests.Tokens;

/// <summary>
/// Acquire and refresh operations that count their calls and answer as a test scripts them. By default an acquire
/// answers <c>access-N</c> / <c>refresh-N</c> valid for an hour, and a refresh answers <c>refreshed-N</c> with a
/// rotated <c>rotated-N</c> refresh token. Tokens are long and distinctive so a leak into any text is easy to find.
/// </summary>
internal sealed class FakeTokenApi
{
    public const long OneHour = 3600;

    private int _acquireCalls;
    private int _refreshCalls;

    public int AcquireCalls => Volatile.Read(ref _acquireCalls);

    public int RefreshCalls => Volatile.Read(ref _refreshCalls);

    /// <summary>The token each refresh was asked to renew.</summary>
    public ConcurrentQueue<IssuedToken> RefreshedTokens { get; } = new();

    /// <summary>The cancellation token each operation call received.</summary>
    public ConcurrentQueue<CancellationToken> ReceivedTokens { get; } = new();

    /// <summary>Answers the n-th acquire (1-based).</summary>
    public Func<int, CancellationToken, Task<TokenResponseValues>> OnAcquire { get; set; } =
        (n, _) => Task.FromResult(Values($"access-{n}", $"refresh-{n}", OneHour));

    /// <summary>Answers the n-th refresh (1-based), given the token to renew.</summary>
    public Func<int, IssuedToken, CancellationToken, Task<TokenResponseValues>> OnRefresh { get; set; } =
        (n, _, _) => Task.FromResult(Values($"refreshed-{n}", $"rotated-{n}", OneHour));

    public static TokenResponseValues Values(string? accessToken, string? refreshToken = null, long? expiresInSeconds = OneHour, DateTimeOffset? expiresAt = null) =>
        new(accessToken is null ? null : Secret(accessToken), refreshToken is null ? null : Secret(refreshToken), expiresInSeconds, expiresAt);

    /// <summary>A long, distinctive token text: what the fake hands out for <paramref name="name"/>.</summary>
    public static string Secret(string name) => "SECRET-" + name + "-7f3a9c1e5b";

    /// <summary>An unsigned JWT whose payload says it expires at <paramref name="expiresAt"/>.</summary>
    public static string Jwt(DateTimeOffset expiresAt) =>
        Base64Url("{\"alg\":\"none\"}") + "." + Base64Url($"{{\"sub\":\"SECRET-subject\",\"exp\":{expiresAt.ToUnixTimeSeconds()}}}") + ".";

    public static TokenApiException Refused(HttpStatusCode status) =>
        new(status, HttpMethod.Post, new Uri("https://auth.example.com/oauth/token"), reasonPhrase: null, retryAfter: null, errorBody: "{\"error\":\"invalid_grant\"}", errorContentType: "application/json");

    public async ValueTask<TokenResponseValues> AcquireAsync(CancellationToken cancellationToken)
    {
        int n = Interlocked.Increment(ref _acquireCalls);
        ReceivedTokens.Enqueue(cancellationToken);
        return await OnAcquire(n, cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask<TokenResponseValues> RefreshAsync(IssuedToken token, CancellationToken cancellationToken)
    {
        int n = Interlocked.Increment(ref _refreshCalls);
        RefreshedTokens.Enqueue(token);
        ReceivedTokens.Enqueue(cancellationToken);
        return await OnRefresh(n, token, cancellationToken).ConfigureAwait(false);
    }

    public TokenSession CreateSession(TimeProvider clock, bool withRefresh = true, Action<TokenSessionOptions>? configure = null)
    {
        var options = new TokenSessionOptions { TimeProvider = clock, Name = "test" };
        configure?.Invoke(options);
        return withRefresh ? new TokenSession(AcquireAsync, RefreshAsync, options) : new TokenSession(AcquireAsync, null, options);
    }

    /// <summary>Makes every acquire wait for the returned gate.</summary>
    public TaskCompletionSource<TokenResponseValues> GateAcquire()
    {
        var gate = new TaskCompletionSource<TokenResponseValues>(TaskCreationOptions.RunContinuationsAsynchronously);
        OnAcquire = (_, _) => gate.Task;
        return gate;
    }

    /// <summary>Makes every refresh wait for the returned gate.</summary>
    public TaskCompletionSource<TokenResponseValues> GateRefresh()
    {
        var gate = new TaskCompletionSource<TokenResponseValues>(TaskCreationOptions.RunContinuationsAsynchronously);
        OnRefresh = (_, _, _) => gate.Task;
        return gate;
    }

    /// <summary>Makes every acquire wait until its cancellation token is cancelled.</summary>
    public void HangAcquire() =>
        OnAcquire = async (_, cancellationToken) =>
        {
            await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
            throw new InvalidOperationException("unreachable");
        };

    private static string Base64Url(string json) =>
        Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public List<string?> RefreshedWith() => [.. Array.ConvertAll(RefreshedTokens.ToArray(), t => t.RefreshToken)];
}
