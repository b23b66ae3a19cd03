using TokenGen.Generator.Parsing;
using TokenGen.Tests.Shared;

namespace TokenGen.Generator.Tests;

/// <summary>The generator's side of the one secret-name rule; the runtime's tests check the same table.</summary>
public sealed class SecretNameRuleTests
{
    public static TheoryData<string, bool, bool> SecretNames => SecretNameCases.All;

    [Theory]
    [MemberData(nameof(SecretNames))]
    public void ModelMembersAreSecretsByTheTableBothAssembliesShare(string name, bool secretInAnswer, bool secretWhenSent)
    {
        Assert.Equal(secretInAnswer, SecretMembers.IsSecretName(name, isSent: false));
        Assert.Equal(secretWhenSent, SecretMembers.IsSecretName(name, isSent: true));
    }
}
