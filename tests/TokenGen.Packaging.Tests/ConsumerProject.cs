using System;
using System.Collections.Generic;
using System.IO;
using System.Security;

namespace TokenGen.Packaging.Tests;

/// <summary>
/// A fresh project outside the repository that takes TokenGen the way a user's does: a PackageReference, restored
/// from the pack folder beside nuget.org, with warnings as errors.
/// </summary>
public sealed class ConsumerProject
{
    private ConsumerProject(string directory, string name)
    {
        Directory = directory;
        Name = name;
    }

    public string Directory { get; }

    /// <summary>The project (and assembly) name.</summary>
    public string Name { get; }

    public string ProjectPath => Path.Combine(Directory, Name + ".csproj");

    /// <summary>Writes a consumer project.</summary>
    /// <param name="fixture">The packs.</param>
    /// <param name="folder">Its folder under the consumers' directory, also its project name.</param>
    /// <param name="sources">Which folder of <c>Consumers/</c> holds its C# files.</param>
    /// <param name="packageId">The package it references, at the packed version.</param>
    /// <param name="properties">Its project properties (the target framework among them).</param>
    public static ConsumerProject Create(
        PackagesFixture fixture,
        string folder,
        string sources,
        string packageId,
        IReadOnlyDictionary<string, string> properties)
    {
        var directory = Path.Combine(fixture.ConsumersDirectory, folder);
        System.IO.Directory.CreateDirectory(directory);

        foreach (var file in System.IO.Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Consumers", sources), "*.cs"))
        {
            File.Copy(file, Path.Combine(directory, Path.GetFileName(file)));
        }

        // Only the pack folder beside the usual registry; <clear/> drops whatever this machine's configuration adds.
        File.WriteAllText(Path.Combine(directory, "NuGet.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="tokengen-packed" value="{SecurityElement.Escape(fixture.PackagesDirectory)}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" protocolVersion="3" />
              </packageSources>
            </configuration>

            """);

        var propertyLines = new List<string>();
        foreach (var (name, value) in properties)
        {
            propertyLines.Add($"    <{name}>{SecurityElement.Escape(value)}</{name}>");
        }

        File.WriteAllText(Path.Combine(directory, folder + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
            {string.Join('\n', propertyLines)}
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="{packageId}" Version="{fixture.Version}" />
              </ItemGroup>
            </Project>

            """);

        return new ConsumerProject(directory, folder);
    }

    /// <summary>What a new console app has, plus warnings as errors at every stage.</summary>
    public static Dictionary<string, string> ConsoleApp(string targetFramework) => new()
    {
        ["OutputType"] = "Exe",
        ["TargetFramework"] = targetFramework,
        ["ImplicitUsings"] = "enable",
        ["Nullable"] = "enable",
        ["TreatWarningsAsErrors"] = "true",
        ["MSBuildTreatWarningsAsErrors"] = "true",
    };
}
