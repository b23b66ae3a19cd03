using System.Text;

namespace TokenGen.Generator.Emitting;

/// <summary>
/// Writes C# text line by line with four-space indentation and <c>\n</c> line endings, so the generated file is
/// byte-for-byte the same on every machine. Writing text directly (rather than building syntax trees and
/// normalizing whitespace) keeps emission cheap.
/// </summary>
internal sealed class SourceWriter
{
    private const string IndentUnit = "    ";

    private readonly StringBuilder _builder = new(capacity: 16 * 1024);
    private int _indentLevel;

    /// <summary>Writes one line at the current indentation.</summary>
    /// <param name="line">The line's text, without a line ending.</param>
    public void WriteLine(string line)
    {
        for (var i = 0; i < _indentLevel; i++)
        {
            _builder.Append(IndentUnit);
        }

        _builder.Append(line).Append('\n');
    }

    /// <summary>Writes an empty line (with no trailing whitespace).</summary>
    public void WriteLine() => _builder.Append('\n');

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
        WriteLine("}" + suffix);
    }

    /// <summary>Indents the following lines one more level (continuation lines).</summary>
    public void Indent() => _indentLevel++;

    /// <summary>Undoes one <see cref="Indent"/>.</summary>
    public void Unindent() => _indentLevel--;

    public override string ToString() => _builder.ToString();
}
