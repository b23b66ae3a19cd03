using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using TokenGen.Clients.DirectLine;
using TokenGen.Clients.Prowler;
using TokenGen.Demo.Flows;
using TokenGen.Demo.Output;
using TokenGen.Emulator;

namespace TokenGen.Demo.ManagedTokens;

/// <summary>
/// The demo's second part: ready <see cref="TokenSession"/>s of the generated clients living through several token
/// lifetimes, on a clock the emulator shares. The demo only moves the clock and asks for a token; what the session
/// did each time (answered from cache, refreshed, acquired) is read from the emulator's request counts and the
/// statuses on the wire, never assumed from the schedule.
/// </summary>
internal sealed class ManagedTokensPart
{
    /// <summary>Where the stand-in downstream API lives; nothing listens there, the request never leaves the process.</summary>
    private const string DownstreamOrigin = "https://bot.example.test";

    private const string None = "-";

    private static readonly string[] s_headers = ["Session", "Step", "Moved", "Clock (UTC)", "Session did", "Token", "SHA-256", "Expires (UTC)"];

    // Direct Line refreshes with the token itself, which it refuses once expired: steps inside the refresh skew keep
    // the session alive across expiries, and the long idle at the end makes it generate anew.
    private static readonly TimeSpan[] s_directLineMoves = Minutes(0, 14, 14, 28, 28, 120);

    // Prowler's refresh token outlives the access token: after two idle hours a refresh still works; after a day the
    // refresh token has expired too, and the refused refresh falls back to one obtain.
    private static readonly TimeSpan[] s_prowlerMoves = Minutes(0, 14, 14, 28, 120, 1500);

    private readonly HttpClient _httpClient;
    private readonly EmulatorHost _emulator;
    private readonly ManualClock _clock;
    private readonly TimeSpan _timeout;
    private readonly List<string[]> _rows = [];
    private readonly List<string> _notes = [];
    private readonly List<string> _failures = [];
    private string? _handlerLine;
    private int _calls;
    private int _acquires;
    private int _refreshes;
    private int _refusedRefreshes;
    private int _cached;
    private int _failedCalls;

    /// <summary>Creates the part.</summary>
    /// <param name="httpClient">The demo's HTTP client, which the generated clients send through.</param>
    /// <param name="emulator">The in-process emulator, started on <paramref name="clock"/>.</param>
    /// <param name="clock">The clock the emulator reads; the sessions get it too.</param>
    /// <param name="timeout">The per-request timeout, to name it in failures.</param>
    public ManagedTokensPart(HttpClient httpClient, EmulatorHost emulator, ManualClock clock, TimeSpan timeout)
    {
        _httpClient = httpClient;
        _emulator = emulator;
        _clock = clock;
        _timeout = timeout;
    }

    /// <summary>Why each failed call failed, in order; for standard error.</summary>
    public IReadOnlyList<string> Failures => _failures;

    /// <summary>Whether the part has a session to show for any of <paramref name="flows"/> (Direct Line, Prowler).</summary>
    /// <param name="flows">The flows this run covers.</param>
    /// <returns><see langword="true"/> when there is something to show.</returns>
    public static bool Covers(IReadOnlyList<ApiFlow> flows)
    {
        foreach (var flow in flows)
        {
            if (flow is DirectLineFlow or ProwlerFlow)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Runs the sessions of the covered flows, in the order given.</summary>
    /// <param name="flows">The flows this run covers; those without a session here are passed over.</param>
    /// <param name="cancellationToken">Ctrl+C.</param>
    /// <returns>A task that completes when every session has run.</returns>
    /// <exception cref="OperationCanceledException">The user cancelled.</exception>
    public async Task RunAsync(IReadOnlyList<ApiFlow> flows, CancellationToken cancellationToken)
    {
        foreach (var flow in flows)
        {
            switch (flow)
            {
                case DirectLineFlow:
                    await RunDirectLineAsync(flow.DisplayName, cancellationToken).ConfigureAwait(false);
                    break;
                case ProwlerFlow:
                    await RunProwlerAsync(flow.DisplayName, cancellationToken).ConfigureAwait(false);
                    break;
            }
        }
    }

    /// <summary>Writes the heading, the table, the notes, the handler line and the totals.</summary>
    /// <param name="writer">Where to write.</param>
    public void WriteTo(TextWriter writer)
    {
        writer.WriteLine("Managed tokens: a TokenSession per API, on a clock the emulator shares. Each step moves the clock and asks the");
        writer.WriteLine("session for a token; what the session did is read from the emulator's request counts.");
        writer.WriteLine();
        TextTable.Write(writer, s_headers, _rows);
        writer.WriteLine();
        foreach (var note in _notes)
        {
            WriteWrapped(writer, note, first: "  * ", next: "    ");
        }

        if (_notes.Count > 0)
        {
            writer.WriteLine();
        }

        if (_handlerLine is not null)
        {
            writer.WriteLine(_handlerLine);
        }

        var refused = _refusedRefreshes > 0 ? string.Create(CultureInfo.InvariantCulture, $" ({_refusedRefreshes} refused)") : string.Empty;
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Totals: {Count(_calls, "call", "calls")} for a token, {Count(_acquires, "acquire", "acquires")}, "
            + $"{Count(_refreshes, "refresh", "refreshes")}{refused}, {_cached} from cache, {Count(_failedCalls, "failure", "failures")}."));
    }

    private async Task RunDirectLineAsync(string name, CancellationToken cancellationToken)
    {
        var client = IDirectLineTokens.Create(_httpClient, new TokenApiClientOptions { BaseAddress = _emulator.DirectLineBaseAddress });
        await using var session = client.CreateTokenSession(_emulator.Credentials.DirectLineSecret, options: SessionOptions(name));
        var steps = new SessionSteps(name, EmulatorRoutes.DirectLineGenerate, "generate", EmulatorRoutes.DirectLineRefresh);
        var first = await RunStepsAsync(steps, session, s_directLineMoves, cancellationToken).ConfigureAwait(false);

        if (first is { Lifetime: { } lifetime, ExpiresAt: { } expiresAt, RefreshAt: { } refreshAt })
        {
            _notes.Add($"{name}: {Duration(lifetime)} tokens (expires_in), refreshed with the token itself {Duration(expiresAt - refreshAt)} "
                + "before expiry (the default skew). An expired token cannot be refreshed, so after the long idle the session generates a new one.");
        }

        await ShowBearerTokenHandlerAsync(name, steps, session, cancellationToken).ConfigureAwait(false);
    }

    private async Task RunProwlerAsync(string name, CancellationToken cancellationToken)
    {
        var client = IProwlerTokens.Create(_httpClient, new TokenApiClientOptions { BaseAddress = _emulator.ProwlerBaseAddress });
        var credentials = _emulator.Credentials;
        await using var session = client.CreateTokenSession(credentials.ProwlerEmail, credentials.ProwlerPassword, options: SessionOptions(name));
        var steps = new SessionSteps(name, EmulatorRoutes.ProwlerObtain, "obtain", EmulatorRoutes.ProwlerRefresh);
        var first = await RunStepsAsync(steps, session, s_prowlerMoves, cancellationToken).ConfigureAwait(false);

        if (first is { Lifetime: { } lifetime, ExpiresAt: { } expiresAt, RefreshAt: { } refreshAt })
        {
            _notes.Add($"{name}: no lifetime in the answers, so the expiry is the access JWT's exp claim ({Duration(lifetime)}, refreshed "
                + $"{Duration(expiresAt - refreshAt)} before). The refresh token rotates on each refresh and outlives the access token; once it "
                + "has expired too, the refused refresh falls back to one obtain.");
        }
    }

    private TokenSessionOptions SessionOptions(string name) => new() { TimeProvider = _clock, Name = name };

    /// <summary>Moves the clock by each of <paramref name="moves"/> and asks the session for a token; one row each.</summary>
    /// <returns>The first token the session handed out, for the notes; <see langword="null"/> if none.</returns>
    private async Task<IssuedToken?> RunStepsAsync(SessionSteps steps, TokenSession session, TimeSpan[] moves, CancellationToken cancellationToken)
    {
        IssuedToken? first = null;
        for (var step = 0; step < moves.Length; step++)
        {
            _clock.Advance(moves[step]);
            var before = steps.Counts(_emulator);
            var capture = ResponseStatusHandler.BeginCapture();
            IssuedToken? token = null;
            Exception? failure = null;
            try
            {
                token = await session.GetTokenAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception ex)
            {
                // The session does not cache a failure: the next step tries again, so the run goes on.
                failure = ex;
            }

            var (acquires, refreshes) = steps.Counts(_emulator) - before;
            _calls++;
            _acquires += acquires;
            _refreshes += refreshes;

            var moved = step == 0 ? "start" : "+" + Duration(moves[step]);
            var clock = Time(_clock.GetUtcNow());
            var stepText = step.ToString(CultureInfo.InvariantCulture);
            if (failure is not null)
            {
                _failedCalls++;
                _failures.Add($"{steps.Name} session, step {stepText}: {FailureText.Explain(failure, _timeout)}");
                _rows.Add([steps.Name, stepText, moved, clock, "FAILED " + (capture.Status ?? "(no answer)"), None, None, None]);
                continue;
            }

            first ??= token;
            _rows.Add([steps.Name, stepText, moved, clock, Describe(steps, acquires, refreshes, capture.All), TokenText.Shorten(token!.AccessToken),
                Fingerprint(token.AccessToken), token.ExpiresAt is { } expiresAt ? Time(expiresAt) : "not stated"]);
        }

        return first;
    }

    /// <summary>
    /// What the session did, from how many acquire and refresh requests reached the emulator during the call, and
    /// the statuses that came back (in order).
    /// </summary>
    private string Describe(SessionSteps steps, int acquires, int refreshes, IReadOnlyList<string> statuses)
    {
        switch (acquires, refreshes)
        {
            case (0, 0):
                _cached++;
                return "cached";
            case (1, 0):
                return $"acquired ({steps.AcquireName})";
            case (0, 1):
                return "refreshed";
            case (1, 1):
                // A session refreshes first and acquires only when the refresh fails; the first status is the refresh's.
                if (statuses is [var refreshStatus, _] && refreshStatus[0] is '4' or '5')
                {
                    _refusedRefreshes++;
                    return $"refresh refused ({refreshStatus[..3]}), acquired ({steps.AcquireName})";
                }

                return $"refresh failed, acquired ({steps.AcquireName})";
            default:
                return string.Create(CultureInfo.InvariantCulture, $"{Count(acquires, "acquire", "acquires")}, {Count(refreshes, "refresh", "refreshes")}");
        }
    }

    /// <summary>
    /// Sends one request to a stand-in downstream API through <see cref="BearerTokenHandler"/>, and says in one line
    /// what arrived there: the scheme, and whether it was the session's token; the token itself is not shown.
    /// </summary>
    private async Task ShowBearerTokenHandlerAsync(string name, SessionSteps steps, TokenSession session, CancellationToken cancellationToken)
    {
        var downstream = new DownstreamStandIn(() => session.Current?.AccessToken);
        using var client = new HttpClient(new BearerTokenHandler(session, DownstreamOrigin) { InnerHandler = downstream }, disposeHandler: true)
        {
            Timeout = _timeout,
        };
        var uri = new Uri(DownstreamOrigin + "/api/messages");
        var before = steps.Counts(_emulator);
        try
        {
            using var response = await client.GetAsync(uri, cancellationToken).ConfigureAwait(false);
            var (acquires, refreshes) = steps.Counts(_emulator) - before;
            var source = acquires + refreshes == 0
                ? "from its cache"
                : string.Create(CultureInfo.InvariantCulture, $"after {Count(acquires + refreshes, "token request", "token requests")}");
            var attached = downstream.LastCarriedSessionToken
                ? $"{downstream.LastScheme} + the {name} session's token ({source}; not shown)"
                : downstream.LastScheme is null ? "no Authorization" : $"{downstream.LastScheme} + a token that is not the session's";
            _handlerLine = string.Create(CultureInfo.InvariantCulture,
                $"BearerTokenHandler: GET {uri} → {(int)response.StatusCode} {response.ReasonPhrase}, carrying {attached}.");
            if (!downstream.LastCarriedSessionToken)
            {
                _failures.Add($"BearerTokenHandler: the request to {uri} did not carry the {name} session's token.");
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            _handlerLine = $"BearerTokenHandler: GET {uri} FAILED.";
            _failures.Add($"BearerTokenHandler: GET {uri} failed: {FailureText.Explain(ex, _timeout)}");
        }
    }

    /// <summary>
    /// The first 4 bytes of the token's SHA-256, in hex: JWTs all begin with the same header (<c>eyJhbG…</c>), so this
    /// is what tells them apart in the table. A 32-bit digest of a token gives nothing away that could be used.
    /// </summary>
    private static string Fingerprint(string token)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(token), hash);
        return Convert.ToHexString(hash[..4]).ToLowerInvariant();
    }

    /// <summary>Writes <paramref name="text"/> in lines of at most about 118 characters, breaking at spaces.</summary>
    private static void WriteWrapped(TextWriter writer, string text, string first, string next)
    {
        const int Width = 118;
        var line = new StringBuilder(first);
        var lineHasWords = false;
        foreach (var word in text.Split(' '))
        {
            if (lineHasWords && line.Length + 1 + word.Length > Width)
            {
                writer.WriteLine(line.ToString());
                line.Clear().Append(next);
                lineHasWords = false;
            }

            line.Append(lineHasWords ? " " : string.Empty).Append(word);
            lineHasWords = true;
        }

        writer.WriteLine(line.ToString());
    }

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm'Z'", CultureInfo.InvariantCulture);

    private static string Duration(TimeSpan span) => span switch
    {
        { Ticks: var ticks } when ticks % TimeSpan.TicksPerHour == 0 => string.Create(CultureInfo.InvariantCulture, $"{(long)span.TotalHours} h"),
        { Ticks: var ticks } when ticks % TimeSpan.TicksPerMinute == 0 => string.Create(CultureInfo.InvariantCulture, $"{(long)span.TotalMinutes} min"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:0.###} s"),
    };

    private static string Count(int count, string one, string many) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {(count == 1 ? one : many)}");

    private static TimeSpan[] Minutes(params int[] minutes) => Array.ConvertAll(minutes, m => TimeSpan.FromMinutes(m));

    /// <summary>One session's name and the emulator routes its acquire and refresh operations reach.</summary>
    private sealed record SessionSteps(string Name, string AcquireRoute, string AcquireName, string RefreshRoute)
    {
        public RequestCounts Counts(EmulatorHost emulator) =>
            new(emulator.RequestCount(AcquireRoute), emulator.RequestCount(RefreshRoute));
    }

    /// <summary>How many acquire and refresh requests the emulator has seen.</summary>
    private readonly record struct RequestCounts(int Acquires, int Refreshes)
    {
        public static RequestCounts operator -(RequestCounts after, RequestCounts before) =>
            new(after.Acquires - before.Acquires, after.Refreshes - before.Refreshes);
    }
}
