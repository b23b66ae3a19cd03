using System;
using System.Globalization;

namespace TokenGen.Emulator;

/// <summary>
/// The faults one request asks for in the <c>X-Emulator-Fault</c> header: <c>;</c>-separated items, each
/// <c>name=value</c> or a bare flag, names case-insensitive, spaces ignored. See <see cref="EmulatorHost"/>.
/// </summary>
internal sealed class Faults
{
    public const string HeaderName = "X-Emulator-Fault";

    /// <summary>Answer with this status (400–599) and the API's error body, without running the operation.</summary>
    public int? Status { get; private set; }

    /// <summary>Seconds to send in <c>Retry-After</c> with <see cref="Status"/>.</summary>
    public int? RetryAfterSeconds { get; private set; }

    /// <summary>Milliseconds to wait (real time, abandoned when the client goes away) before answering.</summary>
    public int? DelayMilliseconds { get; private set; }

    /// <summary>Run the operation, send the headers and half the body, then reset the connection.</summary>
    public bool Drop { get; private set; }

    /// <summary>Run the operation, announce the full Content-Length, send half the body and end the response.</summary>
    public bool Truncate { get; private set; }

    /// <summary>Answer 200 with a body that is not valid JSON, without running the operation.</summary>
    public bool Malformed { get; private set; }

    public static bool TryParse(string? header, out Faults faults, out string? error)
    {
        faults = new Faults();
        error = null;
        if (string.IsNullOrWhiteSpace(header))
        {
            return true;
        }

        foreach (var rawItem in header.Split(';'))
        {
            var item = rawItem.Trim();
            if (item.Length == 0)
            {
                continue;
            }

            var equals = item.IndexOf('=', StringComparison.Ordinal);
            var name = (equals < 0 ? item : item[..equals]).Trim().ToLowerInvariant();
            var value = equals < 0 ? null : item[(equals + 1)..].Trim();
            switch (name)
            {
                case "status" when TryInt(value, 400, 599, out var status):
                    faults.Status = status;
                    break;
                case "retry-after" when TryInt(value, 0, 86_400, out var seconds):
                    faults.RetryAfterSeconds = seconds;
                    break;
                case "delay" when TryInt(value, 0, 600_000, out var milliseconds):
                    faults.DelayMilliseconds = milliseconds;
                    break;
                case "drop" when value is null:
                    faults.Drop = true;
                    break;
                case "truncate" when value is null:
                    faults.Truncate = true;
                    break;
                case "malformed" when value is null:
                    faults.Malformed = true;
                    break;
                default:
                    error = $"Unrecognised {HeaderName} item '{item}'. Expected status=<400-599>, retry-after=<seconds>, "
                        + "delay=<milliseconds>, drop, truncate or malformed, separated by ';'.";
                    return false;
            }
        }

        if (faults.RetryAfterSeconds is not null && faults.Status is null)
        {
            error = $"{HeaderName}: retry-after needs a status (for example 'status=429;retry-after=2').";
            return false;
        }

        var answers = (faults.Status is null ? 0 : 1) + (faults.Drop ? 1 : 0) + (faults.Truncate ? 1 : 0) + (faults.Malformed ? 1 : 0);
        if (answers > 1)
        {
            error = $"{HeaderName}: status, drop, truncate and malformed each decide the answer; give at most one of them.";
            return false;
        }

        return true;
    }

    private static bool TryInt(string? value, int min, int max, out int result) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out result) && result >= min && result <= max;
}
