using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;

namespace NpoMunicipalNetwork.Accounts;

/// <summary>
/// There is never a default password. While no network administrator exists, each start makes a
/// one-time setup code, prints it once to the console, and <c>/setup</c> accepts it (with the new
/// administrator's own name, e-mail and password) exactly once.
/// </summary>
public sealed class FirstAdministratorSetup(ILogger<FirstAdministratorSetup> logger)
{
    private string? _code;
    private readonly Lock _lock = new();

    public bool IsPending
    {
        get { lock (_lock) return _code is not null; }
    }

    /// <summary>Called at start-up; returns the code when one was issued (tests read it from here).</summary>
    public async Task<string?> IssueIfNeededAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        if ((await users.GetUsersInRoleAsync(Roles.NetworkAdministrator)).Count > 0)
            return null;

        // Base32 without look-alike characters, grouped for reading aloud or typing from a console.
        const string alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        var raw = RandomNumberGenerator.GetString(alphabet, 16);
        var code = string.Join("-", raw.Chunk(4).Select(c => new string(c)));
        lock (_lock)
            _code = code;

        Console.WriteLine();
        Console.WriteLine("==================================================================");
        Console.WriteLine(" 最初の管理者がまだいません。/setup を開き、次の初期設定コードを入力してください。");
        Console.WriteLine($" 初期設定コード（この起動の間だけ有効）: {code}");
        Console.WriteLine("==================================================================");
        Console.WriteLine();
        logger.LogWarning("No network administrator yet: open /setup with the one-time code printed above.");
        return code;
    }

    public string? CurrentCodeForTests
    {
        get { lock (_lock) return _code; }
    }

    /// <summary>Consumes the code if it matches, so it can never be used twice.</summary>
    public bool TryConsume(string? code)
    {
        lock (_lock)
        {
            if (_code is null || code is null)
                return false;
            var given = code.Trim().ToUpperInvariant().Replace(" ", "");
            if (!CryptographicOperations.FixedTimeEquals(System.Text.Encoding.UTF8.GetBytes(given), System.Text.Encoding.UTF8.GetBytes(_code)))
                return false;
            _code = null;
            return true;
        }
    }

    public void Restore(string code)
    {
        lock (_lock)
            _code ??= code;
    }
}
