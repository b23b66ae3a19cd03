using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using TokenGen.Emulator;

// A user's test code: the emulator from its package, in this process, on a free port; one Direct Line call with the
// seeded secret, one with a fault asked for, and the request count. Prints "ok: ..." per check, "FAILED: ..." otherwise.
var failures = 0;
void Check(bool condition, string what)
{
    Console.WriteLine((condition ? "ok: " : "FAILED: ") + what);
    if (!condition)
    {
        failures++;
    }
}

await using (var emulator = await EmulatorHost.StartAsync(new EmulatorOptions { DirectLineTokenLifetime = TimeSpan.FromMinutes(5) }))
{
    using var http = new HttpClient { BaseAddress = emulator.DirectLineBaseAddress };

    using var generate = new HttpRequestMessage(HttpMethod.Post, "v3/directline/tokens/generate");
    generate.Headers.Authorization = new AuthenticationHeaderValue("Bearer", emulator.Credentials.DirectLineSecret);
    using var answer = await http.SendAsync(generate);
    using var conversation = JsonDocument.Parse(await answer.Content.ReadAsStringAsync());
    Check(answer.StatusCode == HttpStatusCode.OK && conversation.RootElement.GetProperty("expires_in").GetInt32() == 300,
        "generate 200, expires_in 300");

    using var faulted = new HttpRequestMessage(HttpMethod.Post, "v3/directline/tokens/generate");
    faulted.Headers.Authorization = new AuthenticationHeaderValue("Bearer", emulator.Credentials.DirectLineSecret);
    faulted.Headers.Add("X-Emulator-Fault", "status=429; retry-after=3");
    using var throttled = await http.SendAsync(faulted);
    Check(throttled.StatusCode == HttpStatusCode.TooManyRequests && throttled.Headers.RetryAfter?.Delta == TimeSpan.FromSeconds(3),
        "fault 429, Retry-After 3");

    Check(emulator.RequestCount(EmulatorRoutes.DirectLineGenerate) == 2, "2 generate requests counted");
}

Console.WriteLine(failures == 0 ? "TokenGen.Emulator consumer passed" : $"{failures} check(s) failed");
return failures == 0 ? 0 : 1;
