using System;
using System.Text;
using TokenGen.Generator.Model;

namespace TokenGen.Generator.Emitting;

/// <summary>
/// Writes a client's token readers: one static method per token response type, reading the members the parser
/// found (null-conditional where a step may be null, through the <c>TokenResponseValues</c> conversion each member's
/// type needs), and a module initializer that registers them with <c>TokenResponseReaders</c>, so a token session built
/// from the client's operations reads their answers without reflection.
/// </summary>
internal static class TokenReaderEmitter
{
    /// <summary>The reader's parameter, from which every member path starts.</summary>
    private const string ResponseParameter = "response";

    public static void Write(SourceWriter writer, ClientSpec spec, GeneratedNames names)
    {
        if (spec.TokenReaders.IsEmpty)
        {
            return;
        }

        writer.WriteLine();
        writer.WriteLine("/// <summary>");
        writer.WriteLine("/// Registers the token readers of this client's token responses when the assembly loads, so a <c>TokenSession</c>");
        writer.WriteLine("/// built from its operations finds them without reflection.");
        writer.WriteLine("/// </summary>");
        // CA2255 warns that module initializers in libraries run early; registering a delegate in a static field is
        // exactly the kind of work that is safe there.
        writer.WriteLine("#pragma warning disable CA2255");
        writer.WriteLine("[global::System.Runtime.CompilerServices.ModuleInitializer]");
        writer.WriteLine("#pragma warning restore CA2255");
        if (TypeObligations.ObsoleteAttributeFor(System.Linq.Enumerable.Select(spec.TokenReaders, static reader => reader.ResponseType)) is { } obsolete)
        {
            writer.WriteLine(obsolete);
        }

        writer.WriteLine($"internal static void {names.RegisterTokenReadersMethod}()");
        writer.OpenBlock();
        foreach (var reader in spec.TokenReaders)
        {
            writer.WriteLine($"{GlobalTypeNames.TokenResponseReaders}.Register<{reader.ResponseType.ErasedName}>({names.TokenReader(reader.ResponseType.ErasedName)});");
        }

        writer.CloseBlock();

        foreach (var reader in spec.TokenReaders)
        {
            writer.WriteLine();
            writer.WriteLine($"/// <summary>Reads the token values of a {CSharpText.DocumentationReference(reader.ResponseType)}.</summary>");
            if (TypeObligations.ObsoleteAttributeFor(new[] { reader.ResponseType }) is { } readerObsolete)
            {
                writer.WriteLine(readerObsolete);
            }

            writer.WriteLine(
                $"private static {GlobalTypeNames.TokenResponseValues} {names.TokenReader(reader.ResponseType.ErasedName)}({reader.ResponseType.ErasedName} {ResponseParameter})");
            writer.Indent();
            writer.WriteLine($"=> new {GlobalTypeNames.TokenResponseValues}(");
            writer.Indent();
            writer.WriteLine($"accessToken: {Read(reader.AccessToken)},");
            writer.WriteLine($"refreshToken: {ReadOrNull(reader.RefreshToken)},");
            writer.WriteLine($"expiresInSeconds: {ReadOrNull(reader.ExpiresIn)},");
            writer.WriteLine($"expiresAt: {ReadOrNull(reader.ExpiresAt)});");
            writer.Unindent();
            writer.Unindent();
        }
    }

    private static string ReadOrNull(TokenValueSpec? value) => value is null ? "null" : Read(value);

    /// <summary>The member's value, converted to what <c>TokenResponseValues</c>' constructor takes for its role.</summary>
    private static string Read(TokenValueSpec value)
    {
        var member = new StringBuilder(ResponseParameter);
        foreach (var step in value.Path)
        {
            member.Append(step.ReceiverMayBeNull ? "?." : ".").Append(CSharpText.Identifier(step.MemberName));
        }

        // The conversions are overloads chosen by the member's type; none but the integer one is ambiguous, and that
        // one's best overload (long? over ulong?, double? and decimal?) is what the language picks for every signed or
        // narrower unsigned integer.
        var conversion = value.Conversion switch
        {
            TokenValueConversion.None => null,
            TokenValueConversion.SecondsFromUInt64
                or TokenValueConversion.SecondsFromFloatingPoint
                or TokenValueConversion.SecondsFromDecimal
                or TokenValueConversion.SecondsFromString => "ToSeconds",
            TokenValueConversion.InstantFromDateTime or TokenValueConversion.InstantFromString => "ToInstant",
            TokenValueConversion.InstantFromUnixTimeInteger
                or TokenValueConversion.InstantFromUnixTimeUInt64
                or TokenValueConversion.InstantFromUnixTimeFloatingPoint
                or TokenValueConversion.InstantFromUnixTimeDecimal => "FromUnixTime",
            _ => throw new ArgumentOutOfRangeException(nameof(value), value.Conversion, "Unknown token value conversion."),
        };

        return conversion is null
            ? member.ToString()
            : GlobalTypeNames.TokenResponseValues + "." + conversion + "(" + member + ")";
    }
}
