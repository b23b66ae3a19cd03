using TokenGen.Generator.Model;

namespace TokenGen.Generator.Emitting;

/// <summary>
/// Writes a client's token readers: one static method per token response type, reading the members the parser
/// found, and a module initializer that registers them with <c>TokenResponseReaders</c>, so a token session built
/// from the client's operations reads their answers without reflection.
/// </summary>
internal static class TokenReaderEmitter
{
    public const string RegisterMethodName = "RegisterTokenReaders";

    public static void Write(SourceWriter writer, ClientSpec spec)
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
        writer.WriteLine("internal static void " + RegisterMethodName + "()");
        writer.OpenBlock();
        foreach (var reader in spec.TokenReaders)
        {
            writer.WriteLine(GlobalTypeNames.TokenResponseReaders + ".Register<" + reader.ResponseTypeFullName + ">(" + reader.MethodName + ");");
        }

        writer.CloseBlock();

        foreach (var reader in spec.TokenReaders)
        {
            writer.WriteLine();
            writer.WriteLine("/// <summary>Reads the token values of a <see cref=\"" + reader.ResponseTypeFullName + "\"/>.</summary>");
            writer.WriteLine(
                "private static " + GlobalTypeNames.TokenResponseValues + " " + reader.MethodName + "(" + reader.ResponseTypeFullName + " response)");
            writer.Indent();
            writer.WriteLine("=> new " + GlobalTypeNames.TokenResponseValues + "(");
            writer.Indent();
            writer.WriteLine("accessToken: " + reader.AccessToken + ",");
            writer.WriteLine("refreshToken: " + (reader.RefreshToken ?? "null") + ",");
            writer.WriteLine("expiresInSeconds: " + (reader.ExpiresInSeconds ?? "null") + ",");
            writer.WriteLine("expiresAt: " + (reader.ExpiresAt ?? "null") + ");");
            writer.Unindent();
            writer.Unindent();
        }
    }
}
