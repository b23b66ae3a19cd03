using System;

namespace TokenGen;

/// <summary>
/// A constant field of the operation's form body, such as OAuth 2.0's <c>grant_type</c>: sent before the fields of the
/// operation's <c>[Form]</c> parameters (or of its form or multipart <c>[Body]</c> model), in the order the attributes are
/// written. An operation with constant fields and no other body sends a form of just those fields.
/// </summary>
/// <example>
/// <code>
/// [Post("/token"), FormField("grant_type", "refresh_token")]
/// Task&lt;TokenResponse&gt; RefreshAsync([Form("refresh_token")] string refreshToken, CancellationToken cancellationToken = default);
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = false)]
public sealed class FormFieldAttribute : Attribute
{
    /// <summary>A form field <paramref name="name"/> whose value is always <paramref name="value"/>.</summary>
    /// <param name="name">The field's name, for example <c>grant_type</c>.</param>
    /// <param name="value">The field's value, for example <c>client_credentials</c>; form-encoded when sent.</param>
    public FormFieldAttribute(string name, string value)
    {
        Name = name;
        Value = value;
    }

    /// <summary>The field's name.</summary>
    public string Name { get; }

    /// <summary>The field's value.</summary>
    public string Value { get; }
}
