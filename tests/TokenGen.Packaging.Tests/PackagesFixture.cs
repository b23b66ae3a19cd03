using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;

namespace TokenGen.Packaging.Tests;

/// <summary>
/// Packs TokenGen, TokenGen.Clients, TokenGen.Emulator and the tool TokenGen.Emulator.Tool once for the whole
/// collection, into a temporary folder, with a version of their own, and gives the consumers a place of their own beside it.
/// </summary>
/// <remarks>
/// <para>
/// The pack builds from the repository's sources into the temporary folder (<c>--artifacts-path</c>), so it neither
/// touches the repository's <c>bin/</c> and <c>obj/</c> nor races a build of the solution.
/// </para>
/// <para>
/// The consumers restore into a private package folder (<c>NUGET_PACKAGES</c>) under the same temporary folder, so a
/// test package never lands in the machine's cache and no cached package of the same version can stand in for the one
/// just packed. Their other packages (reference packs, the ILCompiler) come from the usual registry; measured at about
/// 4 s for the 450 MB the native AOT consumer needs, against a registry mirror.
/// </para>
/// </remarks>
public sealed class PackagesFixture : IAsyncLifetime
{
    public static readonly TimeSpan PackTimeout = TimeSpan.FromMinutes(5);

    public PackagesFixture()
    {
        RepositoryRoot = typeof(PackagesFixture).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "TokenGenRepositoryRoot").Value!;
        Root = Path.Combine(Path.GetTempPath(), "tokengen-packaging-" + Guid.NewGuid().ToString("N")[..12]);
        PackagesDirectory = Path.Combine(Root, "packages");
        NuGetPackagesDirectory = Path.Combine(Root, "nuget-packages");
        ConsumersDirectory = Path.Combine(Root, "consumers");

        // A prerelease of its own: whatever a cache somewhere holds under the repository's version cannot be taken for it.
        Version = "0.1.0-test." + DateTimeOffset.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
    }

    public string RepositoryRoot { get; }

    /// <summary>The temporary folder holding everything below; deleted at the end.</summary>
    public string Root { get; }

    /// <summary>Where the .nupkg and .snupkg files are.</summary>
    public string PackagesDirectory { get; }

    /// <summary>The consumers' private global package folder.</summary>
    public string NuGetPackagesDirectory { get; }

    public string ConsumersDirectory { get; }

    public string Version { get; }

    /// <summary>The projects packed, each into the package named in the comment.</summary>
    public static readonly string[] PackedProjects =
    [
        "runtime/TokenGen.Runtime/TokenGen.Runtime.csproj",                 // TokenGen
        "clients/TokenGen.Clients/TokenGen.Clients.csproj",                 // TokenGen.Clients
        "emulator/TokenGen.Emulator/TokenGen.Emulator.csproj",              // TokenGen.Emulator
        "emulator/TokenGen.Emulator.Tool/TokenGen.Emulator.Tool.csproj",    // TokenGen.Emulator.Tool
    ];

    /// <summary>The pack commands, with their output.</summary>
    public IReadOnlyList<ProcessResult> PackResults { get; private set; } = [];

    public string PackagePath(string id, string extension = ".nupkg") =>
        Path.Combine(PackagesDirectory, $"{id}.{Version}{extension}");

    /// <summary>Where the tool is installed (<c>dotnet tool install --tool-path</c>) by the tests that run it.</summary>
    public string ToolsDirectory => Path.Combine(Root, "tools");

    /// <summary>What every consumer command runs with: the private package folder.</summary>
    public IReadOnlyDictionary<string, string?> ConsumerEnvironment => new Dictionary<string, string?>
    {
        ["NUGET_PACKAGES"] = NuGetPackagesDirectory,
    };

    /// <summary>
    /// Installs the tokengen-emulator tool from the pack folder alone (no other package source, so offline) into
    /// <see cref="ToolsDirectory"/>, once; the tests of the collection run one after the other.
    /// </summary>
    public Task<ProcessResult> InstallToolAsync() => _toolInstall ??= InstallToolCoreAsync();

    private Task<ProcessResult>? _toolInstall;

    private async Task<ProcessResult> InstallToolCoreAsync()
    {
        var config = Path.Combine(Root, "tool-install.NuGet.config");
        await File.WriteAllTextAsync(config, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="tokengen-packed" value="{System.Security.SecurityElement.Escape(PackagesDirectory)}" />
              </packageSources>
            </configuration>

            """);
        return await DotNetCli.RunAsync(
            Root,
            PackTimeout,
            ConsumerEnvironment,
            "tool", "install", "TokenGen.Emulator.Tool",
            "--version", Version,
            "--tool-path", ToolsDirectory,
            "--configfile", config);
    }

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(PackagesDirectory);
        Directory.CreateDirectory(ConsumersDirectory);

        // The consumers live outside the repository, but MSBuild looks for these files up to the file system's root:
        // empty ones here stop that search, so nothing of this machine's folders above reaches the consumers.
        foreach (var name in new[] { "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props" })
        {
            await File.WriteAllTextAsync(Path.Combine(Root, name), "<Project />\n");
        }

        var results = new List<ProcessResult>();
        foreach (var project in PackedProjects)
        {
            var result = await DotNetCli.RunAsync(
                RepositoryRoot,
                PackTimeout,
                environment: null,
                "pack", Path.Combine(RepositoryRoot, project),
                "-c", "Release",
                "-o", PackagesDirectory,
                "--artifacts-path", Path.Combine(Root, "artifacts"),
                $"-p:Version={Version}");
            results.Add(result);
            if (result.ExitCode != 0)
            {
                throw new InvalidOperationException($"Packing {project} failed.\n{result}");
            }
        }

        PackResults = results;
    }

    public Task DisposeAsync()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A file still open (a consumer killed at its time limit): the temporary folder's owner cleans up.
        }
        catch (UnauthorizedAccessException)
        {
        }

        return Task.CompletedTask;
    }
}

[CollectionDefinition(Name)]
public sealed class PackagingCollection : ICollectionFixture<PackagesFixture>
{
    public const string Name = "Packaging";
}
