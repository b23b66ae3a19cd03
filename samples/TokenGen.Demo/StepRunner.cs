using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using TokenGen.Demo.Output;

namespace TokenGen.Demo;

/// <summary>
/// Runs one operation of a flow: calls the generated client, records the status it got and the token it was
/// given in the table, and turns any failure into one clear sentence. A failed step stops its own flow (later steps
/// need its token) but not the other APIs' flows, so one run reports every API that is broken.
/// </summary>
internal sealed class StepRunner
{
    private readonly ResultTable _table;
    private readonly TimeSpan _timeout;
    private readonly List<string> _failures = [];

    /// <summary>Creates a runner that writes into <paramref name="table"/>.</summary>
    /// <param name="table">The table the rows go to.</param>
    /// <param name="timeout">The HTTP client's per-request timeout, to name it when a step runs out of time.</param>
    public StepRunner(ResultTable table, TimeSpan timeout)
    {
        _table = table;
        _timeout = timeout;
    }

    /// <summary>Why each failed step failed, in order; for standard error.</summary>
    public IReadOnlyList<string> Failures => _failures;

    /// <summary>Runs one operation.</summary>
    /// <typeparam name="T">What the generated client returns.</typeparam>
    /// <param name="api">The API's display name.</param>
    /// <param name="operation">The operation, as the table names it.</param>
    /// <param name="call">The call of the generated client.</param>
    /// <param name="issued">Picks the token the operation exists to issue out of the answer.</param>
    /// <param name="cancellationToken">Ctrl+C.</param>
    /// <returns>The answer, for the next step.</returns>
    /// <exception cref="StepFailedException">The call failed or its answer carried no token; the row and message are recorded.</exception>
    /// <exception cref="OperationCanceledException">The user cancelled.</exception>
    public async Task<T> RunAsync<T>(
        string api,
        string operation,
        Func<CancellationToken, Task<T>> call,
        Func<T, StepToken> issued,
        CancellationToken cancellationToken)
    {
        var capture = ResponseStatusHandler.BeginCapture();
        T answer;
        try
        {
            answer = await call(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            // Every other exception is this step's failure: report it and let the other APIs run.
            throw Fail(api, operation, capture.Status, Explain(ex));
        }

        var token = issued(answer);
        if (string.IsNullOrEmpty(token.Value))
        {
            throw Fail(api, operation, capture.Status,
                $"the answer ({capture.Status}) carried no {token.Kind} token in '{token.Field}'.");
        }

        _table.AddSucceeded(api, operation, capture.Status ?? "(unknown)", token);
        return answer;
    }

    /// <summary>Records an operation that cannot run because an earlier answer lacked what it needs.</summary>
    /// <param name="api">The API's display name.</param>
    /// <param name="operation">The operation.</param>
    /// <param name="reason">What was missing.</param>
    /// <returns>The exception that stops the flow; throw it.</returns>
    public StepFailedException Fail(string api, string operation, string reason) => Fail(api, operation, null, reason);

    /// <summary>Records an operation that is not attempted because an optional credential is absent.</summary>
    /// <param name="api">The API's display name.</param>
    /// <param name="operation">The operation.</param>
    /// <param name="reason">What would make it run, for example <c>needs --tenant</c>.</param>
    public void Skip(string api, string operation, string reason) => _table.AddSkipped(api, operation, reason);

    private StepFailedException Fail(string api, string operation, string? status, string reason)
    {
        _table.AddFailed(api, operation, status);
        var message = $"{api} {operation} failed: {reason}";
        _failures.Add(message);
        return new StepFailedException(message);
    }

    private string Explain(Exception ex) => FailureText.Explain(ex, _timeout);
}

/// <summary>A step failed; its row and message are already recorded, so catching it only ends the flow.</summary>
internal sealed class StepFailedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public StepFailedException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">The failure, as recorded.</param>
    public StepFailedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">The failure, as recorded.</param>
    /// <param name="innerException">The cause.</param>
    public StepFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
