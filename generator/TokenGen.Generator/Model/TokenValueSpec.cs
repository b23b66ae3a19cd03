namespace TokenGen.Generator.Model;

/// <summary>Where one token role's value sits in a response, and how it is converted.</summary>
/// <param name="Path">The members from the response to the role's member, the last being the member itself.</param>
/// <param name="Conversion">How the member's value becomes what <c>TokenResponseValues</c> takes.</param>
internal sealed record TokenValueSpec(EquatableArray<MemberAccessStep> Path, TokenValueConversion Conversion);
