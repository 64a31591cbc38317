using NpoMunicipalNetwork.Mail;

namespace NpoMunicipalNetwork.Tests.Mail;

/// <summary>The log names a recipient by domain and a short hash, never by the address itself.</summary>
public sealed class MailLogTests
{
    [Fact]
    public void A_recipient_is_logged_by_domain_and_hash_the_same_for_the_same_address_in_any_case()
    {
        var logged = MailSender.Recipient("Hanako.Sato@example.jp");

        Assert.DoesNotContain("hanako", logged, StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("…@example.jp #", logged);
        Assert.Equal(logged, MailSender.Recipient(" hanako.sato@EXAMPLE.jp "));
        Assert.NotEqual(logged, MailSender.Recipient("taro.sato@example.jp"));
    }
}
