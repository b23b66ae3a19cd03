using System.Collections.Generic;
using System.IO;

namespace TokenGen.Demo.Output;

/// <summary>
/// The table of the five APIs' raw flows: a row per operation, collected first and written once at the end
/// (aligned by <see cref="TextTable"/>).
/// </summary>
internal sealed class ResultTable
{
    private const string None = "-";

    private static readonly string[] s_headers = ["API", "Operation", "Status", "Token", "Kind", "Expires"];

    private readonly List<string[]> _rows = [];
    private readonly List<string> _notes = [];

    /// <summary>How many operations succeeded.</summary>
    public int Succeeded { get; private set; }

    /// <summary>How many operations failed.</summary>
    public int Failed { get; private set; }

    /// <summary>How many operations were not attempted, for want of a credential or an earlier answer.</summary>
    public int Skipped { get; private set; }

    /// <summary>Adds an operation that succeeded.</summary>
    /// <param name="api">The API's display name.</param>
    /// <param name="operation">The operation.</param>
    /// <param name="status">The HTTP status the service answered with.</param>
    /// <param name="token">The token the answer carried.</param>
    public void AddSucceeded(string api, string operation, string status, StepToken token)
    {
        _rows.Add([api, operation, status, TokenText.Shorten(token.Value!), token.Kind, TokenText.Expiry(token)]);
        Succeeded++;
    }

    /// <summary>Adds an operation that failed; the reason goes to standard error, where failures belong.</summary>
    /// <param name="api">The API's display name.</param>
    /// <param name="operation">The operation.</param>
    /// <param name="status">The status the service answered with, or <see langword="null"/> when no answer came.</param>
    public void AddFailed(string api, string operation, string? status)
    {
        _rows.Add([api, operation, "FAILED " + (status ?? "(no answer)"), None, None, None]);
        Failed++;
    }

    /// <summary>Adds an operation that was not attempted, with the reason as a note under the table.</summary>
    /// <param name="api">The API's display name.</param>
    /// <param name="operation">The operation.</param>
    /// <param name="reason">Why, phrased as what would make it run.</param>
    public void AddSkipped(string api, string operation, string reason)
    {
        _rows.Add([api, operation, "skipped", None, None, None]);
        _notes.Add($"{api} {operation} skipped: {reason}");
        Skipped++;
    }

    /// <summary>Writes the table, then any notes.</summary>
    /// <param name="writer">Where to write.</param>
    public void WriteTo(TextWriter writer)
    {
        TextTable.Write(writer, s_headers, _rows);
        if (_notes.Count > 0)
        {
            writer.WriteLine();
            foreach (var note in _notes)
            {
                writer.WriteLine("  * " + note);
            }
        }
    }
}
