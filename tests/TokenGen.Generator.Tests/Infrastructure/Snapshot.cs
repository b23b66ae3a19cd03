using System;
using System.IO;
using System.Linq;
using System.Reflection;

namespace TokenGen.Generator.Tests.Infrastructure;

/// <summary>
/// Compares generated source with a checked-in baseline under <c>Snapshots/</c>. Baselines change only on request:
/// run the tests with <c>TOKENGEN_UPDATE_SNAPSHOTS=1</c> to rewrite them, then review the diff.
/// </summary>
internal static class Snapshot
{
    public const string UpdateVariable = "TOKENGEN_UPDATE_SNAPSHOTS";

    public static void Match(string actual, string name)
    {
        var directory = Path.Combine(ProjectDirectory(), "Snapshots");
        var path = Path.Combine(directory, name + ".cs");
        actual = actual.Replace("\r\n", "\n", StringComparison.Ordinal);

        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            Directory.CreateDirectory(directory);
            File.WriteAllText(path, actual);
            return;
        }

        Assert.True(File.Exists(path), $"No snapshot at {path}. Run the tests with {UpdateVariable}=1 to create it, then review it.");
        var expected = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
        if (!string.Equals(expected, actual, StringComparison.Ordinal))
        {
            File.WriteAllText(Path.ChangeExtension(path, ".received.cs"), actual);
        }

        Assert.Equal(expected, actual);
    }

    // The test project records its own folder at build time (ContinuousIntegrationBuild maps source paths to /_/).
    private static string ProjectDirectory() =>
        typeof(Snapshot).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(attribute => attribute.Key == "TokenGenTestProjectDirectory")
            .Value ?? throw new InvalidOperationException("The test project's folder was not recorded.");
}
