using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using TokenGen.Emulator;

namespace TokenGen.Demo.Flows;

/// <summary>
/// One API's token flow. It runs the same code against the emulator and against a real service: only the base
/// address and the <see cref="CredentialValues"/> differ, and for the emulator those come from its seeded demo
/// credentials. So a green emulator run says something about the path a user takes with real credentials.
/// </summary>
internal abstract class ApiFlow
{
    /// <summary>Every flow, in the order the table lists them.</summary>
    public static IReadOnlyList<ApiFlow> All { get; } =
        [new DirectLineFlow(), new BanyanFlow(), new EsperFlow(), new RunAiFlow(), new ProwlerFlow()];

    /// <summary>The name <c>--api</c> takes, and the middle of the environment variables' names (<c>directline</c>).</summary>
    public abstract string Id { get; }

    /// <summary>The name the table shows (<c>Direct Line</c>).</summary>
    public abstract string DisplayName { get; }

    /// <summary>The service's real base address, as <c>--help</c> suggests it for <c>--base-url</c>.</summary>
    public abstract string BaseUrlExample { get; }

    /// <summary>The credentials the flow reads against a real service.</summary>
    public abstract IReadOnlyList<CredentialOption> CredentialOptions { get; }

    /// <summary>Caveats for <c>--help</c>: what the flow does to a real account.</summary>
    public virtual string? RealServiceNote => null;

    /// <summary>Where this API lives in a running emulator.</summary>
    /// <param name="emulator">The emulator.</param>
    /// <returns>The API's base address there.</returns>
    public abstract Uri EmulatorBaseAddress(EmulatorHost emulator);

    /// <summary>The emulator's seeded credentials, as if they had been given on the command line.</summary>
    /// <param name="seeded">The emulator's credentials.</param>
    /// <returns>The values the flow reads.</returns>
    public abstract CredentialValues EmulatorCredentials(EmulatorCredentials seeded);

    /// <summary>Runs the flow's operations in order, each through <see cref="FlowContext.Steps"/>.</summary>
    /// <param name="context">The HTTP client, base address, credentials and step runner.</param>
    /// <param name="cancellationToken">Ctrl+C.</param>
    /// <returns>A task that completes when the flow has run.</returns>
    /// <exception cref="StepFailedException">A step failed; the rest of this flow cannot run.</exception>
    public abstract Task RunAsync(FlowContext context, CancellationToken cancellationToken);

    /// <summary>Declares a credential option of this flow.</summary>
    /// <param name="name">The option without its dashes.</param>
    /// <param name="valueName">What the value is, for the usage line.</param>
    /// <param name="description">What it is for.</param>
    /// <param name="isSecret">Whether it is a secret.</param>
    /// <param name="isRequired">Whether the flow needs it.</param>
    /// <returns>The option.</returns>
    protected CredentialOption Option(string name, string valueName, string description, bool isSecret = false, bool isRequired = false) =>
        new(Id, name, valueName, description, isSecret, isRequired);
}

/// <summary>What a flow runs with.</summary>
internal sealed class FlowContext
{
    /// <summary>Creates the context.</summary>
    /// <param name="httpClient">The one HTTP client every generated client sends through.</param>
    /// <param name="baseAddress">The API's base address: the emulator's prefix for it, or <c>--base-url</c>.</param>
    /// <param name="credentials">The credentials.</param>
    /// <param name="steps">Runs and records each operation.</param>
    public FlowContext(HttpClient httpClient, Uri baseAddress, CredentialValues credentials, StepRunner steps)
    {
        HttpClient = httpClient;
        BaseAddress = baseAddress;
        Credentials = credentials;
        Steps = steps;
    }

    /// <summary>The HTTP client the generated clients send through.</summary>
    public HttpClient HttpClient { get; }

    /// <summary>The API's base address.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The credentials.</summary>
    public CredentialValues Credentials { get; }

    /// <summary>Runs and records each operation.</summary>
    public StepRunner Steps { get; }

    /// <summary>
    /// Options that point a generated client at <see cref="BaseAddress"/>. Set per client rather than on the shared
    /// <see cref="HttpClient"/>, because the five APIs live at five different addresses.
    /// </summary>
    public TokenApiClientOptions ClientOptions => new() { BaseAddress = BaseAddress };
}
