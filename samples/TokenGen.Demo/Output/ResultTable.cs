using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace TokenGen.Demo.Output;

/// <summary>
/// The one table the demo prints: a row per operation, columns padded to their widest cell so it stays aligned
/// whatever the statuses and expiry texts turn out to be. Rows are collected first and written once at the end.
/// </summary>
internal sealed class ResultTable
{
    private const string ColumnGap = "  ";
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
    public void AddSucceeded(string api, string operation, string status, IssuedToken token)
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
        var widths = new int[s_headers.Length];
        foreach (var row in _rows.Prepend(s_headers))
        {
            for (var i = 0; i < row.Length; i++)
            {
                widths[i] = Math.Max(widths[i], row[i].Length);
            }
        }

        WriteRow(writer, s_headers, widths);
        WriteRow(writer, widths.Select(width => new string('-', width)).ToArray(), widths);
        foreach (var row in _rows)
        {
            WriteRow(writer, row, widths);
        }

        if (_notes.Count > 0)
        {
            writer.WriteLine();
            foreach (var note in _notes)
            {
                writer.WriteLine("  * " + note);
            }
        }
    }

    private static void WriteRow(TextWriter writer, string[] cells, int[] widths)
    {
        // The last column is not padded, so no line ends in spaces.
        var last = cells.Length - 1;
        for (var i = 0; i < last; i++)
        {
            writer.Write(cells[i].PadRight(widths[i]));
            writer.Write(ColumnGap);
        }

        writer.WriteLine(cells[last]);
    }
}
