using System;
using System.Collections.Generic;
using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace TokenGen;

/// <summary>
/// What the settings bound from one configuration section share: where they came from, so every validation message
/// names the full key (<c>TokenGen:Sessions:prowler:MinimumRefreshSkew</c>) a user has to change, and which keys of the
/// section matched no setting, so a misspelt key fails at startup instead of being ignored.
/// </summary>
/// <remarks>
/// The settings types are internal and separate from the public options on purpose: their values are nullable, so a key
/// left out keeps the default or what code set; and their setters accept anything, so a bad value reaches the validator
/// (with its key and value in the message) rather than throwing from a setter in the middle of binding. The state here
/// lives in fields, which the configuration binder never touches.
/// </remarks>
internal abstract class ConfigurationSettings
{
    private string _path = string.Empty;
    private List<string> _unknownKeys = new();

    /// <summary>The setting names a section may carry, matched without regard to case as configuration keys are.</summary>
    protected abstract IReadOnlyList<string> Keys { get; }

    /// <summary>What the section configures, for the message about an unknown key: "a token session".</summary>
    protected abstract string Subject { get; }

    /// <summary>Records the section these settings were bound from, after the binder has run.</summary>
    protected void Bound(IConfigurationSection section)
    {
        _path = section.Path;
        _unknownKeys = new List<string>();
        foreach (IConfigurationSection child in section.GetChildren())
        {
            if (!Contains(Keys, child.Key))
            {
                _unknownKeys.Add(child.Key);
            }
        }
    }

    /// <summary>Starts the list of failures with one for each key that is not a setting.</summary>
    internal List<string> UnknownKeyFailures()
    {
        var failures = new List<string>();
        foreach (string key in _unknownKeys)
        {
            failures.Add($"{_path}:{key} is not a setting of {Subject}; the settings are {string.Join(", ", Keys)}.");
        }

        return failures;
    }

    /// <summary>A failure naming the key's full path, the rule it breaks and the value it has.</summary>
    internal string Failure(string key, string rule, object value) =>
        string.Create(CultureInfo.InvariantCulture, $"{_path}:{key} {rule} (it is {Format(value)}).");

    /// <summary>A failure naming the key's full path and what is wrong with it, for values that are best not repeated.</summary>
    internal string Failure(string key, string problem) => $"{_path}:{key} {problem}";

    private static string Format(object value) => value switch
    {
        TimeSpan time => time.ToString("c", CultureInfo.InvariantCulture),
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        string text => "\"" + text + "\"",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private static bool Contains(IReadOnlyList<string> keys, string key)
    {
        foreach (string candidate in keys)
        {
            if (string.Equals(candidate, key, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The time rules of the runtime's options, in one place so every message states them alike.</summary>
    internal static class TimeRules
    {
        /// <summary>The longest time setting any TokenGen option accepts (the bound of <c>HttpClient.Timeout</c>).</summary>
        public static readonly TimeSpan Max = TokenApiResilienceOptions.MaxTimeSetting;

        public static readonly string ZeroOrPositive =
            "must be between 00:00:00 and " + Max.ToString("c", CultureInfo.InvariantCulture);

        public static readonly string PositiveOrInfinite =
            "must be more than 00:00:00 and at most " + Max.ToString("c", CultureInfo.InvariantCulture)
            + ", or -00:00:00.0010000 (infinite)";

        public static bool IsZeroOrPositive(TimeSpan value) => value >= TimeSpan.Zero && value <= Max;

        public static bool IsPositiveOrInfinite(TimeSpan value) =>
            value == System.Threading.Timeout.InfiniteTimeSpan || (value > TimeSpan.Zero && value <= Max);
    }
}
