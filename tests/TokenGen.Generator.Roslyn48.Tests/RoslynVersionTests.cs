using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using TokenGen.Generator;

namespace TokenGen.Generator.Roslyn48.Tests;

/// <summary>
/// This leg proves something only if the Roslyn in the test process is 4.8, the version the generator is compiled
/// against and ships for: a package bump, a transitive dependency or a <c>VersionOverride</c> that brought a newer Roslyn
/// would otherwise leave the other tests passing on the wrong compiler.
/// </summary>
public sealed class RoslynVersionTests
{
    [Fact]
    public void TheLoadedRoslynIs48()
    {
        AssertIs48(typeof(Compilation).Assembly.GetName());
        AssertIs48(typeof(CSharpCompilation).Assembly.GetName());
    }

    [Fact]
    public void TheGeneratorIsCompiledAgainstRoslyn48()
    {
        var reference = Array.Find(
            typeof(TokenApiGenerator).Assembly.GetReferencedAssemblies(),
            name => name.Name == "Microsoft.CodeAnalysis");

        Assert.NotNull(reference);
        AssertIs48(reference);
    }

    private static void AssertIs48(System.Reflection.AssemblyName name)
    {
        Assert.NotNull(name.Version);
        Assert.True(
            name.Version.Major == 4 && name.Version.Minor == 8,
            $"{name.Name} is {name.Version}; this leg must run on Roslyn 4.8.x");
    }
}
