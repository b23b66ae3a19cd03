using System;
using System.IO;
using System.Linq;
using TokenGen.Generator.Model;
using TokenGen.Generator.Parsing;

namespace TokenGen.Generator.Tests.Parsing;

/// <summary>
/// The binding-attribute table is the one place the parser learns which attribute binds a parameter where; these tests
/// hold the runtime's attributes, the table and the reference page to each other, so none can gain a binding alone.
/// </summary>
public sealed class BindingAttributeTableTests
{
    [Fact]
    public void EveryParameterAttributeOfTheRuntimeThatBindsAValueIsInTheTable()
    {
        var runtime = typeof(TokenApiAttribute).Assembly;
        var parameterAttributes = runtime.GetExportedTypes()
            .Where(type => typeof(Attribute).IsAssignableFrom(type) && !type.IsAbstract)
            .Where(type => type.GetCustomAttributes(typeof(AttributeUsageAttribute), inherit: true)
                .Cast<AttributeUsageAttribute>()
                .Any(usage => usage.ValidOn.HasFlag(AttributeTargets.Parameter)))
            .Select(type => type.FullName)
            .OrderBy(name => name, StringComparer.Ordinal)
            .ToArray();

        var inTable = BindingAttributes.All.Select(attribute => attribute.MetadataName).OrderBy(name => name, StringComparer.Ordinal).ToArray();

        Assert.Equal(parameterAttributes, inTable);
    }

    [Fact]
    public void EachBindingHasOneAttributeAndTheCancellationTokenNone()
    {
        var bound = Enum.GetValues<ParameterBinding>().Where(binding => binding != ParameterBinding.CancellationToken);

        Assert.Equal(bound.OrderBy(b => b), BindingAttributes.All.Select(attribute => attribute.Binding).OrderBy(b => b));
        Assert.Throws<InvalidOperationException>(() => BindingAttributes.For(ParameterBinding.CancellationToken));
    }

    [Fact]
    public void TheReferencePageDescribesEveryBindingAttribute()
    {
        var page = File.ReadAllText(Path.Combine(DiagnosticTests.RepositoryRoot(), "docs", "reference.md"));

        foreach (var attribute in BindingAttributes.All)
        {
            Assert.Contains("| `" + attribute.ShortName + "` | parameter |", page, StringComparison.Ordinal);
        }

        // The page's sentence on which attributes take collections says what the table decides.
        var collections = BindingAttributes.All.Where(attribute => attribute.AcceptsCollection).Select(attribute => "`" + attribute.ShortName + "`").ToArray();
        Assert.Contains(string.Join(", ", collections[..^1]) + " and " + collections[^1] + " take a simple type", page, StringComparison.Ordinal);
    }

    [Fact]
    public void MessagesListTheAttributesInTableOrder()
    {
        Assert.Equal("[Body], [Header], [Query], [Path] or [Form]", BindingAttributes.AnyOf);
        Assert.Equal("[Body], [Header], [Query], [Path] and [Form]", BindingAttributes.AllOf);
    }
}
