using Com1ControlPanel.Features.Domains;
using Microsoft.Extensions.Options;

namespace Com1ControlPanel.Tests.Features.Domains;

/// <summary>An operator changes one of Com 1's contact details in configuration; the rest keep their defaults.</summary>
public sealed class DomainOptionsTests() : ServiceTest(settings: new Dictionary<string, string>
{
    ["Domains:Com1Contact:Email"] = "noc@com1.example",
    ["Domains:AbuseEmail"] = "abuse-desk@com1.example",
})
{
    [Fact]
    public void Configured_values_replace_the_defaults_one_by_one()
    {
        var options = Kit.Get<IOptions<DomainOptions>>().Value;

        Assert.Equal(("noc@com1.example", "Com 1 Communications", ContactKind.Organisation, "abuse-desk@com1.example"),
            (options.Com1Contact.Email, options.Com1Contact.Organisation, options.Com1Contact.Kind, options.AbuseEmail));
    }
}
