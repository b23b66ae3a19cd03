using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using TokenGen.Diagnostics;

namespace TokenGen.Runtime.Tests.Observability;

/// <summary>One measurement of a TokenGen instrument, with its tags.</summary>
internal sealed record Measurement(string Instrument, string? Unit, double Value, IReadOnlyDictionary<string, object?> Tags)
{
    public object? Tag(string name) => Tags.TryGetValue(name, out object? value) ? value : null;
}

/// <summary>
/// Listens to the <c>TokenGen</c> meter and activity source (and <c>System.Net.Http</c>'s spans) for one test. Listeners
/// see every test running in the process at the same time, so each test reads only what carries its own unique session
/// or operation name (<see cref="For"/>, <see cref="SpansOf"/>).
/// </summary>
internal sealed class TelemetryRecorder : IDisposable
{
    private readonly MeterListener _meterListener = new();
    private readonly ActivityListener _activityListener;

    public TelemetryRecorder()
    {
        _meterListener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == TokenGenTelemetry.MeterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _meterListener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _meterListener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _meterListener.Start();

        _activityListener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is TokenGenTelemetry.ActivitySourceName or "System.Net.Http",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => Spans.Enqueue(activity),
        };
        ActivitySource.AddActivityListener(_activityListener);
    }

    /// <summary>Every measurement of a TokenGen instrument since the recorder started, from any test.</summary>
    public ConcurrentQueue<Measurement> Measurements { get; } = new();

    /// <summary>Every span of TokenGen and System.Net.Http that ended since the recorder started, from any test.</summary>
    public ConcurrentQueue<Activity> Spans { get; } = new();

    /// <summary>A name no other test uses, for a session or an operation.</summary>
    public static string UniqueName(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>The measurements of <paramref name="instrument"/> whose <paramref name="tag"/> is <paramref name="value"/>.</summary>
    public Measurement[] For(string instrument, string tag, string value) =>
        [.. Measurements.Where(m => m.Instrument == instrument && Equals(m.Tag(tag), value))];

    /// <summary>The measurements of <paramref name="instrument"/> for the session named <paramref name="sessionName"/>.</summary>
    public Measurement[] ForSession(string instrument, string sessionName) => For(instrument, "tokengen.session.name", sessionName);

    /// <summary>All measurements, of any instrument, for the session named <paramref name="sessionName"/>.</summary>
    public Measurement[] AllForSession(string sessionName) =>
        [.. Measurements.Where(m => Equals(m.Tag("tokengen.session.name"), sessionName))];

    /// <summary>The TokenGen spans of the session named <paramref name="sessionName"/>.</summary>
    public Activity[] SpansOf(string sessionName) =>
        [.. Spans.Where(s => s.Source.Name == TokenGenTelemetry.ActivitySourceName && Equals(s.GetTagItem("tokengen.session.name"), sessionName))];

    public void Dispose()
    {
        _meterListener.Dispose();
        _activityListener.Dispose();
    }

    /// <summary>
    /// Runs <paramref name="task"/> to its end on <paramref name="clock"/>, moving the clock in small steps while the code
    /// under test waits on it (retries, polls), since nothing else moves a fake clock.
    /// </summary>
    public static async Task<T> RunAsync<T>(FakeTimeProvider clock, Task<T> task)
    {
        for (int step = 0; !task.IsCompleted && step < 10_000; step++)
        {
            clock.Advance(TimeSpan.FromMilliseconds(50));
            await Task.WhenAny(task, Task.Delay(1));
        }

        return await task;
    }

    private void Record<T>(Instrument instrument, T value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        where T : struct
    {
        var copy = new Dictionary<string, object?>(tags.Length);
        foreach (KeyValuePair<string, object?> tag in tags)
        {
            copy[tag.Key] = tag.Value;
        }

        Measurements.Enqueue(new Measurement(instrument.Name, instrument.Unit, Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture), copy));
    }
}
