using System;
using System.Collections.Generic;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace TokenGen;

/// <summary>
/// The <see cref="TokenApiHttpClientOptions"/> a configuration section can carry (<c>TokenGen:Clients:prowler</c>), named
/// like the client's <see cref="System.Net.Http.HttpClient"/>. Bound by the configuration binder's source generator;
/// checked by <see cref="TokenApiClientSettingsValidator"/>. The base address is a string here so that an empty or
/// relative one is reported with its key, not as a conversion failure.
/// </summary>
internal sealed class TokenApiClientSettings : ConfigurationSettings
{
    /// <summary>A nested section of a client's own, which <c>AddTokenApiResilience(section.GetSection("Resilience"))</c> reads.</summary>
    internal const string ResilienceKey = "Resilience";

    private static readonly string[] s_keys =
    {
        nameof(BaseAddress), nameof(Timeout), nameof(MaxResponseContentBytes), nameof(AllowInsecureHttp), ResilienceKey,
    };

    public string? BaseAddress { get; set; }

    public TimeSpan? Timeout { get; set; }

    public long? MaxResponseContentBytes { get; set; }

    public bool? AllowInsecureHttp { get; set; }

    protected override IReadOnlyList<string> Keys => s_keys;

    protected override string Subject => "a token API client";

    internal void BindFrom(IConfigurationSection section)
    {
        section.Bind(this);
        Bound(section);
    }

    /// <summary>Sets the values the section carries; the validator has accepted them, so no setter throws.</summary>
    internal void ApplyTo(TokenApiHttpClientOptions options)
    {
        if (BaseAddress is { } address)
        {
            options.BaseAddress = new Uri(address, UriKind.Absolute);
        }

        if (Timeout is { } timeout)
        {
            options.Timeout = timeout;
        }

        if (MaxResponseContentBytes is { } bytes)
        {
            options.MaxResponseContentBytes = bytes;
        }

        if (AllowInsecureHttp is { } allowInsecureHttp)
        {
            options.AllowInsecureHttp = allowInsecureHttp;
        }
    }
}

/// <summary>
/// Checks <see cref="TokenApiClientSettings"/> against the rules of <see cref="TokenApiHttpClientOptions"/>, and refuses
/// at startup a plain-http base address that the client would refuse at its first call (see
/// <see cref="TokenSessionSettingsValidator"/> for why by hand).
/// </summary>
internal sealed class TokenApiClientSettingsValidator : IValidateOptions<TokenApiClientSettings>
{
    public ValidateOptionsResult Validate(string? name, TokenApiClientSettings options)
    {
        ArgumentNullException.ThrowIfNull(options);
        List<string> failures = options.UnknownKeyFailures();
        if (options.BaseAddress is { } address)
        {
            if (string.IsNullOrWhiteSpace(address))
            {
                failures.Add(options.Failure(
                    nameof(options.BaseAddress),
                    "is empty: give an absolute https URI, or leave the key out to use the interface's [TokenApi(BaseAddress)]."));
            }
            else if (!Uri.TryCreate(address, UriKind.Absolute, out Uri? uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            {
                failures.Add(options.Failure(nameof(options.BaseAddress), "must be an absolute http or https URI", address));
            }
            else if (uri.Scheme == Uri.UriSchemeHttp && !uri.IsLoopback && options.AllowInsecureHttp != true)
            {
                failures.Add(options.Failure(
                    nameof(options.BaseAddress),
                    "sends credentials over plain http to a host other than loopback: use https, or set AllowInsecureHttp to true",
                    address));
            }
        }

        if (options.Timeout is { } timeout && !ConfigurationSettings.TimeRules.IsPositiveOrInfinite(timeout))
        {
            failures.Add(options.Failure(nameof(options.Timeout), ConfigurationSettings.TimeRules.PositiveOrInfinite, timeout));
        }

        if (options.MaxResponseContentBytes is { } bytes && bytes <= 0)
        {
            failures.Add(options.Failure(nameof(options.MaxResponseContentBytes), "must be 1 or more", bytes));
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
