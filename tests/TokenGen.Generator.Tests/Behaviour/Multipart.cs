using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http.Headers;

namespace TokenGen.Generator.Tests.Behaviour;

/// <summary>Splits a <c>multipart/form-data</c> body into its parts' names and text values.</summary>
public static class Multipart
{
    public static IReadOnlyList<(string Name, string Value, string? ContentType)> Parse(RecordedRequest request)
    {
        var mediaType = MediaTypeHeaderValue.Parse(request.ContentType ?? throw new Xunit.Sdk.XunitException("No Content-Type."));
        Assert.Equal("multipart/form-data", mediaType.MediaType);
        string boundary = mediaType.Parameters.Single(p => p.Name == "boundary").Value!.Trim('"');

        string body = request.BodyText;
        string[] sections = body.Split("--" + boundary);
        Assert.True(sections.Length >= 2, "The body has no boundary lines.");
        Assert.StartsWith("--", sections[^1], StringComparison.Ordinal); // the closing delimiter

        var parts = new List<(string, string, string?)>();
        foreach (string section in sections.Skip(1).Take(sections.Length - 2))
        {
            Assert.StartsWith("\r\n", section, StringComparison.Ordinal);
            Assert.EndsWith("\r\n", section, StringComparison.Ordinal);
            string inner = section.Substring(2, section.Length - 4);
            int split = inner.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            Assert.True(split >= 0, "A part has no blank line after its headers.");
            string[] headerLines = inner.Substring(0, split).Split("\r\n");
            string value = inner.Substring(split + 4);

            string? name = null;
            string? contentType = null;
            foreach (string line in headerLines)
            {
                int colon = line.IndexOf(':', StringComparison.Ordinal);
                string headerName = line.Substring(0, colon).Trim();
                string headerValue = line.Substring(colon + 1).Trim();
                if (headerName.Equals("Content-Disposition", StringComparison.OrdinalIgnoreCase))
                {
                    var disposition = ContentDispositionHeaderValue.Parse(headerValue);
                    Assert.Equal("form-data", disposition.DispositionType);
                    name = disposition.Name?.Trim('"');
                }
                else if (headerName.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
                {
                    contentType = headerValue;
                }
            }

            parts.Add((name ?? throw new Xunit.Sdk.XunitException("A part has no name."), value, contentType));
        }

        return parts;
    }
}
