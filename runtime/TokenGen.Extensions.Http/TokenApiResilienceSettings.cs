using System;
using System.Collections.Generic;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace TokenGen;

/// <summary>
/// The <see cref="TokenApiResilienceOptions"/> a configuration section can carry (<c>TokenGen:Clients:prowler:Resilience</c>),
/// named like the <see cref="System.Net.Http.HttpClient"/> whose pipeline they configure. Bound by the configuration
/// binder's source generator; checked by <see cref="TokenApiResilienceSettingsValidator"/>.
/// </summary>
internal sealed class TokenApiResilienceSettings : ConfigurationSettings
{
    private static readonly string[] s_keys =
    {
        nameof(MaxAttempts), nameof(BaseDelay), nameof(MaxDelay), nameof(MaxRetryAfter), nameof(AttemptTimeout),
        nameof(TotalTimeout), nameof(BufferResponseContent), nameof(MaxBufferedContentBytes),
    };

    public int? MaxAttempts { get; set; }

    public TimeSpan? BaseDelay { get; set; }

    public TimeSpan? MaxDelay { get; set; }

    public TimeSpan? MaxRetryAfter { get; set; }

    public TimeSpan? AttemptTimeout { get; set; }

    public TimeSpan? TotalTimeout { get; set; }

    public bool? BufferResponseContent { get; set; }

    public long? MaxBufferedContentBytes { get; set; }

    protected override IReadOnlyList<string> Keys => s_keys;

    protected override string Subject => "the resilience handler";

    internal void BindFrom(IConfigurationSection section)
    {
        section.Bind(this);
        Bound(section);
    }

    /// <summary>Sets the values the section carries; the validator has accepted them, so no setter throws.</summary>
    internal void ApplyTo(TokenApiResilienceOptions options)
    {
        if (MaxAttempts is { } attempts)
        {
            options.MaxAttempts = attempts;
        }

        if (BaseDelay is { } baseDelay)
        {
            options.BaseDelay = baseDelay;
        }

        if (MaxDelay is { } maxDelay)
        {
            options.MaxDelay = maxDelay;
        }

        if (MaxRetryAfter is { } maxRetryAfter)
        {
            options.MaxRetryAfter = maxRetryAfter;
        }

        if (AttemptTimeout is { } attemptTimeout)
        {
            options.AttemptTimeout = attemptTimeout;
        }

        if (TotalTimeout is { } totalTimeout)
        {
            options.TotalTimeout = totalTimeout;
        }

        if (BufferResponseContent is { } buffer)
        {
            options.BufferResponseContent = buffer;
        }

        if (MaxBufferedContentBytes is { } maxBuffered)
        {
            options.MaxBufferedContentBytes = maxBuffered;
        }
    }
}

/// <summary>
/// Checks <see cref="TokenApiResilienceSettings"/> against the rules of <see cref="TokenApiResilienceOptions"/>'s setters,
/// with messages that name the configuration key and its value (see <see cref="TokenSessionSettingsValidator"/> for why
/// by hand).
/// </summary>
internal sealed class TokenApiResilienceSettingsValidator : IValidateOptions<TokenApiResilienceSettings>
{
    public ValidateOptionsResult Validate(string? name, TokenApiResilienceSettings options)
    {
        ArgumentNullException.ThrowIfNull(options);
        List<string> failures = options.UnknownKeyFailures();
        if (options.MaxAttempts is { } attempts && attempts is < 1 or > TokenApiResilienceOptions.MaxAttemptsLimit)
        {
            failures.Add(options.Failure(
                nameof(options.MaxAttempts), $"must be between 1 and {TokenApiResilienceOptions.MaxAttemptsLimit}", attempts));
        }

        ZeroOrPositive(options, failures, nameof(options.BaseDelay), options.BaseDelay);
        ZeroOrPositive(options, failures, nameof(options.MaxDelay), options.MaxDelay);
        ZeroOrPositive(options, failures, nameof(options.MaxRetryAfter), options.MaxRetryAfter);
        PositiveOrInfinite(options, failures, nameof(options.AttemptTimeout), options.AttemptTimeout);
        PositiveOrInfinite(options, failures, nameof(options.TotalTimeout), options.TotalTimeout);
        if (options.MaxBufferedContentBytes is { } bytes && (bytes <= 0 || bytes >= Array.MaxLength))
        {
            failures.Add(options.Failure(
                nameof(options.MaxBufferedContentBytes), $"must be between 1 and {Array.MaxLength - 1}", bytes));
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ZeroOrPositive(ConfigurationSettings settings, List<string> failures, string key, TimeSpan? value)
    {
        if (value is { } time && !ConfigurationSettings.TimeRules.IsZeroOrPositive(time))
        {
            failures.Add(settings.Failure(key, ConfigurationSettings.TimeRules.ZeroOrPositive, time));
        }
    }

    private static void PositiveOrInfinite(ConfigurationSettings settings, List<string> failures, string key, TimeSpan? value)
    {
        if (value is { } time && !ConfigurationSettings.TimeRules.IsPositiveOrInfinite(time))
        {
            failures.Add(settings.Failure(key, ConfigurationSettings.TimeRules.PositiveOrInfinite, time));
        }
    }
}
