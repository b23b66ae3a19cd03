using System.Net;
using TokenGen.Clients.OAuth2;
using TokenGen.TestKit;

namespace TokenGen.OAuth2.Tests;

/// <summary>
/// The device flow (RFC 8628) against a recording handler with the RFC's example requests and answers, byte for byte;
/// <see cref="OpenIddictDeviceFlowTests"/> runs it against OpenIddict. Polling runs on a fake clock the test moves
/// exactly as far as the client waits.
/// </summary>
public sealed class DeviceFlowTests
{
    private const string DeviceAuthorization = """
        {"device_code":"GmRhmhcxhwAzkoEqiMEg_DnyEysNkuNhszIySk9eS","user_code":"WDJB-MJHT","verification_uri":"https://example.com/device",
         "verification_uri_complete":"https://example.com/device?user_code=WDJB-MJHT","expires_in":1800,"interval":5}
        """;

    private const string Token = """{"access_token":"SlAV32hkKG","token_type":"Bearer","refresh_token":"8xLOxBtZp8","expires_in":3600}""";

    private const string PollBody =
        "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Adevice_code&device_code=GmRhmhcxhwAzkoEqiMEg_DnyEysNkuNhszIySk9eS&client_id=1406020730";

    private static OAuth2Client Client(RecordingHandler handler, TimeProvider clock) =>
        new(new OAuth2Endpoints(new Uri("https://example.com/token")) { DeviceAuthorizationEndpoint = new Uri("https://example.com/device_authorization") },
            OAuth2ClientAuthentication.PublicClient("1406020730"),
            new HttpClient(handler),
            new TokenApiClientOptions { TimeProvider = clock });

    [Fact]
    public async Task Device_authorization_request_and_answer_are_rfc_8628_sections_3_1_and_3_2()
    {
        var handler = new RecordingHandler().Answer(DeviceAuthorization);

        var answer = await Client(handler, TimeProvider.System).RequestDeviceAuthorizationAsync("example_scope");

        var request = Assert.Single(handler.Requests);
        Assert.Equal(new Uri("https://example.com/device_authorization"), request.Uri);
        Assert.Null(request.Authorization);
        Assert.Equal("client_id=1406020730&scope=example_scope", request.Body);
        Assert.Equal("WDJB-MJHT", answer.UserCode);
        Assert.Equal("https://example.com/device", answer.VerificationUri);
        Assert.Equal(1800, answer.ExpiresIn);
        Assert.Equal(5, answer.Interval);
    }

    [Fact]
    public async Task Polling_waits_the_interval_goes_on_while_pending_and_slows_down_by_five_seconds()
    {
        var clock = new VirtualClock(new DateTimeOffset(2026, 12, 7, 10, 0, 0, TimeSpan.Zero));
        var handler = new RecordingHandler()
            .Answer(DeviceAuthorization)
            .Error(OAuth2ErrorCodes.AuthorizationPending)
            .Error(OAuth2ErrorCodes.SlowDown)
            .Error(OAuth2ErrorCodes.AuthorizationPending)
            .Error(OAuth2ErrorCodes.SlowDown)
            .Answer(Token);
        var client = Client(handler, clock);
        var authorization = await client.RequestDeviceAuthorizationAsync("example_scope");
        handler.Requests.Clear();

        var polling = client.WaitForDeviceTokenAsync(authorization);
        var waits = new List<TimeSpan>();
        for (var poll = 0; poll < 5; poll++)
        {
            var wait = await clock.NextTimerAsync();
            Assert.Equal(poll, handler.Requests.Count);   // nothing is sent before the wait is over
            waits.Add(wait);
            clock.Advance(wait);
        }

        var token = await polling;

        Assert.Equal([5, 5, 10, 10, 15], waits.Select(w => w.TotalSeconds));
        Assert.Equal(5, handler.Requests.Count);
        Assert.All(handler.Requests, r => Assert.Equal(PollBody, r.Body));
        Assert.Equal("SlAV32hkKG", token.AccessToken);
    }

    [Fact]
    public async Task An_interval_left_out_means_five_seconds()
    {
        var clock = new VirtualClock(new DateTimeOffset(2026, 12, 7, 10, 0, 0, TimeSpan.Zero));
        var handler = new RecordingHandler().Answer(Token);
        var polling = Client(handler, clock).WaitForDeviceTokenAsync(new DeviceAuthorizationResponse { DeviceCode = "d", ExpiresIn = 600 });

        var wait = await clock.NextTimerAsync();
        clock.Advance(wait);
        await polling;

        Assert.Equal(TimeSpan.FromSeconds(5), wait);
    }

    [Theory]
    [InlineData(OAuth2ErrorCodes.ExpiredToken)]
    [InlineData(OAuth2ErrorCodes.AccessDenied)]
    public async Task Expired_token_and_access_denied_end_the_polling_with_their_error(string error)
    {
        var clock = new VirtualClock(new DateTimeOffset(2026, 12, 7, 10, 0, 0, TimeSpan.Zero));
        var handler = new RecordingHandler().Error(OAuth2ErrorCodes.AuthorizationPending).Error(error);
        var polling = Client(handler, clock).WaitForDeviceTokenAsync(new DeviceAuthorizationResponse { DeviceCode = "d", ExpiresIn = 600, Interval = 5 });

        clock.Advance(await clock.NextTimerAsync());
        clock.Advance(await clock.NextTimerAsync());
        var exception = await Assert.ThrowsAsync<TokenApiException>(() => polling);

        Assert.True(exception.IsOAuth2Error(error));
        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task Polling_stops_when_expires_in_has_passed_without_sending_a_late_poll()
    {
        var clock = new VirtualClock(new DateTimeOffset(2026, 12, 7, 10, 0, 0, TimeSpan.Zero));
        var handler = new RecordingHandler().Error(OAuth2ErrorCodes.AuthorizationPending);
        var polling = Client(handler, clock).WaitForDeviceTokenAsync(new DeviceAuthorizationResponse { DeviceCode = "d", ExpiresIn = 12, Interval = 5 });

        clock.Advance(await clock.NextTimerAsync());   // poll at 5 s
        clock.Advance(await clock.NextTimerAsync());   // poll at 10 s; the next would be at 15 s, past the 12 s lifetime

        await Assert.ThrowsAsync<TimeoutException>(() => polling);
        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task Cancelling_stops_the_polling_during_a_wait()
    {
        var clock = new VirtualClock(new DateTimeOffset(2026, 12, 7, 10, 0, 0, TimeSpan.Zero));
        var handler = new RecordingHandler().Error(OAuth2ErrorCodes.AuthorizationPending);
        using var cancellation = new CancellationTokenSource();
        var polling = Client(handler, clock).WaitForDeviceTokenAsync(
            new DeviceAuthorizationResponse { DeviceCode = "d", ExpiresIn = 600, Interval = 5 }, cancellation.Token);

        clock.Advance(await clock.NextTimerAsync());
        await clock.NextTimerAsync();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => polling);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task A_device_flow_session_shows_the_user_code_polls_and_then_refreshes_with_rotation()
    {
        var clock = new VirtualClock(new DateTimeOffset(2026, 12, 7, 10, 0, 0, TimeSpan.Zero));
        var handler = new RecordingHandler()
            .Answer(DeviceAuthorization)
            .Error(OAuth2ErrorCodes.AuthorizationPending)
            .Answer(Token)
            .Answer("""{"access_token":"second","token_type":"Bearer","refresh_token":"rotated","expires_in":3600}""");
        var client = Client(handler, clock);
        var shown = new List<string>();
        await using var session = client.CreateDeviceFlowSession(
            (authorization, _) => { shown.Add(authorization.UserCode!); return Task.CompletedTask; },
            scope: "example_scope",
            options: new TokenSessionOptions { TimeProvider = clock });

        var first = session.GetAccessTokenAsync().AsTask();
        clock.Advance(await clock.NextTimerAsync());
        clock.Advance(await clock.NextTimerAsync());

        Assert.Equal("SlAV32hkKG", await first);
        Assert.Equal(["WDJB-MJHT"], shown);

        clock.Advance(TimeSpan.FromMinutes(55));
        var second = await session.GetTokenAsync();

        Assert.Equal("second", second.AccessToken);
        Assert.Equal("rotated", second.RefreshToken);
        Assert.Equal(
            "grant_type=refresh_token&refresh_token=8xLOxBtZp8&client_id=1406020730",
            handler.Requests[^1].Body);
        Assert.Equal(4, handler.Requests.Count);
    }
}
