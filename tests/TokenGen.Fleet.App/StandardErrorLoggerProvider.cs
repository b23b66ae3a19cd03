using Microsoft.Extensions.Logging;

namespace TokenGen.Fleet.App;

/// <summary>Writes every log line to standard error as <c>log: &lt;category&gt; &lt;event&gt; &lt;message&gt;</c>, for the tests to search.</summary>
internal sealed class StandardErrorLoggerProvider : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new Logger(categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (Console.Error)
            {
                Console.Error.WriteLine($"log: {category} {eventId.Name} {formatter(state, exception)}");
            }
        }
    }
}
