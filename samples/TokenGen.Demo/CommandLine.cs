using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using TokenGen.Demo.Flows;

namespace TokenGen.Demo;

/// <summary>What the command line asked for, checked and complete.</summary>
internal sealed class DemoSettings
{
    /// <summary>The one API to run, or <see langword="null"/> for all five.</summary>
    public ApiFlow? Api { get; init; }

    /// <summary>A real service's address for <see cref="Api"/>; <see langword="null"/> runs against the emulator.</summary>
    public Uri? BaseUrl { get; init; }

    /// <summary>The credentials for <see cref="BaseUrl"/>; present exactly when it is.</summary>
    public CredentialValues? Credentials { get; init; }

    /// <summary>The per-request timeout.</summary>
    public TimeSpan Timeout { get; init; } = CommandLine.DefaultTimeout;

    /// <summary>Whether to leave out the fleet section (<c>--no-fleet</c>).</summary>
    public bool NoFleet { get; init; }

    /// <summary>Whether to print the usage and stop.</summary>
    public bool ShowHelp { get; init; }
}

/// <summary>
/// Parses the arguments by hand: a dozen options do not need a parsing library, and this keeps the native-AOT
/// binary free of one (System.CommandLine would add size and has had trimming caveats). Options and
/// <c>--help</c> come from the flows' own <see cref="ApiFlow.CredentialOptions"/>, so they cannot disagree.
/// </summary>
internal static class CommandLine
{
    /// <summary>The per-request timeout unless <c>--timeout</c> says otherwise.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    private const int MaxTimeoutSeconds = 600;

    /// <summary>Parses <paramref name="args"/>.</summary>
    /// <param name="args">The command line.</param>
    /// <param name="environment">Reads an environment variable (<see cref="Environment.GetEnvironmentVariable(string)"/>).</param>
    /// <param name="settings">The settings, when the arguments are valid.</param>
    /// <param name="error">What is wrong with them, otherwise: one sentence that says how to fix it.</param>
    /// <returns>Whether the arguments are valid.</returns>
    public static bool TryParse(string[] args, Func<string, string?> environment, out DemoSettings settings, out string error)
    {
        settings = new DemoSettings();
        error = string.Empty;
        ApiFlow? api = null;
        Uri? baseUrl = null;
        var timeout = DefaultTimeout;
        var noFleet = false;
        var given = new HashSet<string>(StringComparer.Ordinal);
        var credentials = new Dictionary<string, string>(StringComparer.Ordinal);
        var credentialNames = ApiFlow.All.SelectMany(flow => flow.CredentialOptions).Select(option => option.Name).ToHashSet(StringComparer.Ordinal);

        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (arg is "-h" or "--help" or "-?")
            {
                settings = new DemoSettings { ShowHelp = true };
                return true;
            }

            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg.Length == 2)
            {
                error = $"unexpected argument '{arg}'.";
                return false;
            }

            // Both "--name value" and "--name=value".
            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? arg[2..] : arg[2..equals];

            // The one option without a value.
            if (name == "no-fleet")
            {
                if (equals >= 0)
                {
                    error = "--no-fleet takes no value.";
                    return false;
                }

                noFleet = true;
                continue;
            }

            if (name != "api" && name != "base-url" && name != "timeout" && !credentialNames.Contains(name))
            {
                error = $"unknown option '--{name}'.";
                return false;
            }

            string value;
            if (equals >= 0)
            {
                value = arg[(equals + 1)..];
            }
            else if (i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                value = args[++i];
            }
            else
            {
                error = $"--{name} needs a value.";
                return false;
            }

            if (string.IsNullOrWhiteSpace(value))
            {
                error = $"--{name} needs a value that is not empty.";
                return false;
            }

            if (!given.Add(name))
            {
                error = $"--{name} is given twice.";
                return false;
            }

            switch (name)
            {
                case "api":
                    api = ApiFlow.All.FirstOrDefault(flow => string.Equals(flow.Id, value, StringComparison.OrdinalIgnoreCase));
                    if (api is null)
                    {
                        error = $"unknown API '{value}'; --api takes one of {string.Join(", ", ApiFlow.All.Select(flow => flow.Id))}.";
                        return false;
                    }

                    break;

                case "base-url":
                    if (!Uri.TryCreate(value, UriKind.Absolute, out baseUrl) || (baseUrl.Scheme != Uri.UriSchemeHttps && baseUrl.Scheme != Uri.UriSchemeHttp))
                    {
                        error = $"--base-url needs an absolute http or https URL, not '{value}'.";
                        return false;
                    }

                    break;

                case "timeout":
                    if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds is < 1 or > MaxTimeoutSeconds)
                    {
                        error = $"--timeout needs a whole number of seconds from 1 to {MaxTimeoutSeconds}.";
                        return false;
                    }

                    timeout = TimeSpan.FromSeconds(seconds);
                    break;

                default:
                    credentials[name] = value;
                    break;
            }
        }

        if (baseUrl is not null && api is null)
        {
            error = "--base-url points one API at a real service; say which with --api <name>.";
            return false;
        }

        if (credentials.Count > 0 && baseUrl is null)
        {
            error = $"--{credentials.Keys.First()} is a credential for a real service: add --api and --base-url (the emulator uses its own demo credentials).";
            return false;
        }

        if (api is not null)
        {
            var foreign = credentials.Keys.FirstOrDefault(name => api.CredentialOptions.All(option => option.Name != name));
            if (foreign is not null)
            {
                error = $"--{foreign} is not an option of {api.DisplayName}; its options are {string.Join(", ", api.CredentialOptions.Select(option => option.Flag))}.";
                return false;
            }
        }

        CredentialValues? values = null;
        if (baseUrl is not null)
        {
            // The command line wins over the environment, so a one-off value need not unset a variable.
            var resolved = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var option in api!.CredentialOptions)
            {
                var value = credentials.GetValueOrDefault(option.Name) ?? environment(option.EnvironmentVariable);
                if (!string.IsNullOrWhiteSpace(value))
                {
                    resolved[option.Name] = value;
                }
                else if (option.IsRequired)
                {
                    error = $"{api.DisplayName} against a real service needs {option.Flag} or the environment variable {option.EnvironmentVariable}.";
                    return false;
                }
            }

            values = new CredentialValues(resolved);
        }

        settings = new DemoSettings { Api = api, BaseUrl = baseUrl, Credentials = values, Timeout = timeout, NoFleet = noFleet };
        return true;
    }

    /// <summary>The text <c>--help</c> prints.</summary>
    /// <returns>The usage, built from the flows' options.</returns>
    public static string Usage()
    {
        var text = new StringBuilder();
        text.AppendLine("Usage: TokenGen.Demo [--api <name> [--base-url <url> <credentials>]] [--timeout <seconds>] [--no-fleet]");
        text.AppendLine();
        text.AppendLine("Runs the token flows of the five TokenGen clients and prints a table: API, operation,");
        text.AppendLine("HTTP status, the token's first 6 characters, its kind and its expiry. With no options all");
        text.AppendLine("five run against an emulator started inside this process, with its demo credentials; then");
        text.AppendLine("the Direct Line and Prowler token sessions live through several expiries on the emulator's");
        text.AppendLine("clock, which the demo moves forward (not with --base-url). Last, when redis-server is installed,");
        text.AppendLine("three processes of this demo share one Direct Line session through a Redis started for the run,");
        text.AppendLine("and the emulator counts one token request per expiry window for all of them.");
        text.AppendLine();
        text.AppendLine("Options:");
        text.AppendLine($"  --api <name>         Run only this API: {string.Join(", ", ApiFlow.All.Select(flow => flow.Id))}.");
        text.AppendLine("  --base-url <url>     Send that API's requests to this address (a real service) instead of the");
        text.AppendLine("                       emulator. Needs --api and that API's credentials, listed below.");
        text.AppendLine(CultureInfo.InvariantCulture, $"  --timeout <seconds>  Per-request timeout (default {DefaultTimeout.TotalSeconds:0}).");
        text.AppendLine("  --no-fleet           Leave out the fleet section (it starts redis-server and three more processes).");
        text.AppendLine("  -h, --help           Show this text.");
        text.AppendLine("Every option also takes the form --name=value (use it for a value that starts with --).");
        text.AppendLine();
        text.AppendLine("Credentials, per API, for --base-url. Each can instead come from the environment variable");
        text.AppendLine("next to it; prefer that for secrets (marked *), so they stay out of shell history and out");
        text.AppendLine("of process listings. The command line wins over the environment. Full tokens and secrets");
        text.AppendLine("are never printed.");
        foreach (var flow in ApiFlow.All)
        {
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"  {flow.Id} ({flow.DisplayName}), base URL e.g. {flow.BaseUrlExample}");
            foreach (var option in flow.CredentialOptions)
            {
                var usage = $"{option.Flag} <{option.ValueName}>{(option.IsSecret ? " *" : string.Empty)}";
                text.AppendLine(CultureInfo.InvariantCulture,
                    $"    {usage,-24}{option.EnvironmentVariable,-32}{(option.IsRequired ? "required; " : string.Empty)}{option.Description}");
            }

            if (flow.RealServiceNote is { } note)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"    Note: {note}");
            }
        }

        text.AppendLine();
        text.AppendLine("Example:");
        text.AppendLine("  TOKENGEN_DIRECTLINE_SECRET=... TokenGen.Demo --api directline --base-url https://directline.botframework.com");
        text.AppendLine();
        text.AppendLine("Exit code: 0 when every operation succeeded, 1 when one failed (reasons on standard error),");
        text.AppendLine("2 for a usage error, 130 when cancelled with Ctrl+C.");
        return text.ToString();
    }
}
