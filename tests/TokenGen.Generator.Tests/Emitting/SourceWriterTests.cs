using System;
using System.Linq;
using TokenGen.Generator.Emitting;
using Xunit;

namespace TokenGen.Generator.Tests.Emitting;

/// <summary>
/// The writer reuses one buffer per thread from file to file; nothing of one file may reach the next, and a writer
/// started while another is open must not share its buffer.
/// </summary>
public sealed class SourceWriterTests
{
    [Fact]
    public void A_file_written_after_a_longer_one_holds_only_its_own_text()
    {
        var longer = new SourceWriter();
        for (var i = 0; i < 5000; i++)
        {
            longer.WriteLine($"// line {i.ToString(System.Globalization.CultureInfo.InvariantCulture)} of the first file");
        }

        var first = longer.ToSourceText();
        var second = new SourceWriter();
        second.WriteLine("class Second");
        second.OpenBlock();
        second.WriteLine("int x;");
        second.CloseBlock(";");

        Assert.Equal(5000, first.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.EndsWith("// line 4999 of the first file\n", first, StringComparison.Ordinal);
        Assert.Equal("class Second\n{\n    int x;\n};\n", second.ToSourceText());
    }

    [Fact]
    public void A_writer_opened_inside_another_writes_into_a_buffer_of_its_own()
    {
        var outer = new SourceWriter();
        outer.WriteLine("outer 1");
        var inner = new SourceWriter();
        inner.WriteLine("inner");
        outer.WriteLine("outer 2");

        Assert.Equal("inner\n", inner.ToSourceText());
        Assert.Equal("outer 1\nouter 2\n", outer.ToSourceText());
    }

    [Fact]
    public void Interpolated_lines_are_indented_and_skip_null_parts()
    {
        var writer = new SourceWriter();
        string? missing = null;
        var name = "value";
        writer.OpenBlock();
        writer.Indent();
        writer.WriteLine($"var {name} = {missing}\"{{braces}}\";");
        writer.Unindent();
        writer.WriteLine();
        writer.CloseBlock();

        Assert.Equal("{\n        var value = \"{braces}\";\n\n}\n", writer.ToSourceText());
    }

    [Fact]
    public void Files_written_on_many_threads_at_once_each_hold_their_own_text()
    {
        // The buffer is per thread; the driver may run outputs on several threads at once.
        var texts = new string[64];
        System.Threading.Tasks.Parallel.For(0, texts.Length, file =>
        {
            var writer = new SourceWriter();
            var id = file.ToString(System.Globalization.CultureInfo.InvariantCulture);
            for (var line = 0; line < 200 + file * 50; line++)
            {
                writer.WriteLine($"// file {id}");
            }

            texts[file] = writer.ToSourceText();
        });

        for (var file = 0; file < texts.Length; file++)
        {
            var expected = "// file " + file.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\n";
            var lines = texts[file].Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(200 + file * 50, lines.Length);
            Assert.Equal(texts[file].Length, expected.Length * lines.Length);
            Assert.All(lines, line => Assert.Equal(expected.TrimEnd('\n'), line));
        }
    }

    [Fact]
    public void A_writer_whose_text_was_taken_refuses_more_lines()
    {
        var writer = new SourceWriter();
        writer.WriteLine("done");
        Assert.Equal("done\n", writer.ToSourceText());

        Assert.Throws<InvalidOperationException>(() => writer.WriteLine("more"));
        Assert.Throws<InvalidOperationException>(() => writer.ToSourceText());
    }

    [Fact]
    public void A_line_longer_than_the_buffer_grows_it()
    {
        var line = new string('x', 100_000);
        var writer = new SourceWriter();
        writer.Indent();
        writer.WriteLine($"{line}{line}");

        var text = writer.ToSourceText();
        Assert.Equal(4 + 200_000 + 1, text.Length);
        Assert.True(text.Skip(4).Take(200_000).All(character => character == 'x'));
    }
}
