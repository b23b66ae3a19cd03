using System;
using System.Collections.Generic;
using System.Globalization;
using TokenGen.Generator.Model;

namespace TokenGen.Generator.Emitting;

/// <summary>
/// The names one operation's generated methods may use. A user's parameter can be called anything
/// (<c>uri</c>, <c>httpRequest</c>, <c>_httpClient</c>, <c>@class</c>), so generated locals take a numeric suffix
/// when a parameter or an earlier local already has their name, and class members a parameter would hide are
/// reached through <c>this.</c> or the client's qualified name.
/// </summary>
internal sealed class OperationScope
{
    private readonly HashSet<string> _parameterNames = new(StringComparer.Ordinal);
    private readonly HashSet<string> _takenNames = new(StringComparer.Ordinal);
    private readonly string _clientFullName;

    /// <param name="parameters">The operation's parameters.</param>
    /// <param name="names">The client's member names, which locals should not hide either.</param>
    /// <param name="clientFullName">The client class, <c>global::</c>-qualified, for reaching hidden static members.</param>
    public OperationScope(EquatableArray<ParameterSpec> parameters, GeneratedNames names, string clientFullName)
    {
        _clientFullName = clientFullName;
        Names = names;
        foreach (var parameter in parameters)
        {
            var name = CSharpText.WithoutVerbatimPrefix(parameter.Name);
            _parameterNames.Add(name);
            _takenNames.Add(name);
        }

        foreach (var memberName in names.MemberNames)
        {
            _takenNames.Add(memberName);
        }
    }

    /// <summary>The names of the client's members.</summary>
    public GeneratedNames Names { get; }

    /// <summary>Claims a local name: <paramref name="preferred"/>, or it with the first free suffix 2, 3, ….</summary>
    public string ReserveLocal(string preferred)
    {
        var name = preferred;
        for (var suffix = 2; !_takenNames.Add(name); suffix++)
        {
            name = preferred + suffix.ToString(CultureInfo.InvariantCulture);
        }

        return name;
    }

    /// <summary>How to reach an instance member: its name, or <c>this.name</c> when a parameter hides it.</summary>
    public string InstanceMember(string name) =>
        _parameterNames.Contains(name) ? "this." + name : name;

    /// <summary>How to reach a static member: its name, or the client-qualified name when a parameter hides it.</summary>
    public string StaticMember(string name) =>
        _parameterNames.Contains(name) ? _clientFullName + "." + name : name;
}
