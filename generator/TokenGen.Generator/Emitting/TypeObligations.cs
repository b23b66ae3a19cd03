using System.Collections.Generic;
using TokenGen.Generator.Model;

namespace TokenGen.Generator.Emitting;

/// <summary>
/// What generated code must do to name the user's <c>[Obsolete]</c> and <c>[Experimental]</c> types without a
/// diagnostic of its own: a use of an obsolete type draws CS0612/CS0618 (suppressed for the whole file) or, when it is
/// declared with <c>error: true</c>, CS0619, which no pragma suppresses, so the member naming it is marked obsolete
/// itself; a use of an experimental type draws an error carrying its diagnostic id, which the file suppresses: the
/// user's declaration could only name the type after opting in to that id.
/// </summary>
internal static class TypeObligations
{
    /// <summary>
    /// The <c>[Obsolete]</c> a generated member naming <paramref name="types"/> carries, or <see langword="null"/> when none
    /// of them is obsolete. One is enough: inside an obsolete member no use of an obsolete type is reported.
    /// </summary>
    public static string? ObsoleteAttributeFor(IEnumerable<TypeRef> types)
    {
        foreach (var type in types)
        {
            foreach (var obligation in type.Obligations)
            {
                if (!obligation.IsExperimental)
                {
                    return CSharpText.ObligationAttribute(obligation with { IsError = false });
                }
            }
        }

        return null;
    }

    /// <summary>Every experimental diagnostic id named by a type the client's file names, each once, in order of first use.</summary>
    public static IReadOnlyList<string> ExperimentalIds(ClientSpec spec)
    {
        var ids = new List<string>();
        var seen = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var type in TypesNamedBy(spec))
        {
            foreach (var obligation in type.Obligations)
            {
                if (obligation is { IsExperimental: true, Text: { } id } && seen.Add(id))
                {
                    ids.Add(id);
                }
            }
        }

        return ids;
    }

    private static IEnumerable<TypeRef> TypesNamedBy(ClientSpec spec)
    {
        yield return spec.InterfaceType;
        if (spec.SerializerContext is { } context)
        {
            yield return context;
        }

        foreach (var jsonType in spec.JsonTypes)
        {
            yield return jsonType.Type;
        }

        foreach (var formatter in spec.EnumFormatters)
        {
            yield return formatter.EnumType;
        }

        foreach (var reader in spec.TokenReaders)
        {
            yield return reader.ResponseType;
        }

        foreach (var operation in spec.Operations)
        {
            yield return operation.ImplementedInterface;
            yield return operation.Return.TaskType;
            foreach (var parameter in operation.Parameters)
            {
                yield return parameter.Type;
                if (parameter.DefaultValue?.EnumType is { } enumType)
                {
                    yield return enumType;
                }
            }
        }
    }
}
