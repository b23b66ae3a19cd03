using System;
using System.Globalization;
using System.Net.Http;

namespace TokenGen.Demo;

/// <summary>Turns an exception from a token call into one readable sentence for standard error.</summary>
internal static class FailureText
{
    /// <summary>Explains <paramref name="ex"/> in one line.</summary>
    /// <param name="ex">What the generated client or the session threw.</param>
    /// <param name="timeout">The HTTP client's per-request timeout, to name it when a call runs out of time.</param>
    /// <returns>The sentence.</returns>
    public static string Explain(Exception ex, TimeSpan timeout) => ex switch
    {
        // Its message names the method, the URI without its query and the status; its body is already redacted of
        // token-like values by the runtime, and is cut here to keep the message to one readable line.
        TokenApiException api when api.ErrorBody is { Length: > 0 } body => $"{api.Message} The service said: {OneLine(body)}",
        TokenApiException api => api.Message,
        TokenApiContentException content => content.Message,
        OperationCanceledException => string.Create(CultureInfo.InvariantCulture,
            $"no answer within {timeout.TotalSeconds:0} s (change it with --timeout)."),
        HttpRequestException request => "could not reach the service: " + OneLine(request.InnerException?.Message ?? request.Message),
        _ => $"{ex.GetType().Name}: {ex.Message}",
    };

    private static string OneLine(string text)
    {
        const int MaxChars = 300;
        var flat = text.ReplaceLineEndings(" ").Trim();
        return flat.Length <= MaxChars ? flat : string.Concat(flat.AsSpan(0, MaxChars), "…");
    }
}
