using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Xunit.Abstractions;

namespace TokenGen.Generator.Tests.Behaviour;

/// <summary>
/// A seeded randomized test: a thousand malformed answers, each read by a generated client as a model, an
/// <see cref="ApiResponse{T}"/>, a string and a <see cref="JsonElement"/>. Only the documented exception types may
/// escape, each one where it belongs, and every call must end within its bound. The seed is fixed and in the test's
/// name, so a failure is reproduced by running the test again; the failure message names the answer that broke it.
/// </summary>
public sealed class MalformedAnswerFuzzTests
{
    private const int Seed = 60_601;
    private const int AnswerCount = 1_000;

    // Small, so that "over the limit" costs little to produce; the reader's behaviour does not depend on the size.
    private const long Limit = 64 * 1024;

    // What a mutation writes into valid JSON: structure, quotes, escapes and the start of literals.
    private const string JsonPunctuation = "{}[]\",:\\0 nt-";

    private static readonly TimeSpan s_bound = TimeSpan.FromSeconds(5);
    private static readonly string[] s_returnKinds = ["model", "api-response", "string", "json-element"];

    // The kinds of answer, "stall" last: it is drawn apart, rarely.
    private static readonly string[] s_kindNames =
    [
        "random-bytes", "truncated-json", "deep-nesting", "huge-declared-length", "longer-than-declared", "endless",
        "invalid-utf8", "empty", "wrong-shape", "valid-token", "mutated-json", "html-page", "reset-mid-body", "stall",
    ];

    // Half the answers are successes, whose bodies are parsed; the other half go through the error path.
    private static readonly HttpStatusCode[] s_successStatuses =
    [
        HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.Created, HttpStatusCode.Accepted,
        HttpStatusCode.NonAuthoritativeInformation, HttpStatusCode.NoContent, HttpStatusCode.PartialContent, (HttpStatusCode)299,
    ];

    private static readonly HttpStatusCode[] s_otherStatuses =
    [
        HttpStatusCode.Continue, HttpStatusCode.Found, HttpStatusCode.NotModified, HttpStatusCode.BadRequest,
        HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden, HttpStatusCode.NotFound, HttpStatusCode.RequestTimeout,
        HttpStatusCode.Conflict, (HttpStatusCode)418, HttpStatusCode.UnprocessableEntity, HttpStatusCode.TooManyRequests,
        HttpStatusCode.InternalServerError, HttpStatusCode.BadGateway, HttpStatusCode.ServiceUnavailable,
        HttpStatusCode.GatewayTimeout, (HttpStatusCode)599,
    ];

    private static readonly string?[] s_contentTypes =
    [
        null, "application/json", "application/json; charset=utf-8", "application/json; charset=utf-16",
        "application/json; charset=utf-32", "application/json; charset=no-such-charset", "application/json; charset=utf-7",
        "application/json; charset=\"", "application/problem+json", "text/html", "text/html; charset=iso-8859-1",
        "text/plain", "application/xml", "application/octet-stream", "image/png", "garbage", ";;;", "/", "a/b; c",
        "application/json;;charset==utf-8", "text/plain; charset=shift_jis",
    ];

    private static readonly string?[] s_retryAfters =
    [
        null, null, null, "0", "7", "31536000", "2147483647", "99999999999999999999", "-1", "soon", "",
        "Fri, 31 Dec 9999 23:59:59 GMT", "Mon, 01 Jan 0001 00:00:00 GMT", "Wed, 21 Oct 2015 07:28:00 GMT",
    ];

    private static readonly string[] s_wrongShapes =
    [
        "[]", "[{\"access_token\":\"abc\"}]", "\"abc\"", "42", "-0", "1e999", "true", "false", "null", "{}",
        "{\"access_token\":123}", "{\"access_token\":[\"a\"]}", "{\"access_token\":{\"v\":1}}", "{\"expires_in\":\"3600\"}",
        "{\"expires_in\":1.5}", "{\"expires_in\":99999999999999999999999}", "{\"expires_in\":-9223372036854775809}",
        "{\"extra\":NaN}", "{\"access_token\":\"abc\",\"access_token\":\"def\"}", "{\"\":\"\"}", "\"\\ud800\"",
        "{\"access_token\":\"\\u0000\"}",
    ];

    private readonly ITestOutputHelper _output;

    public MalformedAnswerFuzzTests(ITestOutputHelper output) => _output = output;

    private enum BodyMode
    {
        Complete,
        Endless,
        ResetMidBody,
        StallUntilCancelled,
    }

    [Fact]
    public async Task OnlyDocumentedExceptionsEscapeAThousandMalformedAnswers_Seed60601()
    {
        var random = new Random(Seed);
        var outcomes = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var kinds = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var options = new TokenApiClientOptions { MaxResponseContentBytes = Limit };

        for (int index = 0; index < AnswerCount; index++)
        {
            Malformed answer = Generate(random, index);
            Count(kinds, answer.Kind);
            using var http = new HttpClient(new HostileHandler(_ => answer.ToResponse()));
            IHostileTokens client = IHostileTokens.Create(http, options);

            // The four readings of one answer run together: a stalled one costs its cancellation delay once.
            Task<string>[] calls = s_returnKinds.Select(kind => CallAsync(client, kind, answer)).ToArray();
            foreach (string outcome in await Task.WhenAll(calls))
            {
                Count(outcomes, outcome);
            }
        }

        _output.WriteLine($"Seed {Seed}: {AnswerCount} answers, {AnswerCount * s_returnKinds.Length} calls.");
        _output.WriteLine("Answers: " + string.Join(", ", kinds.Select(pair => $"{pair.Key} {pair.Value}")));
        _output.WriteLine("Outcomes: " + string.Join(", ", outcomes.Select(pair => $"{pair.Key} {pair.Value}")));

        // The generator must have produced every kind of answer and the readers every documented outcome.
        Assert.Equal(s_kindNames.Length, kinds.Count);
        foreach (string expected in new[] { "value", "TokenApiException", "TokenApiContentException.TooLarge", "TokenApiContentException.InvalidJson", "TokenApiContentException.Empty", "HttpRequestException", "OperationCanceledException" })
        {
            Assert.True(outcomes.Keys.Any(key => key.EndsWith(expected, StringComparison.Ordinal)), $"No call ended in {expected}.");
        }
    }

    /// <summary>Reads the answer one way; returns what happened, or fails the test with the answer that broke it.</summary>
    private static async Task<string> CallAsync(IHostileTokens client, string returnKind, Malformed answer)
    {
        using var cancellation = new CancellationTokenSource();
        if (answer.Mode == BodyMode.StallUntilCancelled)
        {
            // The only answer that needs the caller: a body that never comes is ended by the caller's token.
            cancellation.CancelAfter(TimeSpan.FromMilliseconds(20));
        }

        CancellationToken token = cancellation.Token;
        Task call = returnKind switch
        {
            "model" => client.AcquireAsync(token),
            "api-response" => client.AcquireResponseAsync(token),
            "string" => client.GetTextAsync(token),
            _ => client.GetClaimsAsync(token),
        };

        string outcome;
        try
        {
            await call.WaitAsync(s_bound);
            outcome = "value";
            if (call is Task<ApiResponse<HostileToken>> apiResponse)
            {
                ApiResponse<HostileToken> response = apiResponse.Result;
                Check(response.StatusCode == answer.Status, answer, returnKind, "an ApiResponse with another status", null);
                Check(response.IsSuccessStatusCode == (response.Error is null), answer, returnKind, "an ApiResponse whose Error disagrees with its status", null);
                Check(response.Error is null || response.Error.StatusCode == answer.Status, answer, returnKind, "an ApiResponse whose Error has another status", null);
                outcome = response.IsSuccessStatusCode ? "value" : "value with TokenApiException";
            }
        }
        catch (TokenApiContentException exception)
        {
            Check(answer.IsSuccess, answer, returnKind, "a TokenApiContentException for a non-success status", exception);
            Check(returnKind != "string" || exception.Problem == TokenApiContentProblem.TooLarge, answer, returnKind, "a string that was not too large but failed", exception);
            Check(exception.Problem != TokenApiContentProblem.MissingAccessToken, answer, returnKind, "MissingAccessToken outside a session", exception);
            Check(exception.StatusCode == answer.Status, answer, returnKind, "a TokenApiContentException with another status", exception);
            outcome = "TokenApiContentException." + exception.Problem;
        }
        catch (TokenApiException exception)
        {
            Check(!answer.IsSuccess, answer, returnKind, "a TokenApiException for a success status", exception);
            Check(returnKind != "api-response", answer, returnKind, "a TokenApiException thrown for an ApiResponse", exception);
            Check(exception.StatusCode == answer.Status, answer, returnKind, "a TokenApiException with another status", exception);
            outcome = "TokenApiException";
        }
        catch (HttpRequestException exception)
        {
            Check(answer.Mode == BodyMode.ResetMidBody && answer.IsSuccess, answer, returnKind, "an HttpRequestException without a reset", exception);
            Check(exception.InnerException is System.IO.IOException, answer, returnKind, "an HttpRequestException without the IOException inside", exception);
            outcome = "HttpRequestException";
        }
        catch (OperationCanceledException exception)
        {
            Check(answer.Mode == BodyMode.StallUntilCancelled, answer, returnKind, "a cancellation nobody asked for", exception);
            outcome = "OperationCanceledException";
        }
        catch (Exception exception)
        {
            // TimeoutException from WaitAsync (a hang) lands here too.
            throw Failure(answer, returnKind, "an undocumented exception", exception);
        }

        return returnKind + " " + outcome;
    }

    private static void Check(bool condition, Malformed answer, string returnKind, string what, Exception? exception)
    {
        if (!condition)
        {
            throw Failure(answer, returnKind, what, exception);
        }
    }

    private static Xunit.Sdk.XunitException Failure(Malformed answer, string returnKind, string what, Exception? exception) =>
        new($"Seed {Seed}, answer {answer.Index} ({answer}), read as {returnKind}: {what}.{Environment.NewLine}{exception}");

    private static void Count(SortedDictionary<string, int> counts, string key) =>
        counts[key] = counts.TryGetValue(key, out int count) ? count + 1 : 1;

    private static Malformed Generate(Random random, int index)
    {
        HttpStatusCode[] statuses = random.Next(2) == 0 ? s_successStatuses : s_otherStatuses;
        HttpStatusCode status = statuses[random.Next(statuses.Length)];
        string? contentType = random.Next(10) == 0 ? RandomAscii(random, random.Next(1, 40)) : s_contentTypes[random.Next(s_contentTypes.Length)];
        string? retryAfter = s_retryAfters[random.Next(s_retryAfters.Length)];

        // Stalls are few: each one costs its cancellation delay.
        string kind = random.Next(100) == 0 ? "stall" : s_kindNames[random.Next(s_kindNames.Length - 1)];
        byte[] body = [];
        long? declaredLength = null;
        BodyMode mode = BodyMode.Complete;
        switch (kind)
        {
            case "random-bytes":
                body = new byte[random.Next(0, 2048)];
                random.NextBytes(body);
                break;
            case "truncated-json":
                byte[] valid = ValidToken(random);
                body = valid[..random.Next(1, valid.Length)];
                break;
            case "deep-nesting":
                int depth = random.Next(65, 20_000);
                bool arrays = random.Next(2) == 0;
                string open = arrays ? "[" : "{\"a\":";
                string inner = arrays ? string.Empty : "1";
                string close = arrays ? "]" : "}";
                string nested = string.Concat(Enumerable.Repeat(open, depth)) + inner + string.Concat(Enumerable.Repeat(close, depth));
                body = Encoding.UTF8.GetBytes(random.Next(2) == 0 ? nested : "{\"access_token\":\"abc\",\"extra\":" + nested + "}");
                break;
            case "huge-declared-length":
                body = ValidToken(random);
                declaredLength = random.Next(3) switch { 0 => long.MaxValue, 1 => Limit + 1, _ => random.NextInt64(Limit + 1, long.MaxValue) };
                break;
            case "longer-than-declared":
                body = new byte[(int)Limit + random.Next(1, 100_000)];
                body.AsSpan().Fill((byte)' ');
                declaredLength = random.Next(0, 100);
                break;
            case "endless":
                mode = BodyMode.Endless;
                break;
            case "invalid-utf8":
                body = ValidToken(random);
                for (int i = 0, count = random.Next(1, 5); i < count; i++)
                {
                    body[random.Next(body.Length)] = (byte)random.Next(0x80, 0x100);
                }

                break;
            case "empty":
                declaredLength = random.Next(2) == 0 ? 0 : null;
                break;
            case "wrong-shape":
                body = Encoding.UTF8.GetBytes(s_wrongShapes[random.Next(s_wrongShapes.Length)]);
                break;
            case "valid-token":
                body = ValidToken(random);
                break;
            case "mutated-json":
                body = ValidToken(random);
                for (int i = 0, count = random.Next(1, 8); i < count; i++)
                {
                    body[random.Next(body.Length)] = (byte)JsonPunctuation[random.Next(JsonPunctuation.Length)];
                }

                break;
            case "html-page":
                body = Encoding.UTF8.GetBytes("<!DOCTYPE html><html><body><h1>" + (int)status + "</h1>" + RandomAscii(random, random.Next(0, 500)) + "</body></html>");
                break;
            case "reset-mid-body":
                mode = BodyMode.ResetMidBody;
                byte[] token = ValidToken(random);
                body = token[..random.Next(0, token.Length)];
                break;
            case "stall":
                mode = BodyMode.StallUntilCancelled;
                body = ValidToken(random);
                break;
        }

        return new Malformed(index, kind, status, contentType, retryAfter, body, declaredLength, mode, random.Next(1, 4096));
    }

    private static byte[] ValidToken(Random random)
    {
        string json = string.Create(
            CultureInfo.InvariantCulture,
            $"{{\"access_token\":\"tok-{random.Next()}\",\"refresh_token\":\"ref-{random.Next()}\",\"expires_in\":{random.NextInt64(long.MinValue, long.MaxValue)},\"extra\":{{\"scope\":[\"a\",\"b\"],\"n\":{random.NextDouble()}}}}}");
        return Encoding.UTF8.GetBytes(json);
    }

    private static string RandomAscii(Random random, int length)
    {
        var chars = new char[length];
        for (int i = 0; i < length; i++)
        {
            chars[i] = (char)random.Next(0x20, 0x7F);
        }

        return new string(chars);
    }

    /// <summary>One malformed answer; <see cref="ToResponse"/> builds a fresh response each time it is read.</summary>
    private sealed record Malformed(
        int Index,
        string Kind,
        HttpStatusCode Status,
        string? ContentType,
        string? RetryAfter,
        byte[] Body,
        long? DeclaredLength,
        BodyMode Mode,
        int ChunkSize)
    {
        public bool IsSuccess => (int)Status is >= 200 and <= 299;

        public HttpResponseMessage ToResponse()
        {
            System.IO.Stream stream = Mode switch
            {
                BodyMode.Endless => TestStream.Endless((byte)'[', ChunkSize),
                BodyMode.ResetMidBody => TestStream.FailingAfter(Body, chunkSize: ChunkSize),
                BodyMode.StallUntilCancelled => TestStream.Stalling(),
                _ => TestStream.Of(Body, ChunkSize),
            };
            var response = new HttpResponseMessage(Status) { Content = new HostileContent(stream, ContentType, DeclaredLength) };
            if (RetryAfter is not null)
            {
                response.Headers.TryAddWithoutValidation("Retry-After", RetryAfter);
            }

            return response;
        }

        public override string ToString() => string.Create(
            CultureInfo.InvariantCulture,
            $"{Kind}, {(int)Status}, Content-Type {ContentType ?? "(none)"}, Retry-After {RetryAfter ?? "(none)"}, {Body.Length} bytes, declared {DeclaredLength?.ToString(CultureInfo.InvariantCulture) ?? "(none)"}, {Mode}, chunks of {ChunkSize}");
    }
}
