using System;
using System.Runtime.CompilerServices;
using System.Text.Json;
using TokenGen.Clients.Banyan;
using TokenGen.Clients.DirectLine;
using TokenGen.Clients.Esper;
using TokenGen.Clients.Prowler;
using TokenGen.Infrastructure;
using ProwlerTokenResponse = TokenGen.Clients.Prowler.TokenResponse;
using RunAiTokenResponse = TokenGen.Clients.RunAi.TokenResponse;

namespace TokenGen.Clients.Tests.Sessions;

/// <summary>
/// What the generator registered for the clients' response types, checked at run time and apart from the TG0022
/// analyzer: a reader for every response that carries an access token, reading it from wherever it sits, and none for
/// Banyan's v2 answer, which carries only a refresh token and cannot feed a session.
/// </summary>
public sealed class TokenReaderRegistrationTests
{
    private static readonly DateTimeOffset Expiry = new(2025, 6, 16, 9, 30, 0, TimeSpan.Zero);

    public TokenReaderRegistrationTests()
    {
        // The readers are registered by the clients assembly's module initializer; run it now rather than rely on some
        // earlier test having touched that assembly.
        RuntimeHelpers.RunModuleConstructor(typeof(Conversation).Module.ModuleHandle);
    }

    [Fact]
    public void Direct_Line_Conversation_reads_token_and_expires_in()
    {
        var values = TokenResponseReaders.Read(new Conversation { ConversationId = "c", Token = "dl-access", ExpiresIn = 1800 });

        Assert.Equal(new TokenResponseValues("dl-access", null, 1800, null), values);
    }

    [Fact]
    public void Banyan_v1_reads_the_Message_as_the_access_token_and_v2_has_no_reader()
    {
        var values = TokenResponseReaders.Read(new RefreshTokenV1Response { Message = "bnn-access" });

        Assert.Equal(new TokenResponseValues("bnn-access", null, null, null), values);
        Assert.False(TokenResponseReaders.TryGet<RefreshTokenV2Response>(out _), "RefreshTokenV2Response carries no access token.");
    }

    [Fact]
    public void Esper_token_info_and_renew_read_token_and_expiry()
    {
        var info = TokenResponseReaders.Read(new TokenInfoV1 { Token = "esper-key", ExpiresOn = Expiry });
        var renewed = TokenResponseReaders.Read(new TokenRenewV0 { Token = "esper-renewed", ExpiresAt = Expiry });

        Assert.Equal(new TokenResponseValues("esper-key", null, null, Expiry), info);
        Assert.Equal(new TokenResponseValues("esper-renewed", null, null, Expiry), renewed);
    }

    [Fact]
    public void RunAi_token_and_app_token_responses_read_their_tokens()
    {
        var granted = TokenResponseReaders.Read(new RunAiTokenResponse { AccessToken = "runai-access", IdToken = "runai-id", RefreshToken = "runai-refresh", ExpiresIn = 1200 });
        var app = TokenResponseReaders.Read(new Clients.RunAi.AppTokenResponse { AccessToken = "runai-app-access", IdToken = "runai-app-id" });

        Assert.Equal(new TokenResponseValues("runai-access", "runai-refresh", 1200, null), granted);
        Assert.Equal(new TokenResponseValues("runai-app-access", null, null, null), app);
    }

    [Fact]
    public void Prowler_obtain_refresh_and_switch_read_the_pair_at_data_attributes()
    {
        static TAnswer Pair<TAnswer>(string access, string refresh)
            where TAnswer : JsonApiDocument<TokenAttributes>, new() =>
            new() { Data = new JsonApiResource<TokenAttributes> { Attributes = new TokenAttributes { Access = access, Refresh = refresh } } };

        Assert.Equal(new TokenResponseValues("a1", "r1", null, null), TokenResponseReaders.Read(Pair<ProwlerTokenResponse>("a1", "r1")));
        Assert.Equal(new TokenResponseValues("a2", "r2", null, null), TokenResponseReaders.Read(Pair<TokenRefreshResponse>("a2", "r2")));
        Assert.Equal(new TokenResponseValues("a3", "r3", null, null), TokenResponseReaders.Read(Pair<TokenSwitchTenantResponse>("a3", "r3")));

        // A document without data is a response without a token, not a crash.
        Assert.Equal(default, TokenResponseReaders.Read(new ProwlerTokenResponse()));
    }

    /// <remarks>
    /// A lifetime of 10^12 seconds is absurd but valid JSON: it must reach the session, which clamps it and logs, rather
    /// than fail deserialization as it would in an <c>int</c>.
    /// </remarks>
    [Fact]
    public void An_absurd_expires_in_reads_as_it_is_for_Direct_Line_and_RunAi()
    {
        var conversation = JsonSerializer.Deserialize(
            """{"conversationId":"c","token":"dl-access","expires_in":1000000000000}""", DirectLineJsonContext.Default.Conversation);
        var granted = JsonSerializer.Deserialize(
            """{"accessToken":"runai-access","expiresIn":1000000000000}""", Clients.RunAi.RunAiJsonContext.Default.TokenResponse);

        Assert.Equal(1_000_000_000_000, TokenResponseReaders.Read(conversation!).ExpiresInSeconds);
        Assert.Equal(1_000_000_000_000, TokenResponseReaders.Read(granted!).ExpiresInSeconds);
    }
}
