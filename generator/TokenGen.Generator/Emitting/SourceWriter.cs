using System;
using System.Runtime.CompilerServices;

namespace TokenGen.Generator.Emitting;

/// <summary>
/// Writes C# text line by line with four-space indentation and <c>\n</c> line endings, so the generated file is
/// byte-for-byte the same on every machine. Writing text directly (rather than building syntax trees and
/// normalizing whitespace) keeps emission cheap.
/// </summary>
/// <remarks>
/// The text goes into one character buffer per thread, reused from file to file, so a file costs one string (its
/// final text) rather than a buffer grown in steps and then copied. On 500 generated files that is the difference
/// between emission allocating about its output once and about four times over. <see cref="ToSourceText"/> ends a
/// writer and hands the buffer to the next one on the thread.
/// </remarks>
internal sealed class SourceWriter
{
    private const string IndentUnit = "    ";

    /// <summary>Enough for a typical client file; the buffer grows to the largest file written on the thread.</summary>
    private const int InitialCapacity = 32 * 1024;

    /// <summary>
    /// A buffer larger than this (a file of several megabytes) is not kept for the next file, so one unusual
    /// interface does not pin its memory for the life of the compiler process.
    /// </summary>
    private const int LargestKeptCapacity = 1024 * 1024;

    [ThreadStatic]
    private static char[]? t_spareBuffer;

    private char[] _buffer;
    private int _length;
    private int _indentLevel;
    private bool _completed;

    public SourceWriter()
    {
        _buffer = t_spareBuffer ?? new char[InitialCapacity];
        t_spareBuffer = null; // a writer started inside another one on the same thread gets a buffer of its own
    }

    /// <summary>Writes one line at the current indentation.</summary>
    /// <param name="line">The line's text, without a line ending.</param>
    public void WriteLine(string line)
    {
        WriteIndentation();
        Append(line);
        Append('\n');
    }

    /// <summary>
    /// Writes one line at the current indentation, built from an interpolated string (<c>$"var {name} = ...;"</c>)
    /// straight into the file's buffer rather than into a string first.
    /// </summary>
    /// <param name="line">The line, without a line ending; only strings may be interpolated, so nothing in a generated
    /// file depends on the machine's culture.</param>
    public void WriteLine([InterpolatedStringHandlerArgument("")] ref LineHandler line) => Append('\n');

    /// <summary>Writes an empty line (with no trailing whitespace).</summary>
    public void WriteLine() => Append('\n');

    /// <summary>Writes <c>{</c> and indents what follows.</summary>
    public void OpenBlock()
    {
        WriteLine("{");
        _indentLevel++;
    }

    /// <summary>Unindents and writes <c>}</c>, followed by <paramref name="suffix"/> (for example <c>;</c>).</summary>
    public void CloseBlock(string suffix = "")
    {
        _indentLevel--;
        WriteLine($"}}{suffix}");
    }

    /// <summary>Indents the following lines one more level (continuation lines).</summary>
    public void Indent() => _indentLevel++;

    /// <summary>Undoes one <see cref="Indent"/>.</summary>
    public void Unindent() => _indentLevel--;

    /// <summary>The text written, as the file's source; the writer cannot be written to afterwards.</summary>
    public string ToSourceText()
    {
        ThrowIfCompleted();
        var text = new string(_buffer, 0, _length);
        _completed = true;
        if (_buffer.Length <= LargestKeptCapacity)
        {
            t_spareBuffer = _buffer;
        }

        _buffer = Array.Empty<char>();
        _length = 0;
        return text;
    }

    /// <summary>The text written so far (for the debugger; the file's text comes from <see cref="ToSourceText"/>).</summary>
    public override string ToString() => new(_buffer, 0, _length);

    private void WriteIndentation()
    {
        for (var i = 0; i < _indentLevel; i++)
        {
            Append(IndentUnit);
        }
    }

    private void Append(string text)
    {
        ThrowIfCompleted();
        var end = _length + text.Length;
        if (end > _buffer.Length)
        {
            Grow(end);
        }

        text.CopyTo(0, _buffer, _length, text.Length);
        _length = end;
    }

    private void Append(char character)
    {
        ThrowIfCompleted();
        if (_length == _buffer.Length)
        {
            Grow(_length + 1);
        }

        _buffer[_length++] = character;
    }

    private void Grow(int required)
    {
        var grown = new char[Math.Max(required, _buffer.Length * 2)];
        Array.Copy(_buffer, grown, _length);
        _buffer = grown;
    }

    private void ThrowIfCompleted()
    {
        if (_completed)
        {
            throw new InvalidOperationException("The writer's text was already taken; start a new writer for the next file.");
        }
    }

    /// <summary>
    /// Appends the parts of an interpolated line to its writer as the compiler hands them over: the indentation
    /// first, then each literal and each interpolated string in order.
    /// </summary>
    [InterpolatedStringHandler]
    public readonly ref struct LineHandler
    {
        private readonly SourceWriter _writer;

        public LineHandler(int literalLength, int formattedCount, SourceWriter writer)
        {
            _writer = writer;
            writer.WriteIndentation();
        }

        public void AppendLiteral(string text) => _writer.Append(text);

        public void AppendFormatted(string? text)
        {
            if (text is not null)
            {
                _writer.Append(text);
            }
        }
    }
}
