using System;
using TokenGen.Generator.Model;

namespace TokenGen.Generator.Emitting;

/// <summary>The request-building half of an operation: URI (route and query), body, then headers.</summary>
internal sealed partial class OperationEmitter
{
    private void WriteRequestMethod(OperationSpec operation, OperationPlan plan, OperationScope scope, string httpRequest)
    {
        WriteObligations(operation);
        WriteMethodDeclaration(
            "private " + GlobalTypeNames.HttpRequestMessage + " " + plan.RequestMethodName,
            operation.Parameters,
            includeCancellationToken: false,
            includeDefaultValues: false);
        _writer.OpenBlock();

        var checkedAny = false;
        foreach (var parameter in operation.Parameters)
        {
            if (parameter.RequiresValue)
            {
                _writer.WriteLine($"{GlobalTypeNames.ArgumentNullException}.ThrowIfNull({parameter.Name}{ParameterNameArgument(parameter.Name)});");
                checkedAny = true;
            }
        }

        if (operation.Body is { IsNullable: false, ParameterName: { } bodyParameter })
        {
            _writer.WriteLine($"{GlobalTypeNames.ArgumentNullException}.ThrowIfNull({bodyParameter}{ParameterNameArgument(bodyParameter)});");
            checkedAny = true;
        }

        if (checkedAny)
        {
            _writer.WriteLine();
        }

        var uri = scope.ReserveLocal("uri");
        string requestUri;
        if (plan.FixedUriFieldName is { } fixedUriField)
        {
            _writer.WriteLine($"var {uri} = {scope.StaticMember(fixedUriField)}.For({BaseAddressExpression(scope)});");
            requestUri = uri;
        }
        else
        {
            WriteUri(operation, scope, uri);
            requestUri = uri + ".ToUri()";
        }

        _writer.WriteLine();

        // Every URI passes the transport check: token API requests carry credentials, their answers tokens.
        // The request says which operation built it and whether it may be sent again, for the handlers below.
        var create = scope.InstanceMember(_names.SettingsField) + ".CreateRequest(" + HttpMethodExpression(operation.HttpMethod) + ", "
            + requestUri + ", "
            + CSharpText.Literal(CSharpText.WithoutVerbatimPrefix(operation.MethodName)) + ", "
            + (operation.Retryable ? "retryable: true" : "retryable: false") + ")";
        if (operation.Body is null && !HasHeaders(operation))
        {
            _writer.WriteLine($"return {create};");
            _writer.CloseBlock();
            return;
        }

        // Until the request is returned nobody else can dispose it (or the content it owns), so a failure while
        // adding the body or a header (a CR/LF in a header value, a null element) must not leak it.
        _writer.WriteLine($"var {httpRequest} = {create};");
        _writer.WriteLine("try");
        _writer.OpenBlock();
        if (operation.Body is { } body)
        {
            WriteBody(operation, body, scope, httpRequest);
        }

        WriteHeaders(operation, scope, httpRequest);
        _writer.WriteLine($"return {httpRequest};");
        _writer.CloseBlock();
        _writer.WriteLine("catch");
        _writer.OpenBlock();
        _writer.WriteLine($"{httpRequest}.Dispose();");
        _writer.WriteLine("throw;");
        _writer.CloseBlock();

        _writer.CloseBlock();
    }

    private string BaseAddressExpression(OperationScope scope) => scope.InstanceMember(_names.SettingsField) + ".ResolveBaseAddress()";

    private void WriteUri(OperationSpec operation, OperationScope scope, string uri)
    {
        _writer.WriteLine($"var {uri} = new {GlobalTypeNames.RequestUriBuilder}(");
        _writer.Indent();
        _writer.WriteLine($"{BaseAddressExpression(scope)},");
        _writer.WriteLine("stackalloc char[256]);");
        _writer.Unindent();

        foreach (var part in operation.Route.Parts)
        {
            if (part.ParameterName is { } parameterName)
            {
                var parameter = FindParameter(operation, parameterName);
                var value = ValueEmitter.FormatRouteValue(parameter.Name, RequireFormat(parameter), scope);
                _writer.WriteLine(
                    $"{uri}.AppendPathSegment({value}, {CSharpText.Literal(CSharpText.WithoutVerbatimPrefix(parameter.Name))});");
            }
            else if (!string.IsNullOrEmpty(part.Literal))
            {
                _writer.WriteLine($"{uri}.AppendLiteral({CSharpText.Literal(part.Literal!)});");
            }
        }

        foreach (var parameter in operation.Parameters)
        {
            if (parameter.Binding == ParameterBinding.Query)
            {
                ValueEmitter.WriteSend(
                    _writer,
                    scope,
                    parameter.Name,
                    CSharpText.CamelCaseStem(parameter.Name),
                    RequireFormat(parameter),
                    uri + ".AppendQuery(" + CSharpText.Literal(RequireWireName(parameter)) + ", ",
                    ParameterNameSuffix(parameter));
            }
        }
    }

    private void WriteBody(OperationSpec operation, BodySpec body, OperationScope scope, string httpRequest)
    {
        // A nullable body argument that is null sends no body at all.
        var bodyParameter = body.Kind == BodyKind.FormUrlEncodedParameters ? null : RequireBodyParameter(body, operation);
        var checksForNull = body.IsNullable && bodyParameter is not null && body.Kind != BodyKind.HttpContent;
        if (checksForNull)
        {
            _writer.WriteLine($"if ({bodyParameter} is not null)");
            _writer.OpenBlock();
        }

        switch (body.Kind)
        {
            case BodyKind.Json:
                WriteJsonBody(operation, body, bodyParameter!, scope, httpRequest);
                break;

            case BodyKind.FormUrlEncodedModel:
            case BodyKind.FormUrlEncodedParameters:
                var form = scope.ReserveLocal("form");
                _writer.WriteLine($"var {form} = new {GlobalTypeNames.FormUrlEncodedBuilder}();");
                foreach (var constant in body.Constants)
                {
                    _writer.WriteLine($"{form}.Add({CSharpText.Literal(constant.WireName)}, {CSharpText.Literal(constant.Value)});");
                }

                foreach (var field in body.Fields)
                {
                    ValueEmitter.WriteSend(
                        _writer,
                        scope,
                        FieldValue(bodyParameter, field),
                        CSharpText.CamelCaseStem(field.Accessor),
                        field.Format,
                        form + ".Add(" + CSharpText.Literal(field.WireName) + ", ");
                }

                _writer.WriteLine($"{httpRequest}.Content = {form}.ToContent();");
                break;

            case BodyKind.MultipartModel:
                // The content is attached before it is filled, so the request's Dispose covers it if a part fails.
                var multipart = scope.ReserveLocal("multipart");
                _writer.WriteLine($"var {multipart} = new {GlobalTypeNames.MultipartFormDataContent}();");
                _writer.WriteLine($"{httpRequest}.Content = {multipart};");
                foreach (var constant in body.Constants)
                {
                    _writer.WriteLine(
                        $"{GlobalTypeNames.MultipartContentWriter}.AddText({multipart}, {CSharpText.Literal(constant.WireName)}, {CSharpText.Literal(constant.Value)});");
                }

                foreach (var field in body.Fields)
                {
                    ValueEmitter.WriteSend(
                        _writer,
                        scope,
                        FieldValue(bodyParameter, field),
                        CSharpText.CamelCaseStem(field.Accessor),
                        field.Format,
                        GlobalTypeNames.MultipartContentWriter + ".AddText(" + multipart + ", " + CSharpText.Literal(field.WireName) + ", ");
                }

                break;

            case BodyKind.HttpContent:
                _writer.WriteLine($"{httpRequest}.Content = {bodyParameter};");
                break;

            default:
                throw new InvalidOperationException("Unknown body kind " + body.Kind + " of " + operation.MethodName);
        }

        if (checksForNull)
        {
            _writer.CloseBlock();
        }
    }

    private void WriteJsonBody(OperationSpec operation, BodySpec body, string bodyParameter, OperationScope scope, string httpRequest)
    {
        var typeInfoField = RequireJsonTypeKey(body.JsonTypeKey, operation);
        var mediaType = body.MediaType is { } declared
            ? CSharpText.Literal(declared)
            : GlobalTypeNames.RequestContent + ".JsonMediaType";

        // Inside the null check (or after ThrowIfNull) a top-level '?' no longer matters; nested annotations do,
        // so then the type argument is named and the difference suppressed.
        var createJson = body.AnnotationsDifferFromTypeInfo
            ? "CreateJson<" + _jsonTypesByKey[typeInfoField].Type.ErasedName + ">(" + bodyParameter + "!, "
            : "CreateJson(" + bodyParameter + ", ";
        _writer.WriteLine(
            $"{httpRequest}.Content = {GlobalTypeNames.RequestContent}.{createJson}{scope.StaticMember(_names.TypeInfoField(typeInfoField))}, {mediaType});");
    }

    /// <summary>Static headers in order, then header parameters in parameter order, after the body (content headers need content).</summary>
    private void WriteHeaders(OperationSpec operation, OperationScope scope, string httpRequest)
    {
        foreach (var header in operation.Headers)
        {
            _writer.WriteLine(
                $"{GlobalTypeNames.RequestHeaders}.Add({httpRequest}, {CSharpText.Literal(header.Name)}, {CSharpText.Literal(header.Value)});");
        }

        foreach (var parameter in operation.Parameters)
        {
            if (parameter.Binding == ParameterBinding.Header)
            {
                ValueEmitter.WriteSend(
                    _writer,
                    scope,
                    parameter.Name,
                    CSharpText.CamelCaseStem(parameter.Name),
                    RequireFormat(parameter),
                    GlobalTypeNames.RequestHeaders + ".Add(" + httpRequest + ", " + CSharpText.Literal(RequireWireName(parameter)) + ", ",
                    ParameterNameSuffix(parameter));
            }
        }
    }

    private static bool HasHeaders(OperationSpec operation)
    {
        if (!operation.Headers.IsEmpty)
        {
            return true;
        }

        foreach (var parameter in operation.Parameters)
        {
            if (parameter.Binding == ParameterBinding.Header)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A model member is read on the body parameter; a <c>[Form]</c> field is the parameter itself.</summary>
    private static string FieldValue(string? bodyParameter, FormFieldSpec field) =>
        bodyParameter is null ? field.Accessor : bodyParameter + "." + field.Accessor;

    /// <summary>
    /// <c>ThrowIfNull</c> names the argument by its expression's text; for <c>@class</c> that would be "@class", so
    /// the parameter's real name is passed instead.
    /// </summary>
    private static string ParameterNameArgument(string parameterName) =>
        parameterName.Length > 0 && parameterName[0] == '@'
            ? ", " + CSharpText.Literal(CSharpText.WithoutVerbatimPrefix(parameterName))
            : string.Empty;

    /// <summary>
    /// The last argument of a query or header call: the C# parameter's name, so a refused value (a CR/LF, an oversized
    /// value) throws an <see cref="ArgumentException"/> whose <c>ParamName</c> is the caller's parameter, not the wire name.
    /// </summary>
    private static string ParameterNameSuffix(ParameterSpec parameter) =>
        ", " + CSharpText.Literal(CSharpText.WithoutVerbatimPrefix(parameter.Name));

    private static string HttpMethodExpression(string method) => method switch
    {
        "GET" => GlobalTypeNames.HttpMethod + ".Get",
        "POST" => GlobalTypeNames.HttpMethod + ".Post",
        "PUT" => GlobalTypeNames.HttpMethod + ".Put",
        "PATCH" => GlobalTypeNames.HttpMethod + ".Patch",
        "DELETE" => GlobalTypeNames.HttpMethod + ".Delete",
        "HEAD" => GlobalTypeNames.HttpMethod + ".Head",
        "OPTIONS" => GlobalTypeNames.HttpMethod + ".Options",
        _ => "new " + GlobalTypeNames.HttpMethod + "(" + CSharpText.Literal(method) + ")",
    };

    private static ValueFormatSpec RequireFormat(ParameterSpec parameter) =>
        parameter.Format ?? throw new InvalidOperationException("The parameter " + parameter.Name + " has no value format.");

    private static string RequireWireName(ParameterSpec parameter) =>
        parameter.WireName ?? throw new InvalidOperationException("The parameter " + parameter.Name + " has no wire name.");

    private static string RequireBodyParameter(BodySpec body, OperationSpec operation) =>
        body.ParameterName ?? throw new InvalidOperationException("The " + body.Kind + " body of " + operation.MethodName + " names no parameter.");
}
