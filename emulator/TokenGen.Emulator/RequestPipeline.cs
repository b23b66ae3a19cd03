using System;
using System.Collections.Generic;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace TokenGen.Emulator;

/// <summary>
/// What every request goes through: counted under its route key, its <c>X-Emulator-Fault</c> header applied,
/// the operation run (unless a fault answers instead), and the reply written, whole or damaged.
/// </summary>
internal sealed class RequestPipeline
{
    private readonly Dictionary<string, StrongBox<int>> _counts = new(StringComparer.Ordinal);
    private readonly Faults _defaultFaults;

    /// <param name="defaultFault">The faults of requests without the header (<see cref="EmulatorOptions.DefaultFault"/>), already validated.</param>
    public RequestPipeline(string? defaultFault = null)
    {
        if (!Faults.TryParse(defaultFault, out _defaultFaults, out var error))
        {
            throw new ArgumentException(error, nameof(defaultFault));
        }

        foreach (var key in EmulatorRoutes.All)
        {
            _counts.Add(key, new StrongBox<int>());
        }
    }

    public int Count(string routeKey)
    {
        ArgumentNullException.ThrowIfNull(routeKey);
        return _counts.TryGetValue(routeKey, out var box)
            ? Volatile.Read(ref box.Value)
            : throw new ArgumentException($"Unknown route key '{routeKey}'. The keys are the constants of {nameof(EmulatorRoutes)}.", nameof(routeKey));
    }

    public IReadOnlyDictionary<string, int> Snapshot()
    {
        var snapshot = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (key, box) in _counts)
        {
            snapshot.Add(key, Volatile.Read(ref box.Value));
        }

        return snapshot;
    }

    public void Reset()
    {
        foreach (var box in _counts.Values)
        {
            Volatile.Write(ref box.Value, 0);
        }
    }

    /// <summary>The endpoint for one operation: counts it, then runs it through the fault stage.</summary>
    public RequestDelegate Route(string routeKey, Api api, Func<HttpContext, Task<Reply>> operation)
    {
        var box = _counts[routeKey];
        return context =>
        {
            Interlocked.Increment(ref box.Value);
            return RunAsync(context, api, operation);
        };
    }

    /// <summary>The endpoint for paths under an API's prefix that match none of its operations.</summary>
    public RequestDelegate NotFound(Api api)
    {
        Func<HttpContext, Task<Reply>> operation = context => Task.FromResult(ApiErrors.For(api, StatusCodes.Status404NotFound,
            $"No operation {context.Request.Method} {context.Request.Path} in the emulated API."));
        return context => RunAsync(context, api, operation);
    }

    private async Task RunAsync(HttpContext context, Api api, Func<HttpContext, Task<Reply>> operation)
    {
        Faults faults;
        if (!context.Request.Headers.TryGetValue(Faults.HeaderName, out var header))
        {
            faults = _defaultFaults;
        }
        else if (!Faults.TryParse(header.ToString(), out faults, out var error))
        {
            await WriteAsync(context, Reply.Raw(StatusCodes.Status400BadRequest, "text/plain; charset=utf-8", Encoding.UTF8.GetBytes(error!)));
            return;
        }

        if (faults.DelayMilliseconds is { } delay)
        {
            try
            {
                // Real time on purpose: a test's fake clock must not freeze the wait.
                await Task.Delay(delay, context.RequestAborted);
            }
            catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
            {
                return;
            }
        }

        Reply reply;
        if (faults.Status is { } status)
        {
            reply = ApiErrors.For(api, status);
            if (faults.RetryAfterSeconds is { } seconds)
            {
                reply.WithHeader("Retry-After", seconds.ToString(CultureInfo.InvariantCulture));
            }
        }
        else if (faults.Malformed)
        {
            reply = Reply.Raw(StatusCodes.Status200OK, api == Api.Prowler ? Reply.JsonApiContentType : Reply.JsonContentType,
                "{\"emulator\": \"malformed\", \"token\": <this is not JSON>"u8.ToArray());
        }
        else
        {
            try
            {
                reply = await operation(context);
            }
            catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (!context.Response.HasStarted)
            {
                reply = ApiErrors.For(api, StatusCodes.Status500InternalServerError, "The emulator failed: " + exception.Message);
            }
        }

        if (faults.Drop)
        {
            await WriteHeadAndPartAsync(context, reply);

            // A moment for the head to reach the client, so the reset usually lands mid-body rather than
            // overtaking the headers in the client's socket buffer.
            try
            {
                await Task.Delay(50, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                // The client left already; the abort below is then a no-op.
            }

            context.Abort();
        }
        else if (faults.Truncate)
        {
            // Content-Length promises the whole body; ending after half of it makes Kestrel close the connection,
            // so the client sees a response that ended prematurely.
            await WriteHeadAndPartAsync(context, reply);
        }
        else
        {
            await WriteAsync(context, reply);
        }
    }

    private static void WriteHead(HttpContext context, Reply reply)
    {
        var response = context.Response;
        response.StatusCode = reply.Status;
        response.ContentType = reply.ContentType;
        response.ContentLength = reply.Body.Length;
        response.Headers.CacheControl = "no-store";
        foreach (var (name, value) in reply.Headers)
        {
            response.Headers.Append(name, value);
        }
    }

    private static async Task WriteAsync(HttpContext context, Reply reply)
    {
        WriteHead(context, reply);
        await context.Response.Body.WriteAsync(reply.Body, context.RequestAborted);
    }

    private static async Task WriteHeadAndPartAsync(HttpContext context, Reply reply)
    {
        WriteHead(context, reply);
        await context.Response.StartAsync(context.RequestAborted);
        var part = reply.Body.Length / 2;
        if (part > 0)
        {
            await context.Response.Body.WriteAsync(reply.Body.AsMemory(0, part), context.RequestAborted);
        }

        await context.Response.Body.FlushAsync(context.RequestAborted);
    }
}
