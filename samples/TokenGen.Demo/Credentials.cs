using System;
using System.Collections.Generic;

namespace TokenGen.Demo;

/// <summary>
/// One credential an API's flow reads, given as <c>--name value</c> or through an environment variable. Declared per
/// flow so the parser, the validation and <c>--help</c> are all built from one list and cannot drift apart.
/// </summary>
internal sealed class CredentialOption
{
    /// <summary>Declares an option.</summary>
    /// <param name="apiId">The flow's id (<c>directline</c>), which names the environment variable.</param>
    /// <param name="name">The option without its dashes (<c>secret</c> for <c>--secret</c>).</param>
    /// <param name="valueName">What the value is, for the usage line (<c>s</c>, <c>uuid</c>).</param>
    /// <param name="description">What it is for, for <c>--help</c>.</param>
    /// <param name="isSecret">Whether <c>--help</c> should steer users to the environment variable.</param>
    /// <param name="isRequired">Whether the flow cannot start against a real service without it.</param>
    public CredentialOption(string apiId, string name, string valueName, string description, bool isSecret, bool isRequired)
    {
        Name = name;
        ValueName = valueName;
        Description = description;
        IsSecret = isSecret;
        IsRequired = isRequired;
        EnvironmentVariable = "TOKENGEN_" + apiId.ToUpperInvariant() + "_" + name.ToUpperInvariant().Replace('-', '_');
    }

    /// <summary>The option without its dashes, also the key in <see cref="CredentialValues"/>.</summary>
    public string Name { get; }

    /// <summary>The option as typed, <c>--secret</c>.</summary>
    public string Flag => "--" + Name;

    /// <summary>What the value is, for the usage line.</summary>
    public string ValueName { get; }

    /// <summary>What it is for.</summary>
    public string Description { get; }

    /// <summary>Whether the value is a secret (better passed through <see cref="EnvironmentVariable"/>).</summary>
    public bool IsSecret { get; }

    /// <summary>Whether the flow needs it against a real service.</summary>
    public bool IsRequired { get; }

    /// <summary>
    /// The variable read when the option is not on the command line: <c>TOKENGEN_&lt;API&gt;_&lt;OPTION&gt;</c>, for example
    /// <c>TOKENGEN_DIRECTLINE_SECRET</c>. Environment variables keep secrets out of shell history and process listings.
    /// </summary>
    public string EnvironmentVariable { get; }
}

/// <summary>
/// The credentials one flow runs with, keyed by <see cref="CredentialOption.Name"/>. The emulator's seeded demo
/// credentials arrive through this same type, so the emulator run takes exactly the code path a real run takes.
/// </summary>
/// <remarks>It deliberately has no member that lists the values, and its <see cref="ToString"/> shows none.</remarks>
internal sealed class CredentialValues
{
    private readonly Dictionary<string, string> _values;

    /// <summary>Wraps the values; empty strings count as absent.</summary>
    /// <param name="values">Option name to value.</param>
    public CredentialValues(IReadOnlyDictionary<string, string> values)
    {
        _values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in values)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                _values[name] = value;
            }
        }
    }

    /// <summary>A value the command line has already checked is present (<see cref="CredentialOption.IsRequired"/>).</summary>
    /// <param name="name">The option name.</param>
    /// <returns>The value.</returns>
    /// <exception cref="InvalidOperationException">It is absent: a flow asked for an option it did not declare required.</exception>
    public string Required(string name) =>
        _values.TryGetValue(name, out var value)
            ? value
            : throw new InvalidOperationException($"The credential --{name} is missing; the flow should have declared it required.");

    /// <summary>A value that may be absent; the flow skips or defaults what depends on it.</summary>
    /// <param name="name">The option name.</param>
    /// <returns>The value, or <see langword="null"/>.</returns>
    public string? Optional(string name) => _values.GetValueOrDefault(name);

    /// <summary>Says how many values there are, never what they are.</summary>
    /// <returns>A description without values.</returns>
    public override string ToString() => $"{_values.Count} credential value(s), not shown";
}
