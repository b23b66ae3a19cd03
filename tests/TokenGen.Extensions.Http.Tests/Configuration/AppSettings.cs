using System.Collections.Generic;
using System.IO;
using System.Text;
using Microsoft.Extensions.Configuration;

namespace TokenGen.Extensions.Http.Tests.Configuration;

/// <summary>Configuration as an application reads it: an appsettings.json document, or a few keys in memory.</summary>
internal static class AppSettings
{
    public static IConfigurationRoot FromJson(string json) =>
        new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();

    public static IConfigurationRoot FromKeys(params (string Key, string? Value)[] keys) =>
        new ConfigurationBuilder().AddKeys(keys).Build();

    /// <summary>
    /// Adds the keys as an in-memory source of their own. (Not through <c>AddConfiguration</c>: a chained configuration
    /// reports an empty value as missing, and the tests need an empty value to arrive as one.)
    /// </summary>
    public static TBuilder AddKeys<TBuilder>(this TBuilder builder, params (string Key, string? Value)[] keys)
        where TBuilder : IConfigurationBuilder
    {
        var values = new List<KeyValuePair<string, string?>>();
        foreach (var (key, value) in keys)
        {
            values.Add(new KeyValuePair<string, string?>(key, value));
        }

        builder.AddInMemoryCollection(values);
        return builder;
    }
}
