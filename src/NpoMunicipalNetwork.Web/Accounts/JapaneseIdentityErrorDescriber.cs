using Microsoft.AspNetCore.Identity;

namespace NpoMunicipalNetwork.Accounts;

/// <summary>Identity's messages in Japanese, as users of a Japanese public site expect.</summary>
public sealed class JapaneseIdentityErrorDescriber : IdentityErrorDescriber
{
    private static IdentityError E(string code, string message) => new() { Code = code, Description = message };

    public override IdentityError DefaultError() => E(nameof(DefaultError), "処理を完了できませんでした。");
    public override IdentityError ConcurrencyFailure() => E(nameof(ConcurrencyFailure), "他の人が同時に更新しました。もう一度やり直してください。");
    public override IdentityError PasswordMismatch() => E(nameof(PasswordMismatch), "現在のパスワードが正しくありません。");
    public override IdentityError InvalidToken() => E(nameof(InvalidToken), "リンクの有効期限が切れているか、すでに使用されています。もう一度お手続きください。");
    public override IdentityError InvalidEmail(string? email) => E(nameof(InvalidEmail), $"メールアドレス「{email}」の形式が正しくありません。");
    public override IdentityError DuplicateEmail(string email) => E(nameof(DuplicateEmail), $"メールアドレス「{email}」はすでに登録されています。");
    public override IdentityError DuplicateUserName(string userName) => E(nameof(DuplicateUserName), $"「{userName}」はすでに登録されています。");
    public override IdentityError InvalidUserName(string? userName) => E(nameof(InvalidUserName), $"「{userName}」は利用者名に使えません。");
    public override IdentityError PasswordTooShort(int length) => E(nameof(PasswordTooShort), $"パスワードは{length}文字以上にしてください。");
    public override IdentityError PasswordRequiresDigit() => E(nameof(PasswordRequiresDigit), "パスワードには数字を1文字以上含めてください。");
    public override IdentityError PasswordRequiresLower() => E(nameof(PasswordRequiresLower), "パスワードには英小文字を1文字以上含めてください。");
    public override IdentityError PasswordRequiresUpper() => E(nameof(PasswordRequiresUpper), "パスワードには英大文字を1文字以上含めてください。");
    public override IdentityError PasswordRequiresNonAlphanumeric() => E(nameof(PasswordRequiresNonAlphanumeric), "パスワードには記号を1文字以上含めてください。");
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => E(nameof(PasswordRequiresUniqueChars), $"パスワードには{uniqueChars}種類以上の文字を使ってください。");
    public override IdentityError UserAlreadyInRole(string role) => E(nameof(UserAlreadyInRole), $"すでに「{Roles.Japanese(role)}」の権限があります。");
    public override IdentityError UserNotInRole(string role) => E(nameof(UserNotInRole), $"「{Roles.Japanese(role)}」の権限はありません。");
    public override IdentityError UserAlreadyHasPassword() => E(nameof(UserAlreadyHasPassword), "パスワードはすでに設定されています。");
    public override IdentityError UserLockoutNotEnabled() => E(nameof(UserLockoutNotEnabled), "この利用者はロックできません。");
}
