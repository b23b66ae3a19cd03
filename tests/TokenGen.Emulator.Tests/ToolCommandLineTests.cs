using System;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using TokenGen.Emulator.Tool;

namespace TokenGen.Emulator.Tests;

/// <summary>The <c>tokengen-emulator</c> tool's options and its clock; the packed tool itself runs in the packaging tests.</summary>
public sealed class ToolCommandLineTests
{
    private static readonly DateTimeOffset RealNow = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Every_option_sets_what_the_emulator_starts_with()
    {
        var parsed = CommandLine.TryParse(
            [
                "--port", "5080",
                "--clock-start", "2030-01-01T00:00:00Z",
                "--clock-rate", "60",
                "--lifetime", "directline=90s",
                "--lifetime", "Prowler-Refresh=2h",
                "--lifetime", "esper=3d",
                "--fault", "delay=200; status=429; retry-after=2",
            ],
            out var commandLine,
            out var error);

        Assert.True(parsed, error);
        Assert.False(commandLine.Help);
        var options = commandLine.ToEmulatorOptions(new FakeTimeProvider(RealNow));
        Assert.Equal(5080, options.Port);
        Assert.Equal("delay=200; status=429; retry-after=2", options.DefaultFault);
        Assert.Equal(TimeSpan.FromSeconds(90), options.DirectLineTokenLifetime);
        Assert.Equal(TimeSpan.FromHours(2), options.ProwlerRefreshTokenLifetime);
        Assert.Equal(TimeSpan.FromDays(3), options.EsperTokenLifetime);
        Assert.Equal(new EmulatorOptions().RunAiAccessTokenLifetime, options.RunAiAccessTokenLifetime);
        Assert.Equal(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero), options.TimeProvider.GetUtcNow());
    }

    [Fact]
    public void Without_options_it_takes_a_free_port_the_real_clock_and_no_fault()
    {
        var real = new FakeTimeProvider(RealNow);

        Assert.True(CommandLine.TryParse([], out var commandLine, out _));
        var options = commandLine.ToEmulatorOptions(real);

        Assert.Equal(0, options.Port);
        Assert.Null(options.DefaultFault);
        Assert.Same(real, options.TimeProvider);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    public void Help_asks_for_the_usage_which_names_every_option(string flag)
    {
        Assert.True(CommandLine.TryParse([flag], out var commandLine, out _));

        Assert.True(commandLine.Help);
        foreach (var option in new[] { "--port <n>", "--clock-start <instant>", "--clock-rate <factor>", "--lifetime <name>=<time>", "--fault <items>", "--help" })
        {
            Assert.Contains(option, CommandLine.Usage, StringComparison.Ordinal);
        }

        foreach (var name in new[] { "directline", "banyan-access", "esper", "runai-access", "runai-refresh", "prowler-access", "prowler-refresh" })
        {
            Assert.True(CommandLine.TryParse(["--lifetime", name + "=1m"], out _, out var error), error);
            Assert.Contains(name, CommandLine.Usage, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(new[] { "--verbose" }, "Unknown argument '--verbose'.")]
    [InlineData(new[] { "--port" }, "--port needs a value.")]
    [InlineData(new[] { "--port", "65536" }, "--port takes a number from 0 to 65535")]
    [InlineData(new[] { "--port", "-1" }, "--port takes a number from 0 to 65535")]
    [InlineData(new[] { "--clock-start", "next tuesday" }, "--clock-start takes an ISO 8601 instant")]
    [InlineData(new[] { "--clock-rate", "0" }, "--clock-rate takes a positive number")]
    [InlineData(new[] { "--clock-rate", "fast" }, "--clock-rate takes a positive number")]
    [InlineData(new[] { "--lifetime", "directline" }, "--lifetime takes <name>=<time>")]
    [InlineData(new[] { "--lifetime", "github=5m" }, "--lifetime takes <name>=<time>")]
    [InlineData(new[] { "--lifetime", "esper=0s" }, "--lifetime esper: '0s' is not a positive time")]
    [InlineData(new[] { "--lifetime", "esper=5w" }, "--lifetime esper: '5w' is not a positive time")]
    [InlineData(new[] { "--lifetime", "esper=99999999d" }, "--lifetime esper: '99999999d' is not a positive time")]
    [InlineData(new[] { "--fault", "status=200" }, "--fault: Unrecognised X-Emulator-Fault item 'status=200'.")]
    [InlineData(new[] { "--fault", "drop;truncate" }, "--fault: X-Emulator-Fault: status, drop, truncate and malformed each decide the answer")]
    public void A_mistake_is_refused_with_a_message_naming_the_option(string[] args, string expected)
    {
        Assert.False(CommandLine.TryParse(args, out _, out var error));

        Assert.StartsWith(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_clock_starts_where_it_is_told_and_runs_at_its_rate()
    {
        var real = new FakeTimeProvider(RealNow);
        var start = new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var clock = new EmulatorClock(real, start, rate: 60);

        Assert.Equal(start, clock.GetUtcNow());
        real.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(start.AddMinutes(30), clock.GetUtcNow());
    }

    [Fact]
    public void Without_a_start_the_clock_starts_now_and_a_rate_below_one_slows_it()
    {
        var real = new FakeTimeProvider(RealNow);
        var clock = new EmulatorClock(real, start: null, rate: 0.5);

        real.Advance(TimeSpan.FromMinutes(10));

        Assert.Equal(RealNow.AddMinutes(5), clock.GetUtcNow());
    }

    [Fact]
    public async Task A_fast_clock_and_a_short_lifetime_expire_a_token_after_a_few_real_seconds()
    {
        var real = new FakeTimeProvider(RealNow);
        Assert.True(CommandLine.TryParse(["--clock-rate", "60", "--lifetime", "directline=2m"], out var commandLine, out _));
        await using var host = await EmulatorHost.StartAsync(commandLine.ToEmulatorOptions(real));
        using var http = new System.Net.Http.HttpClient();
        var generate = new Uri(host.DirectLineBaseAddress, "v3/directline/tokens/generate");
        var refresh = new Uri(host.DirectLineBaseAddress, "v3/directline/tokens/refresh");

        var (_, conversation) = await SendAsync(http, Harness.Post(generate, host.Credentials.DirectLineSecret));
        Assert.Equal(120, conversation.GetProperty("expires_in").GetInt32());
        var token = conversation.GetProperty("token").GetString()!;

        real.Advance(TimeSpan.FromSeconds(1));   // one emulated minute: still valid
        var (beforeExpiry, _) = await SendAsync(http, Harness.Post(refresh, token));
        real.Advance(TimeSpan.FromSeconds(2));   // three emulated minutes after it was issued
        var (afterExpiry, error) = await SendAsync(http, Harness.Post(refresh, token));

        Assert.Equal(200, beforeExpiry);
        Assert.Equal(403, afterExpiry);
        Assert.Equal("TokenExpired", error.GetProperty("error").GetProperty("code").GetString());
    }

    private static async Task<(int Status, System.Text.Json.JsonElement Body)> SendAsync(System.Net.Http.HttpClient http, System.Net.Http.HttpRequestMessage request)
    {
        using var response = await http.SendAsync(request);
        using var document = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return ((int)response.StatusCode, document.RootElement.Clone());
    }
}
