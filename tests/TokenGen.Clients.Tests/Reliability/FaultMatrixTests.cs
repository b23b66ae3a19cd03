using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using TokenGen.TestKit;
using Xunit.Abstractions;

namespace TokenGen.Clients.Tests.Reliability;

/// <summary>
/// Every emulator fault against an acquire-style operation of each of the five APIs, and against Prowler's rotating
/// refresh (<c>[NoRetry]</c>), through a generated client over an <see cref="System.Net.Http.HttpClient"/> whose pipeline is
/// <see cref="TokenApiResilienceHandler"/> above a <see cref="FaultyWire"/> above loopback HTTP.
/// </summary>
/// <remarks>
/// <para>
/// The handler runs with its defaults on a <see cref="VirtualClock"/>, with jitter 1 (each backoff is its ceiling) and a
/// 2 s attempt timeout: waits cost no real time and are asserted exactly, and a stalled attempt times out exactly when
/// the emulator holds it. The attempt count is what reached the emulator.
/// </para>
/// <para>
/// Outcomes: a transient fault on a retryable operation is retried (after the server's <c>Retry-After</c>, else the
/// backoff) and succeeds on a clean second attempt, or, when it persists, ends after three attempts in the fault's
/// documented exception. A fault on the <c>[NoRetry]</c> refresh, and a malformed 200 (not transient), end after one
/// attempt in the documented exception: <see cref="TokenApiException"/> with status and <c>RetryAfter</c>,
/// <see cref="TokenApiContentException"/>, <see cref="System.Net.Http.HttpRequestException"/>, or a
/// <see cref="TaskCanceledException"/> whose inner exception is a <see cref="TimeoutException"/>.
/// </para>
/// </remarks>
public sealed class FaultMatrixTests(TestEmulator emulator, ITestOutputHelper output) : IClassFixture<TestEmulator>
{
    /// <summary>The longest one cell may take in real time; only a hang comes near it.</summary>
    private static readonly TimeSpan s_bound = TimeSpan.FromSeconds(30);

    /// <summary>The handler's attempt timeout, on the virtual clock.</summary>
    private static readonly TimeSpan s_attemptTimeout = TimeSpan.FromSeconds(2);

    public static TheoryData<string, string> Matrix()
    {
        var matrix = new TheoryData<string, string>();
        foreach (var fault in WireFault.All)
        {
            foreach (var operation in TokenOperation.All)
            {
                matrix.Add(fault, operation);
            }
        }

        return matrix;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task A_fault_on_the_first_attempt_is_retried_clean_unless_the_operation_is_NoRetry_or_the_fault_not_transient(string fault, string operation)
    {
        var row = WireFault.Named(fault);
        var column = TokenOperation.Named(operation);

        var cell = await RunAsync(row, column, everyAttempt: false);

        if (column.Retryable && row.IsTransient)
        {
            Assert.True(cell.Failure is null, $"Expected a token after one retry, got: {cell.Failure}");
            Assert.False(string.IsNullOrEmpty(cell.AccessToken));
            Assert.Equal(2, cell.Attempts);
            Assert.Equal([row.WaitAfter(1)], cell.Waits);
        }
        else
        {
            row.AssertDocumentedFailure(cell.Failure);
            Assert.Equal(1, cell.Attempts);
            Assert.Empty(cell.Waits);
        }
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task A_fault_on_every_attempt_ends_in_its_documented_exception_after_three_attempts_or_one_when_not_retried(string fault, string operation)
    {
        var row = WireFault.Named(fault);
        var column = TokenOperation.Named(operation);

        var cell = await RunAsync(row, column, everyAttempt: true);

        row.AssertDocumentedFailure(cell.Failure);
        if (column.Retryable && row.IsTransient)
        {
            Assert.Equal(TokenApiResilienceOptions.DefaultMaxAttempts, cell.Attempts);
            Assert.Equal([row.WaitAfter(1), row.WaitAfter(2)], cell.Waits);
        }
        else
        {
            Assert.Equal(1, cell.Attempts);
            Assert.Empty(cell.Waits);
        }
    }

    private async Task<Cell> RunAsync(WireFault row, TokenOperation column, bool everyAttempt)
    {
        var clock = new VirtualClock(TestEmulator.ClockStart) { WaitsPassAtOnce = true };
        var wire = new FaultyWire(row, everyAttempt, clock, s_attemptTimeout, emulator, column.Route);
        var options = new TokenApiResilienceOptions { TimeProvider = clock, JitterSource = () => 1.0, AttemptTimeout = s_attemptTimeout };
        var http = emulator.Http(handler: new TokenApiResilienceHandler(wire, options));
        var receivedBefore = emulator.Host.RequestCount(column.Route);

        var call = column.CallAsync(emulator, http, clock);
        string? accessToken = null;
        Exception? failure = null;
        try
        {
            accessToken = await call.WaitAsync(s_bound);
        }
        catch (Exception exception) when (call.IsCompleted)
        {
            // The call's own outcome; a call still running when the bound passes fails the test with a TimeoutException.
            failure = exception;
        }

        var cell = new Cell(accessToken, failure, emulator.Host.RequestCount(column.Route) - receivedBefore, clock.RequestedDelays);
        output.WriteLine($"{row} × {column} ({(everyAttempt ? "every attempt" : "first attempt")}): {cell}");
        return cell;
    }

    /// <summary>What one cell came to: a token or an exception, the attempts that reached the emulator, the handler's waits.</summary>
    private sealed record Cell(string? AccessToken, Exception? Failure, int Attempts, IReadOnlyList<TimeSpan> Waits)
    {
        public override string ToString()
        {
            var outcome = Failure is null
                ? "token"
                : Failure.GetType().Name + (Failure.InnerException is { } inner ? $"({inner.GetType().Name})" : string.Empty)
                    + Failure switch
                    {
                        TokenApiException api => $" {(int)api.StatusCode} RetryAfter={api.RetryAfter?.ToString() ?? "none"}",
                        TaskCanceledException canceled => $" \"{canceled.Message}\"",
                        _ => string.Empty,
                    };
            return $"{outcome}, attempts {Attempts}, waits [{string.Join(", ", Waits.Select(w => w.TotalMilliseconds + " ms"))}]";
        }
    }
}
