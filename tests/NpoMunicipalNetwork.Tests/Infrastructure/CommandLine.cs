using System.Diagnostics;

namespace NpoMunicipalNetwork.Tests.Infrastructure;

/// <summary>Runs the real executable (<c>dotnet NpoMunicipalNetwork.Web.dll …</c>) on a SQLite database of the test's own, in Production.</summary>
public static class CommandLine
{
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(string database, IDictionary<string, string>? environment, params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "NpoMunicipalNetwork.Web.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = AppContext.BaseDirectory };
        start.ArgumentList.Add(dll);
        foreach (var a in args)
            start.ArgumentList.Add(a);
        start.Environment["ConnectionStrings__Default"] = $"Data Source={database}";
        start.Environment["Database__Provider"] = "Sqlite";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
            start.Environment[key] = value;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await output, await error);
    }
}
