using System;
using System.Collections.Generic;
using TokenGen.Generator.Model;

namespace TokenGen.Generator.Emitting;

/// <summary>
/// Writes one operation as two methods: the public <c>async</c> method with the interface's signature, which
/// sends and reads the answer, and a private synchronous method that builds the request (see
/// <c>OperationEmitter.Request.cs</c>).
/// </summary>
internal sealed partial class OperationEmitter
{
    private readonly SourceWriter _writer;
    private readonly ClientSpec _client;
    private readonly string _clientFullName;
    private readonly GeneratedNames _names;
    private readonly Dictionary<string, JsonTypeSpec> _jsonTypesByKey = new(StringComparer.Ordinal);

    /// <param name="writer">Where the methods go.</param>
    /// <param name="client">The client the operations belong to.</param>
    /// <param name="clientFullName">The client class, <c>global::</c>-qualified.</param>
    /// <param name="names">The names of the client's members.</param>
    public OperationEmitter(SourceWriter writer, ClientSpec client, string clientFullName, GeneratedNames names)
    {
        _writer = writer;
        _client = client;
        _clientFullName = clientFullName;
        _names = names;
        foreach (var jsonType in client.JsonTypes)
        {
            _jsonTypesByKey[jsonType.Type.ErasedName] = jsonType;
        }
    }

    /// <summary>Writes the operation's public method, a blank line, and its request-building method.</summary>
    /// <param name="operation">The operation.</param>
    /// <param name="plan">Its method names.</param>
    /// <param name="explainRequestMethod">Whether to say, once per file, why requests are built in their own method.</param>
    public void Write(OperationSpec operation, OperationPlan plan, bool explainRequestMethod)
    {
        var scope = new OperationScope(operation.Parameters, _names, _clientFullName);
        var httpRequest = scope.ReserveLocal("httpRequest");
        var httpResponse = scope.ReserveLocal("httpResponse");

        WriteOperationMethod(operation, plan, scope, httpRequest, httpResponse);
        _writer.WriteLine();

        if (explainRequestMethod)
        {
            _writer.WriteLine("// Each request is built in a synchronous method so the URI builder (a ref struct over stack memory) can be");
            _writer.WriteLine("// used: C# 12 does not allow ref struct locals in async methods.");
        }

        WriteRequestMethod(operation, plan, scope, httpRequest);
    }

    private void WriteOperationMethod(OperationSpec operation, OperationPlan plan, OperationScope scope, string httpRequest, string httpResponse)
    {
        var returnSpec = operation.Return;
        _writer.WriteLine("/// <inheritdoc />");
        WriteObligations(operation);
        if (plan.IsExplicitImplementation)
        {
            // Default values on an explicit implementation have no effect and draw warning CS1066.
            WriteMethodDeclaration(
                "async " + returnSpec.TaskType.FullName + " " + operation.ImplementedInterface.ErasedName + "." + operation.MethodName,
                operation.Parameters,
                includeCancellationToken: true,
                includeDefaultValues: false);
        }
        else
        {
            WriteMethodDeclaration(
                (plan.HidesObjectMember ? "public new async " : "public async ") + returnSpec.TaskType.FullName + " " + operation.MethodName,
                operation.Parameters,
                includeCancellationToken: true,
                includeDefaultValues: true);
        }

        _writer.OpenBlock();

        var callerToken = operation.CancellationTokenParameter ?? GlobalTypeNames.CancellationToken + ".None";
        if (operation.CancellationTokenParameter is { } cancellationTokenParameter)
        {
            // A handler is not obliged to look at the token; a cancelled call must not reach the wire either way.
            _writer.WriteLine($"{cancellationTokenParameter}.ThrowIfCancellationRequested();");
        }

        var settings = scope.InstanceMember(_names.SettingsField);
        var createRequest = scope.InstanceMember(plan.RequestMethodName) + "(" + RequestArguments(operation.Parameters) + ")";
        if (returnSpec.Kind == ReturnKind.HttpResponseMessage)
        {
            // The caller owns the answer, returned undisposed and with its status unchecked, and with it the request it
            // carries (response.RequestMessage), which is therefore not disposed here either. The caller reads the body,
            // so HttpClient's own timeout (to the headers) is all that applies. Only an answer from another origin than
            // the request was built for is refused, as every reader refuses it.
            _writer.WriteLine($"{GlobalTypeNames.HttpRequestMessage} {httpRequest} = {createRequest};");
            _writer.WriteLine($"return {GlobalTypeNames.ResponseReader}.RequireSameOrigin({Send(settings, httpRequest, callerToken)});");
            _writer.CloseBlock();
            return;
        }

        _writer.WriteLine($"using {GlobalTypeNames.HttpRequestMessage} {httpRequest} = {createRequest};");

        // Sent with ResponseHeadersRead (so the body can be cut at its limit), HttpClient.Timeout ends at the headers;
        // the reader holds the body to what is left of it, so a server that stalls mid-body cannot hold the call forever.
        var deadline = scope.ReserveLocal("deadline");
        _writer.WriteLine($"var {deadline} = {settings}.StartDeadline();");
        _writer.WriteLine($"using {GlobalTypeNames.HttpResponseMessage} {httpResponse} = {Send(settings, httpRequest, callerToken)};");
        WriteRead(operation, scope, httpResponse, deadline, callerToken);
        _writer.CloseBlock();
    }

    private static string Send(string settings, string httpRequest, string cancellationToken) =>
        "await " + settings + ".SendAsync(" + httpRequest + ", " + cancellationToken + ").ConfigureAwait(false)";

    /// <summary>Writes the statement that turns the answer into the return value (or the exception).</summary>
    private void WriteRead(OperationSpec operation, OperationScope scope, string httpResponse, string deadline, string cancellationToken)
    {
        var returnSpec = operation.Return;
        var settings = scope.InstanceMember(_names.SettingsField);
        switch (returnSpec.Kind)
        {
            case ReturnKind.None:
                _writer.WriteLine(
                    $"await {GlobalTypeNames.ResponseReader}.EnsureSuccessAsync({httpResponse}, {settings}, {deadline}, {cancellationToken}).ConfigureAwait(false);");
                break;

            case ReturnKind.String:
                _writer.WriteLine(
                    $"return await {GlobalTypeNames.ResponseReader}.ReadStringAsync({httpResponse}, {settings}, {deadline}, {cancellationToken}).ConfigureAwait(false);");
                break;

            case ReturnKind.Json:
            case ReturnKind.ApiResponse:
                var typeInfoField = RequireJsonTypeKey(returnSpec.JsonTypeKey, operation);
                var reader = returnSpec.Kind == ReturnKind.ApiResponse
                    ? "ReadApiResponseAsync"
                    : returnSpec.AllowsNull ? "ReadNullableJsonAsync" : "ReadJsonAsync";
                var read = "await " + GlobalTypeNames.ResponseReader + "." + reader + "(" + httpResponse + ", " + scope.StaticMember(_names.TypeInfoField(typeInfoField)) + ", "
                    + settings + ", " + deadline + ", " + cancellationToken + ").ConfigureAwait(false)";

                if (returnSpec.AnnotationsDifferFromTypeInfo)
                {
                    _writer.WriteLine("// The declared type differs from the type info's only in nullable annotations.");
                    _writer.WriteLine($"return ({read})!;");
                }
                else
                {
                    _writer.WriteLine($"return {read};");
                }

                break;

            default:
                throw new InvalidOperationException("Unknown return kind " + returnSpec.Kind + " of " + operation.MethodName);
        }
    }

    /// <summary>
    /// Writes a method's first line(s): all on one line with up to one parameter, otherwise one parameter per line,
    /// as the declaration would be formatted by hand.
    /// </summary>
    private void WriteMethodDeclaration(
        string declarationStart,
        EquatableArray<ParameterSpec> parameters,
        bool includeCancellationToken,
        bool includeDefaultValues)
    {
        var declarations = new List<string>(parameters.Count);
        foreach (var parameter in parameters)
        {
            if (!includeCancellationToken && parameter.Binding == ParameterBinding.CancellationToken)
            {
                continue;
            }

            var declaration = parameter.Type.FullName + " " + parameter.Name;
            if (includeDefaultValues && parameter.DefaultValue is { } defaultValue)
            {
                declaration = defaultValue.DeclaredByAttribute
                    ? CSharpText.OptionalAttributes(defaultValue) + " " + declaration
                    : declaration + " = " + CSharpText.Constant(defaultValue);
            }

            declarations.Add(declaration);
        }

        if (declarations.Count <= 1)
        {
            _writer.WriteLine($"{declarationStart}({(declarations.Count == 1 ? declarations[0] : string.Empty)})");
            return;
        }

        _writer.WriteLine($"{declarationStart}(");
        _writer.Indent();
        for (var i = 0; i < declarations.Count; i++)
        {
            _writer.WriteLine(declarations[i] + (i == declarations.Count - 1 ? ")" : ","));
        }

        _writer.Unindent();
    }

    /// <summary>
    /// The operation's <c>[Obsolete]</c> and <c>[Experimental]</c> attributes: the implementation carries what the interface
    /// method carries, so what only that method may use (an obsolete or experimental type) draws no error here either.
    /// </summary>
    private void WriteObligations(OperationSpec operation)
    {
        foreach (var obligation in operation.Obligations)
        {
            _writer.WriteLine(CSharpText.ObligationAttribute(obligation));
        }
    }

    /// <summary>The arguments of the request-building method: every parameter but the cancellation token.</summary>
    private static string RequestArguments(EquatableArray<ParameterSpec> parameters)
    {
        var arguments = new List<string>(parameters.Count);
        foreach (var parameter in parameters)
        {
            if (parameter.Binding != ParameterBinding.CancellationToken)
            {
                arguments.Add(parameter.Name);
            }
        }

        return string.Join(", ", arguments);
    }

    private static string RequireJsonTypeKey(string? typeInfoField, OperationSpec operation) =>
        typeInfoField ?? throw new InvalidOperationException("The JSON of " + operation.MethodName + " has no type info field.");

    private static ParameterSpec FindParameter(OperationSpec operation, string name)
    {
        foreach (var parameter in operation.Parameters)
        {
            if (string.Equals(parameter.Name, name, StringComparison.Ordinal))
            {
                return parameter;
            }
        }

        throw new InvalidOperationException(operation.MethodName + " has no parameter " + name + ".");
    }
}
