using TokenGen.Emulator;
using TokenGen.TestKit;

namespace TokenGen.Fleet.Tests;

/// <summary>
/// K separate processes of one application, each with M concurrent callers, sharing one token session through one real
/// Redis, against the emulator this test hosts: the acquires and refreshes are counted where they arrive, at the emulator.
/// Every process's clock and the emulator's are the system clock plus one offset the test moves, so each round is one
/// expiry window without waiting for it.
/// </summary>
public sealed class MultiProcessFleetTests(RedisServer redis) : IClassFixture<RedisServer>
{
    private const int Processes = 3;
    private const int CallersEach = 16;

    [Fact]
    public async Task A_fleet_of_processes_costs_one_acquire_then_one_refresh_per_expiry_window()
    {
        var clock = new ShiftedClock();
        await using EmulatorHost emulator = await EmulatorHost.StartAsync(new EmulatorOptions { TimeProvider = clock });
        FleetProcess[] fleet = await StartFleetAsync("directline", emulator);
        try
        {
            for (int round = 0; round < 4; round++)
            {
                if (round > 0)
                {
                    // Direct Line tokens live 30 minutes and are due from 27: each round is a new expiry window.
                    clock.Advance(TimeSpan.FromMinutes(29));
                }

                string token = await RunRoundAsync(fleet, clock, round);
                int fetches = emulator.RequestCount(EmulatorRoutes.DirectLineGenerate) + emulator.RequestCount(EmulatorRoutes.DirectLineRefresh);
                Assert.True(fetches == round + 1,
                    $"Round {round}: {Processes} processes x {CallersEach} callers made {fetches} token requests in all, expected {round + 1} (one per window); token {token}.");
            }

            Assert.Equal(1, emulator.RequestCount(EmulatorRoutes.DirectLineGenerate));
            Assert.Equal(3, emulator.RequestCount(EmulatorRoutes.DirectLineRefresh));
        }
        finally
        {
            await StopAsync(fleet);
        }
    }

    [Fact]
    public async Task Rotation_under_contention_across_processes_never_sends_a_refresh_token_twice()
    {
        var clock = new ShiftedClock();
        await using EmulatorHost emulator = await EmulatorHost.StartAsync(new EmulatorOptions { TimeProvider = clock });
        FleetProcess[] fleet = await StartFleetAsync("prowler", emulator);
        const int Rounds = 6;
        try
        {
            for (int round = 0; round < Rounds; round++)
            {
                if (round > 0)
                {
                    // Prowler's access token lives 30 minutes; its refresh token rotates on every use, and the emulator
                    // refuses one used twice (which would show as an obtain, the session's fall-back).
                    clock.Advance(TimeSpan.FromMinutes(28));
                }

                await RunRoundAsync(fleet, clock, round);
            }

            string[] sent = [.. fleet.SelectMany(process => process.RefreshesSent)];
            Assert.Equal(sent.Length, sent.Distinct().Count());
            Assert.Equal(Rounds - 1, sent.Length);
            Assert.Equal(Rounds - 1, emulator.RequestCount(EmulatorRoutes.ProwlerRefresh));
            Assert.Equal(1, emulator.RequestCount(EmulatorRoutes.ProwlerObtain));
        }
        finally
        {
            await StopAsync(fleet);
        }
    }

    /// <summary>Sets every process's clock, then starts all their callers together; returns the one token all got.</summary>
    private static async Task<string> RunRoundAsync(FleetProcess[] fleet, ShiftedClock clock, int round)
    {
        await Task.WhenAll(fleet.Select(process => process.SetClockAsync(clock.Offset)));
        await Task.WhenAll(fleet.Select(process => process.StartRoundAsync(round)));
        (int Failures, string[] Tokens)[] results = await Task.WhenAll(fleet.Select(process => process.RoundResultAsync(round)));

        Assert.All(results, result => Assert.Equal(0, result.Failures));
        string[] tokens = [.. results.SelectMany(result => result.Tokens).Distinct()];
        Assert.True(tokens.Length == 1, $"Round {round}: the fleet's callers got {tokens.Length} different tokens, expected one.");
        return tokens[0];
    }

    private async Task<FleetProcess[]> StartFleetAsync(string api, EmulatorHost emulator)
    {
        byte[] key = AesGcmTokenProtector.GenerateKey();
        return await Task.WhenAll(Enumerable.Range(0, Processes).Select(_ => FleetProcess.StartAsync(api, redis.Configuration, emulator.BaseAddress, CallersEach, key)));
    }

    private static async Task StopAsync(FleetProcess[] fleet)
    {
        foreach (FleetProcess process in fleet)
        {
            await process.DisposeAsync();
        }
    }
}
