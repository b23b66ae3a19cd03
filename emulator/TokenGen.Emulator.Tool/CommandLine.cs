using System;
using System.Collections.Generic;
using System.Globalization;

namespace TokenGen.Emulator.Tool;

/// <summary>What the command line asked for; <see cref="Parse"/> reads it, <see cref="ToEmulatorOptions"/> applies it.</summary>
internal sealed class CommandLine
{
    public const string Usage = """
        Usage: tokengen-emulator [options]

        Runs an emulator of five token APIs (Direct Line, Banyan, Esper, Run:ai, Prowler) on 127.0.0.1, prints
        where each API lives and its demo credentials, and runs until Ctrl+C or SIGTERM.

        Options:
          --port <n>                 the loopback port to listen on; 0 (the default) takes a free one
          --clock-start <instant>    the emulator's clock starts at this instant (ISO 8601, e.g. 2030-01-01T00:00:00Z)
                                     instead of now, and runs on from there
          --clock-rate <factor>      the clock runs this many times as fast as real time (default 1; with 60 a
                                     30-minute token expires after 30 real seconds)
          --lifetime <name>=<time>   how long one kind of token lives; <time> is a number with s, m, h or d
                                     (90s, 5m, 2h, 30d); names: directline, banyan-access, esper, runai-access,
                                     runai-refresh, prowler-access, prowler-refresh; repeatable
          --fault <items>            faults for every request without an X-Emulator-Fault header of its own, in that
                                     header's syntax: status=<400-599>[;retry-after=<s>] | delay=<ms> | drop |
                                     truncate | malformed (delay combines with one of the others), e.g. "status=503"
          -h, --help                 shows this text

        Faults per request: send the header X-Emulator-Fault with the same items.
        """;

    /// <summary>The names <c>--lifetime</c> takes, each with the option it sets.</summary>
    private static readonly Dictionary<string, Action<EmulatorOptions, TimeSpan>> Lifetimes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["directline"] = (o, t) => o.DirectLineTokenLifetime = t,
        ["banyan-access"] = (o, t) => o.BanyanAccessTokenLifetime = t,
        ["esper"] = (o, t) => o.EsperTokenLifetime = t,
        ["runai-access"] = (o, t) => o.RunAiAccessTokenLifetime = t,
        ["runai-refresh"] = (o, t) => o.RunAiRefreshTokenLifetime = t,
        ["prowler-access"] = (o, t) => o.ProwlerAccessTokenLifetime = t,
        ["prowler-refresh"] = (o, t) => o.ProwlerRefreshTokenLifetime = t,
    };

    private readonly List<(string Name, TimeSpan Lifetime)> _lifetimes = [];

    public bool Help { get; private set; }

    public int Port { get; private set; }

    public DateTimeOffset? ClockStart { get; private set; }

    public double ClockRate { get; private set; } = 1;

    public string? Fault { get; private set; }

    public IReadOnlyList<(string Name, TimeSpan Lifetime)> TokenLifetimes => _lifetimes;

    /// <summary>Reads <paramref name="args"/>; on a mistake returns false with a one-line <paramref name="error"/>.</summary>
    public static bool TryParse(IReadOnlyList<string> args, out CommandLine commandLine, out string? error)
    {
        commandLine = new CommandLine();
        error = null;
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name is "-h" or "--help" or "-?")
            {
                commandLine.Help = true;
                continue;
            }

            if (name is not ("--port" or "--clock-start" or "--clock-rate" or "--lifetime" or "--fault"))
            {
                error = $"Unknown argument '{name}'.";
                return false;
            }

            if (i + 1 >= args.Count)
            {
                error = $"{name} needs a value.";
                return false;
            }

            var value = args[++i];
            switch (name)
            {
                case "--port" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port <= 65535:
                    commandLine.Port = port;
                    break;
                case "--port":
                    error = $"--port takes a number from 0 to 65535, not '{value}'.";
                    return false;
                case "--clock-start" when DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var start):
                    commandLine.ClockStart = start;
                    break;
                case "--clock-start":
                    error = $"--clock-start takes an ISO 8601 instant such as 2030-01-01T00:00:00Z, not '{value}'.";
                    return false;
                case "--clock-rate" when double.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var rate)
                                         && rate > 0 && !double.IsInfinity(rate):
                    commandLine.ClockRate = rate;
                    break;
                case "--clock-rate":
                    error = $"--clock-rate takes a positive number such as 60 or 0.5, not '{value}'.";
                    return false;
                case "--lifetime":
                    if (!TryParseLifetime(value, out var lifetime, out error))
                    {
                        return false;
                    }

                    commandLine._lifetimes.Add(lifetime);
                    break;
                case "--fault":
                    // The header's own parser and message.
                    if (!Faults.TryParse(value, out _, out var faultError))
                    {
                        error = "--fault: " + faultError;
                        return false;
                    }

                    commandLine.Fault = value;
                    break;
            }
        }

        return true;
    }

    /// <summary>The emulator's options: the port, the fault, the token lifetimes, and a clock over <paramref name="realClock"/>.</summary>
    public EmulatorOptions ToEmulatorOptions(TimeProvider realClock)
    {
        var options = new EmulatorOptions
        {
            Port = Port,
            DefaultFault = Fault,
            TimeProvider = ClockStart is null && ClockRate == 1 ? realClock : new EmulatorClock(realClock, ClockStart, ClockRate),
        };
        foreach (var (name, lifetime) in _lifetimes)
        {
            Lifetimes[name](options, lifetime);
        }

        return options;
    }

    private static bool TryParseLifetime(string value, out (string Name, TimeSpan Lifetime) lifetime, out string? error)
    {
        lifetime = default;
        error = null;
        var equals = value.IndexOf('=', StringComparison.Ordinal);
        var name = equals < 0 ? value : value[..equals];
        if (equals < 0 || !Lifetimes.ContainsKey(name))
        {
            error = $"--lifetime takes <name>=<time> with a name of {string.Join(", ", Lifetimes.Keys)}, not '{value}'.";
            return false;
        }

        if (!TryParseDuration(value[(equals + 1)..], out var duration))
        {
            error = $"--lifetime {name}: '{value[(equals + 1)..]}' is not a positive time such as 90s, 5m, 2h or 30d.";
            return false;
        }

        lifetime = (name.ToLowerInvariant(), duration);
        return true;
    }

    private static bool TryParseDuration(string text, out TimeSpan duration)
    {
        duration = default;
        long unitSeconds = text.Length < 2 ? 0 : text[^1] switch
        {
            's' => 1,
            'm' => 60,
            'h' => 3600,
            'd' => 86_400,
            _ => 0,
        };
        // At most a century, which also keeps every sum of a lifetime and a date in range.
        if (unitSeconds == 0
            || !long.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var amount)
            || amount <= 0
            || amount > 36_500L * 86_400 / unitSeconds)
        {
            return false;
        }

        duration = TimeSpan.FromSeconds(amount * unitSeconds);
        return true;
    }
}
