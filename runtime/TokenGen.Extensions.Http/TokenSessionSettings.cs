using System;
using System.Collections.Generic;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace TokenGen;

/// <summary>
/// The <see cref="TokenSessionOptions"/> a configuration section can carry (<c>TokenGen:Sessions:prowler</c>), named
/// like the session. Bound by the configuration binder's source generator; checked by
/// <see cref="TokenSessionSettingsValidator"/>; applied over the options <c>AddTokenSession</c> hands its factory.
/// </summary>
internal sealed class TokenSessionSettings : ConfigurationSettings
{
    private static readonly string[] s_keys =
    {
        nameof(MinimumRefreshSkew), nameof(RefreshSkewRatio), nameof(ProactiveRefresh), nameof(ReadJwtExpiry),
    };

    public TimeSpan? MinimumRefreshSkew { get; set; }

    public double? RefreshSkewRatio { get; set; }

    public bool? ProactiveRefresh { get; set; }

    public bool? ReadJwtExpiry { get; set; }

    protected override IReadOnlyList<string> Keys => s_keys;

    protected override string Subject => "a token session";

    internal void BindFrom(IConfigurationSection section)
    {
        section.Bind(this);
        Bound(section);
    }

    /// <summary>Sets the values the section carries; the validator has accepted them, so no setter throws.</summary>
    internal void ApplyTo(TokenSessionOptions options)
    {
        if (MinimumRefreshSkew is { } skew)
        {
            options.MinimumRefreshSkew = skew;
        }

        if (RefreshSkewRatio is { } ratio)
        {
            options.RefreshSkewRatio = ratio;
        }

        if (ProactiveRefresh is { } proactive)
        {
            options.ProactiveRefresh = proactive;
        }

        if (ReadJwtExpiry is { } readJwtExpiry)
        {
            options.ReadJwtExpiry = readJwtExpiry;
        }
    }
}

/// <summary>
/// Checks <see cref="TokenSessionSettings"/> against the rules of <see cref="TokenSessionOptions"/>'s setters, with
/// messages that name the configuration key and its value. Written by hand rather than generated from DataAnnotations:
/// an attribute's message can name neither the bad value nor the key's full configuration path.
/// </summary>
internal sealed class TokenSessionSettingsValidator : IValidateOptions<TokenSessionSettings>
{
    public ValidateOptionsResult Validate(string? name, TokenSessionSettings options)
    {
        ArgumentNullException.ThrowIfNull(options);
        List<string> failures = options.UnknownKeyFailures();
        if (options.MinimumRefreshSkew is { } skew && skew < TimeSpan.Zero)
        {
            failures.Add(options.Failure(nameof(options.MinimumRefreshSkew), "must be 00:00:00 or longer", skew));
        }

        if (options.RefreshSkewRatio is { } ratio && !(ratio is >= 0 and <= 1))
        {
            failures.Add(options.Failure(nameof(options.RefreshSkewRatio), "must be between 0 and 1", ratio));
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
