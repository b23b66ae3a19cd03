using System;

namespace TokenGen;

/// <summary>
/// Marks an operation that must never be sent again blindly after a transient failure, such as a refresh that rotates
/// its refresh token: when the answer is lost, the service may already have rotated it, and a second attempt would
/// only be refused. A resilience handler leaves such requests to the caller (a <see cref="TokenSession"/> falls back
/// to one acquire).
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class NoRetryAttribute : Attribute
{
}
