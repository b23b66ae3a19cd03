namespace TokenGen.Generator.Emitting;

/// <summary>How one operation appears in the client class, as <see cref="GeneratedNames"/> decided it.</summary>
internal readonly struct OperationPlan
{
    public OperationPlan(string requestMethodName, bool isExplicitImplementation, bool hidesObjectMember, string? fixedUriFieldName)
    {
        RequestMethodName = requestMethodName;
        IsExplicitImplementation = isExplicitImplementation;
        HidesObjectMember = hidesObjectMember;
        FixedUriFieldName = fixedUriFieldName;
    }

    /// <summary>The private method that builds the request: <c>Create{Name without Async}Request</c>, numbered when taken.</summary>
    public string RequestMethodName { get; }

    /// <summary>
    /// Whether the operation is implemented as <c>Interface.Method</c>: an earlier operation already has a public method of
    /// the same signature (two base interfaces that declare the same method), or a public method would introduce a
    /// <c>Finalize()</c>.
    /// </summary>
    public bool IsExplicitImplementation { get; }

    /// <summary>
    /// Whether its public method has the signature of one of <see cref="object"/>'s (<c>ToString()</c>, <c>GetType()</c>,
    /// <c>Equals(object)</c>, …), which it then hides on purpose: declared <c>new</c>, not left to warning CS0108/CS0114.
    /// </summary>
    public bool HidesObjectMember { get; }

    /// <summary>
    /// For an operation whose URI takes no argument (no route value, no query parameter), the static field that keeps its
    /// URI per base address, shared by every operation with the same route; otherwise <see langword="null"/>.
    /// </summary>
    public string? FixedUriFieldName { get; }
}
