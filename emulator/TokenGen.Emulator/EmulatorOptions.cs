using System;

namespace TokenGen.Emulator;

/// <summary>How <see cref="EmulatorHost.StartAsync"/> starts the emulator. Every member has a working default.</summary>
public sealed class EmulatorOptions
{
    /// <summary>The loopback port to listen on; <see langword="null"/> or 0 lets the system choose a free one.</summary>
    public int? Port { get; set; }

    /// <summary>
    /// The clock every token lifetime is measured by. Tests pass a fake they can move to expire tokens.
    /// The <c>delay</c> fault does not use it: it always waits in real time.
    /// </summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>The seeded credentials; <see cref="EmulatorCredentials.Demo"/> by default.</summary>
    public EmulatorCredentials Credentials { get; set; } = EmulatorCredentials.Demo;

    /// <summary>Direct Line: how long a token lives (<c>expires_in</c>). 30 minutes, as the service documents.</summary>
    public TimeSpan DirectLineTokenLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Banyan: how long an access token from <c>/api/v1/refresh_token</c> lives. One hour (INFERRED: "short-lived").</summary>
    public TimeSpan BanyanAccessTokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Esper: how long an API token lives (the seeded key from start, a renewed one from renewal). 30 days.</summary>
    public TimeSpan EsperTokenLifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Run:ai: how long an access token lives (<c>expiresIn</c>). One hour.</summary>
    public TimeSpan RunAiAccessTokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Run:ai: how long a refresh token stays usable. 24 hours.</summary>
    public TimeSpan RunAiRefreshTokenLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Prowler: how long an access token lives. 30 minutes, Prowler's default.</summary>
    public TimeSpan ProwlerAccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Prowler: how long a refresh token lives. 1440 minutes, Prowler's default.</summary>
    public TimeSpan ProwlerRefreshTokenLifetime { get; set; } = TimeSpan.FromMinutes(1440);

    /// <summary>
    /// The faults for every request that carries no <c>X-Emulator-Fault</c> header of its own, in that header's
    /// syntax (for example <c>delay=200</c>, or <c>status=503</c> for an outage); <see langword="null"/> (the default)
    /// for none. Code that cannot set headers on its requests (an app under test) meets the faults this way.
    /// </summary>
    /// <remarks>A request's own header replaces this whole: the two are not merged. Checked at start: a value the
    /// header would refuse makes <see cref="EmulatorHost.StartAsync"/> throw <see cref="ArgumentException"/>.</remarks>
    public string? DefaultFault { get; set; }

    internal void Validate()
    {
        if (Port is < 0 or > 65535)
        {
            throw new ArgumentOutOfRangeException(nameof(Port), Port, "The port must be between 0 and 65535.");
        }

        ArgumentNullException.ThrowIfNull(TimeProvider);
        ArgumentNullException.ThrowIfNull(Credentials);
        if (!Faults.TryParse(DefaultFault, out _, out var faultError))
        {
            throw new ArgumentException(faultError, nameof(DefaultFault));
        }

        RequirePositive(DirectLineTokenLifetime, nameof(DirectLineTokenLifetime));
        RequirePositive(BanyanAccessTokenLifetime, nameof(BanyanAccessTokenLifetime));
        RequirePositive(EsperTokenLifetime, nameof(EsperTokenLifetime));
        RequirePositive(RunAiAccessTokenLifetime, nameof(RunAiAccessTokenLifetime));
        RequirePositive(RunAiRefreshTokenLifetime, nameof(RunAiRefreshTokenLifetime));
        RequirePositive(ProwlerAccessTokenLifetime, nameof(ProwlerAccessTokenLifetime));
        RequirePositive(ProwlerRefreshTokenLifetime, nameof(ProwlerRefreshTokenLifetime));
    }

    private static void RequirePositive(TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(name, value, "A token lifetime must be positive.");
        }
    }
}
