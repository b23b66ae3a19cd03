using System;

namespace TokenGen.Demo.Output;

/// <summary>
/// The token one step is about, and what its answer said about expiry. A class without a generated
/// <c>ToString</c>, so the token cannot end up in a log by accident.
/// </summary>
internal sealed class StepToken
{
    /// <summary>Describes the token a step's answer carries.</summary>
    /// <param name="value">The token; <see langword="null"/> or empty fails the step, since the operation exists to issue it.</param>
    /// <param name="kind">What the token is, for the table (<c>access</c>, <c>refresh</c>, …).</param>
    /// <param name="field">Where it sits in the answer (<c>data.attributes.access</c>), for the message when it is missing.</param>
    /// <param name="expiresInSeconds">The lifetime the answer states, if any.</param>
    /// <param name="expiresAt">The expiry time the answer states, if any.</param>
    public StepToken(string? value, string kind, string field, long? expiresInSeconds = null, DateTimeOffset? expiresAt = null)
    {
        Value = value;
        Kind = kind;
        Field = field;
        ExpiresInSeconds = expiresInSeconds;
        ExpiresAt = expiresAt;
    }

    /// <summary>The token itself. Never printed: only <see cref="TokenText.Shorten"/> of it is.</summary>
    public string? Value { get; }

    /// <summary>What the token is.</summary>
    public string Kind { get; }

    /// <summary>Where it sits in the answer.</summary>
    public string Field { get; }

    /// <summary>The lifetime in seconds the answer states (<c>expires_in</c>, <c>expiresIn</c>).</summary>
    public long? ExpiresInSeconds { get; }

    /// <summary>The expiry time the answer states (<c>expires_on</c>, <c>expires_at</c>).</summary>
    public DateTimeOffset? ExpiresAt { get; }

    /// <summary>Says what kind of token this is, never the token.</summary>
    /// <returns>A description without the value.</returns>
    public override string ToString() => Kind + " token (" + Field + ")";
}
