using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Xunit.Abstractions;

namespace TokenGen.Packaging.Tests;

/// <summary>
/// What the packed files hold: one package with everything a consumer needs, metadata a registry shows, symbols apart;
/// the emulator as a library and as a .NET tool, each with a readme that stands on its own.
/// </summary>
[Collection(PackagingCollection.Name)]
public sealed partial class PackageLayoutTests(PackagesFixture packages, ITestOutputHelper output)
{
    [Fact]
    public void Packing_reports_no_warning()
    {
        foreach (var result in packages.PackResults)
        {
            output.WriteLine(result.ToString());
            Assert.Equal(0, result.ExitCode);
            Assert.Matches(new Regex(@"^\s*0 Warning\(s\)", RegexOptions.Multiline), result.Output);
            Assert.DoesNotMatch(new Regex(@": warning [A-Z]*\d*", RegexOptions.Multiline), result.Output);
        }
    }

    [Fact]
    public void TokenGen_holds_the_runtime_with_its_docs_and_the_generator_and_code_fixes_as_analyzers_and_depends_on_nothing()
    {
        Assert.Equal(
            [
                "README.md",
                "analyzers/dotnet/cs/TokenGen.CodeFixes.dll",
                "analyzers/dotnet/cs/TokenGen.Generator.dll",
                "lib/net8.0/TokenGen.Runtime.dll",
                "lib/net8.0/TokenGen.Runtime.xml",
            ],
            ContentOf(packages.PackagePath("TokenGen")));

        var metadata = Nuspec(packages.PackagePath("TokenGen"), "TokenGen");
        Assert.Equal(packages.Version, Value(metadata, "version"));
        var group = Assert.Single(metadata.Elements(metadata.Name.Namespace + "dependencies").Elements());
        Assert.Equal("net8.0", group.Attribute("targetFramework")?.Value);
        Assert.Empty(group.Elements());
    }

    [Fact]
    public void TokenGen_Clients_holds_the_five_clients_and_depends_on_TokenGen_with_its_analyzers()
    {
        Assert.Equal(
            ["README.md", "lib/net8.0/TokenGen.Clients.dll", "lib/net8.0/TokenGen.Clients.xml"],
            ContentOf(packages.PackagePath("TokenGen.Clients")));

        var metadata = Nuspec(packages.PackagePath("TokenGen.Clients"), "TokenGen.Clients");
        var dependency = Assert.Single(metadata.Descendants(metadata.Name.Namespace + "dependency"));
        Assert.Equal("TokenGen", dependency.Attribute("id")?.Value);
        Assert.Equal(packages.Version, dependency.Attribute("version")?.Value);
        // Nothing excluded: an app that references only TokenGen.Clients still runs the generator and the analyzer.
        Assert.Null(dependency.Attribute("exclude"));
    }

    [Fact]
    public void TokenGen_Emulator_holds_the_library_with_its_docs_and_needs_only_the_ASP_NET_Core_shared_framework()
    {
        Assert.Equal(
            ["README.md", "lib/net8.0/TokenGen.Emulator.dll", "lib/net8.0/TokenGen.Emulator.xml"],
            ContentOf(packages.PackagePath("TokenGen.Emulator")));

        var metadata = Nuspec(packages.PackagePath("TokenGen.Emulator"), "TokenGen.Emulator");
        var ns = metadata.Name.Namespace;
        Assert.Null(metadata.Element(ns + "packageTypes"));
        var group = Assert.Single(metadata.Elements(ns + "dependencies").Elements());
        Assert.Equal("net8.0", group.Attribute("targetFramework")?.Value);
        Assert.Empty(group.Elements());
        var framework = Assert.Single(metadata.Descendants(ns + "frameworkReference"));
        Assert.Equal("Microsoft.AspNetCore.App", framework.Attribute("name")?.Value);
    }

    [Fact]
    public void TokenGen_Emulator_Tool_is_a_dotnet_tool_named_tokengen_emulator_that_rolls_forward_to_newer_runtimes()
    {
        const string tools = "tools/net8.0/any/";
        Assert.Equal(
            [
                "README.md",
                tools + "DotnetToolSettings.xml",
                tools + "TokenGen.Emulator.Tool.deps.json",
                tools + "TokenGen.Emulator.Tool.dll",
                tools + "TokenGen.Emulator.Tool.pdb",
                tools + "TokenGen.Emulator.Tool.runtimeconfig.json",
                tools + "TokenGen.Emulator.dll",
                tools + "TokenGen.Emulator.pdb",
            ],
            ContentOf(packages.PackagePath("TokenGen.Emulator.Tool")));
        Assert.False(File.Exists(packages.PackagePath("TokenGen.Emulator.Tool", ".snupkg")), "the tool's PDBs travel inside it");

        var metadata = Nuspec(packages.PackagePath("TokenGen.Emulator.Tool"), "TokenGen.Emulator.Tool");
        var ns = metadata.Name.Namespace;
        Assert.Equal("DotnetTool", metadata.Element(ns + "packageTypes")?.Element(ns + "packageType")?.Attribute("name")?.Value);
        // Everything it runs is inside: restoring it needs no other package.
        Assert.Empty(metadata.Descendants(ns + "dependency"));

        using var archive = ZipFile.OpenRead(packages.PackagePath("TokenGen.Emulator.Tool"));
        var settings = XDocument.Load(archive.GetEntry(tools + "DotnetToolSettings.xml")!.Open());
        var command = Assert.Single(settings.Descendants("Command"));
        Assert.Equal("tokengen-emulator", command.Attribute("Name")?.Value);
        Assert.Equal("TokenGen.Emulator.Tool.dll", command.Attribute("EntryPoint")?.Value);
        using var runtimeConfig = JsonDocument.Parse(archive.GetEntry(tools + "TokenGen.Emulator.Tool.runtimeconfig.json")!.Open());
        var runtimeOptions = runtimeConfig.RootElement.GetProperty("runtimeOptions");
        Assert.Equal("Major", runtimeOptions.GetProperty("rollForward").GetString());
        Assert.Equal(
            ["Microsoft.AspNetCore.App", "Microsoft.NETCore.App"],
            runtimeOptions.GetProperty("frameworks").EnumerateArray().Select(f => f.GetProperty("name").GetString()).Order(System.StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("TokenGen.Emulator")]
    [InlineData("TokenGen.Emulator.Tool")]
    public void The_emulators_readme_names_no_path_outside_its_package(string id)
    {
        using var archive = ZipFile.OpenRead(packages.PackagePath(id));
        using var reader = new StreamReader(archive.GetEntry("README.md")!.Open());
        var readme = reader.ReadToEnd();
        output.WriteLine(readme);

        // Links lead to absolute addresses only: a relative one would point into a repository the reader does not have.
        foreach (Match link in MarkdownLink().Matches(readme))
        {
            Assert.Matches(@"^https://", link.Groups[1].Value);
        }

        // Outside those addresses, no relative path and no folder of this repository.
        var text = AbsoluteAddress().Replace(readme, "");
        Assert.DoesNotMatch(@"\.\./|\b(emulator|samples|tests|runtime|clients|generator|docs|shared)/", text);
        Assert.DoesNotContain("--project", text, System.StringComparison.Ordinal);
        Assert.Contains("tokengen-emulator", text, System.StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("TokenGen")]
    [InlineData("TokenGen.Clients")]
    [InlineData("TokenGen.Emulator")]
    [InlineData("TokenGen.Emulator.Tool")]
    public void Each_package_carries_the_metadata_a_registry_shows(string id)
    {
        var metadata = Nuspec(packages.PackagePath(id), id);
        var ns = metadata.Name.Namespace;

        Assert.Equal(id, Value(metadata, "id"));
        Assert.True(Value(metadata, "description").Length > 80, "a description that says what the package does");
        Assert.Equal("MIT", Value(metadata, "license"));
        Assert.Equal("expression", metadata.Element(ns + "license")?.Attribute("type")?.Value);
        Assert.Equal("README.md", Value(metadata, "readme"));
        Assert.Contains("token", Value(metadata, "tags").Split(' '));
        Assert.Equal("https://github.com/tokengen/tokengen", Value(metadata, "projectUrl"));
        var repository = metadata.Element(ns + "repository");
        Assert.Equal("git", repository?.Attribute("type")?.Value);
        Assert.Equal("https://github.com/tokengen/tokengen", repository?.Attribute("url")?.Value);

        // The readme is the package's own page, not an empty placeholder.
        using var archive = ZipFile.OpenRead(packages.PackagePath(id));
        using var readme = new StreamReader(archive.GetEntry("README.md")!.Open());
        Assert.StartsWith("# " + id + "\n", readme.ReadToEnd().ReplaceLineEndings("\n"));
    }

    [Theory]
    [InlineData("TokenGen", "lib/net8.0/TokenGen.Runtime.pdb")]
    [InlineData("TokenGen.Clients", "lib/net8.0/TokenGen.Clients.pdb")]
    [InlineData("TokenGen.Emulator", "lib/net8.0/TokenGen.Emulator.pdb")]
    public void Symbols_travel_in_a_snupkg_beside_each_package(string id, string pdb)
    {
        Assert.Equal([pdb], ContentOf(packages.PackagePath(id, ".snupkg")));
        Assert.DoesNotContain(ContentOf(packages.PackagePath(id)), name => name.EndsWith(".pdb", System.StringComparison.Ordinal));
    }

    /// <summary>The package's files, without the parts every package has (nuspec, OPC relationships, content types).</summary>
    private static List<string> ContentOf(string package)
    {
        using var archive = ZipFile.OpenRead(package);
        return archive.Entries
            .Select(e => e.FullName)
            .Where(name => !name.StartsWith("_rels/", System.StringComparison.Ordinal)
                && !name.StartsWith("package/", System.StringComparison.Ordinal)
                && name != "[Content_Types].xml"
                && !name.EndsWith(".nuspec", System.StringComparison.Ordinal))
            .Order(System.StringComparer.Ordinal)
            .ToList();
    }

    private static XElement Nuspec(string package, string id)
    {
        using var archive = ZipFile.OpenRead(package);
        using var stream = archive.GetEntry(id + ".nuspec")!.Open();
        var document = XDocument.Load(stream);
        return document.Root!.Element(document.Root.Name.Namespace + "metadata")!;
    }

    private static string Value(XElement metadata, string name) =>
        metadata.Element(metadata.Name.Namespace + name)?.Value ?? "";

    [GeneratedRegex(@"\]\(([^)\s]+)\)")]
    private static partial Regex MarkdownLink();

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex AbsoluteAddress();
}
