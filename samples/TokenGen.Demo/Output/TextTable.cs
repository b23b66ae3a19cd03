using System;
using System.Collections.Generic;
using System.IO;

namespace TokenGen.Demo.Output;

/// <summary>
/// Writes rows under a header with each column padded to its widest cell, so a table stays aligned whatever the
/// statuses, tokens and times turn out to be. Both of the demo's tables are written with it.
/// </summary>
internal static class TextTable
{
    private const string ColumnGap = "  ";

    /// <summary>Writes the header, a rule under it, and the rows.</summary>
    /// <param name="writer">Where to write.</param>
    /// <param name="headers">The column names.</param>
    /// <param name="rows">The rows, each with one cell per column.</param>
    public static void Write(TextWriter writer, IReadOnlyList<string> headers, IReadOnlyList<string[]> rows)
    {
        var widths = new int[headers.Count];
        for (var i = 0; i < widths.Length; i++)
        {
            widths[i] = headers[i].Length;
        }

        foreach (var row in rows)
        {
            for (var i = 0; i < row.Length; i++)
            {
                widths[i] = Math.Max(widths[i], row[i].Length);
            }
        }

        var rule = new string[widths.Length];
        for (var i = 0; i < widths.Length; i++)
        {
            rule[i] = new string('-', widths[i]);
        }

        WriteRow(writer, headers, widths);
        WriteRow(writer, rule, widths);
        foreach (var row in rows)
        {
            WriteRow(writer, row, widths);
        }
    }

    private static void WriteRow(TextWriter writer, IReadOnlyList<string> cells, int[] widths)
    {
        // The last column is not padded, so no line ends in spaces.
        var last = cells.Count - 1;
        for (var i = 0; i < last; i++)
        {
            writer.Write(cells[i].PadRight(widths[i]));
            writer.Write(ColumnGap);
        }

        writer.WriteLine(cells[last]);
    }
}
