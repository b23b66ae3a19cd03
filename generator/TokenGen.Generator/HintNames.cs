using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text;
using TokenGen.Generator.Model;

namespace TokenGen.Generator;

/// <summary>
/// Settles the hint name of every file a run adds. Roslyn refuses a second file whose hint name equals one already added
/// ignoring case, or one with a character a file name cannot hold, and that refusal stops the whole generator (CS8785);
/// so <c>IApi</c> beside <c>IAPI</c>, or a model named like a client, must still get files of their own.
/// </summary>
internal static class HintNames
{
    private const string Extension = ".g.cs";

    /// <summary>
    /// The files of a run in a fixed order (clients as the compilation lists them, then models): each keeps the hint name
    /// its spec asks for, made safe for a file name, unless an earlier file took it; then it gets <c>.2</c>, <c>.3</c>, …
    /// before the extension. No C# name starts with a digit, so such a suffix never takes a name another type asks for.
    /// </summary>
    public static ImmutableArray<PlannedFile> Plan(ImmutableArray<ClientSpec> clients, EquatableArray<RedactedModelSpec> models)
    {
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var files = ImmutableArray.CreateBuilder<PlannedFile>(clients.Length + models.Count);
        foreach (var client in clients)
        {
            files.Add(new PlannedFile(Claim(client.HintName, taken), client, null));
        }

        foreach (var model in models)
        {
            files.Add(new PlannedFile(Claim(model.HintName, taken), null, model));
        }

        return files.MoveToImmutable();
    }

    private static string Claim(string requested, HashSet<string> taken)
    {
        var stem = SafeStem(requested);
        if (taken.Add(stem + Extension))
        {
            return stem + Extension;
        }

        for (var suffix = 2; ; suffix++)
        {
            var candidate = stem + "." + suffix.ToString(System.Globalization.CultureInfo.InvariantCulture) + Extension;
            if (taken.Add(candidate))
            {
                return candidate;
            }
        }
    }

    /// <summary>
    /// The requested name without its extension, keeping letters, digits and <c>. _ - { } ,</c> (generic models are
    /// written <c>Model{T}</c>); <c>@</c> escapes are dropped and anything else becomes <c>_</c>.
    /// </summary>
    private static string SafeStem(string requested)
    {
        var stem = requested.EndsWith(Extension, StringComparison.Ordinal)
            ? requested.Substring(0, requested.Length - Extension.Length)
            : requested;
        var safe = new StringBuilder(stem.Length);
        foreach (var character in stem)
        {
            if (char.IsLetterOrDigit(character) || character is '.' or '_' or '-' or '{' or '}' or ',')
            {
                safe.Append(character);
            }
            else if (character != '@')
            {
                safe.Append('_');
            }
        }

        return safe.Length == 0 ? "_" : safe.ToString();
    }
}
