using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Com1ControlPanel.Features.PersonalData;
using Com1ControlPanel.Features.Support;
using Com1ControlPanel.Infrastructure.Security;
using Com1ControlPanel.Tests.Features.Domains;

namespace Com1ControlPanel.Tests.Features.PersonalData;

/// <summary>"Download my data" over the app's services: complete, the customer's own, and without secrets.</summary>
public sealed class PersonalDataExportTests() : ServiceTest(now: new DateTimeOffset(2026, 3, 10, 12, 0, 0, TimeSpan.Zero))
{
    private async Task<(JsonElement Root, string Text)> DownloadAsync(ClaimsPrincipal user)
    {
        var result = await Kit.As(user).Get<PersonalDataExport>().CreateAsync();
        var bytes = Assert.IsType<PersonalDataDownload.Ready>(result).Document.ToBytes();
        var text = Encoding.UTF8.GetString(bytes);
        return (JsonDocument.Parse(bytes).RootElement, text);
    }

    [Fact]
    public async Task The_file_names_its_format_when_it_was_made_and_the_customer_number()
    {
        var customer = await Kit.Customers.NewAsync("Fran Format");

        var (root, _) = await DownloadAsync(customer.Principal);

        Assert.Equal(ExportCoverage.Format, root.GetProperty("format").GetString());
        Assert.Equal(Kit.Now, root.GetProperty("generatedAt").GetDateTime().ToUniversalTime());
        Assert.Equal(customer.CustomerNumber, root.GetProperty("customerNumber").GetString());
        Assert.Equal(["format", "generatedAt", "customerNumber", .. ExportCoverage.Sections.Select(s => s.Name), "notIncluded"],
            root.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task Every_section_holds_the_customers_data_from_every_table_it_covers()
    {
        var full = await FullCustomer.CreateAsync(Kit, "Petra Complete");

        var (root, _) = await DownloadAsync(full.Customer.Principal);

        foreach (var section in ExportCoverage.Sections)
        {
            var value = root.GetProperty(section.Name);
            Assert.True(value.ValueKind == JsonValueKind.Object || value.ValueKind == JsonValueKind.Array && value.GetArrayLength() > 0,
                $"The section {section.Name} is empty.");
        }
        var tag = full.Tag;
        var account = root.GetProperty("account");
        Assert.Equal(full.Customer.Email, account.GetProperty("email").GetString());
        Assert.True(account.GetProperty("twoFactorEnabled").GetBoolean());
        Assert.Contains("Customer", account.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal($"contoso-{tag}", Single(account, "externalSignIns").GetProperty("providerKey").GetString());
        Assert.Equal($"Laptop {tag}", Single(account, "passkeys").GetProperty("name").GetString());
        Assert.Equal($"Company {tag}", root.GetProperty("profile").GetProperty("company").GetString());
        Assert.Contains(root.GetProperty("profileChanges").EnumerateArray(), c => c.GetProperty("changedBy").GetString()
            == $"Com 1 support ({full.Agent.Name}) on your behalf" && c.GetProperty("newValue").GetString() == "+14155550142");
        Assert.Equal($"Backup {tag}", Single(root, "services").GetProperty("plan").GetString());
        Assert.Equal($"Please call billing about invoice {tag}", root.GetProperty("accountStatus").GetProperty("message").GetString());
        Assert.Equal("Suspended", root.GetProperty("accountStatus").GetProperty("status").GetString());

        var payment = root.GetProperty("paymentCard");
        Assert.Equal("4242", payment.GetProperty("card").GetProperty("last4").GetString());
        Assert.Equal($"Holder {tag}", payment.GetProperty("card").GetProperty("holderName").GetString());
        Assert.Equal("08/2029", payment.GetProperty("card").GetProperty("expiry").GetString());
        Assert.Equal("1 Test Street", payment.GetProperty("billingAddress").GetProperty("street").GetString());
        Assert.Equal($"Com 1 billing (Biller {tag})", Single(payment, "cardPageLinks").GetProperty("sentBy").GetString());

        var help = Single(root, "helpRequests");
        Assert.Equal(($"Help {tag}", $"Mail to my domain bounces {tag}", 15), (help.GetProperty("subject").GetString(),
            help.GetProperty("description").GetString(), help.GetProperty("supportMayActForMinutes").GetInt32()));
        Assert.Equal("You", Single(help, "steps").GetProperty("by").GetString());

        var domain = Single(root, "domains");
        Assert.Equal(full.Domain, domain.GetProperty("name").GetString());
        Assert.Contains(domain.GetProperty("contacts").EnumerateArray(), c => c.GetProperty("name").ValueKind == JsonValueKind.String
            && c.GetProperty("name").GetString() == $"Paula {tag}");
        Assert.Equal($"Published {tag}", Single(domain, "history").GetProperty("newValue").GetString());
        var move = Single(root, "technicalContactMoves");
        Assert.Equal($"Rheinhost {tag}", move.GetProperty("newTechnicalContact").GetProperty("company").GetString());
        Assert.Equal(full.SessionId, Single(move, "steps").GetProperty("supportSession").GetGuid());

        var consent = root.GetProperty("consent");
        Assert.NotEmpty(consent.GetProperty("switches").EnumerateArray());
        Assert.All(consent.GetProperty("records").EnumerateArray(), r => Assert.False(string.IsNullOrEmpty(r.GetProperty("policyVersion").GetString())));
        Assert.Contains(consent.GetProperty("records").EnumerateArray(), r => r.GetProperty("source").GetString() == "CookieBanner");
        Assert.Equal($"New hosting plans {tag}", Single(consent, "unsubscribeLinksUsed").GetProperty("email").GetString());
        Assert.Equal("AllowStatistics", root.GetProperty("cookieChoice").GetProperty("answer").GetString());

        var log = root.GetProperty("disclosureLog");
        Assert.Equal(2, log.GetProperty("headSequence").GetInt32());
        Assert.Equal($"Recipient {tag}", log.GetProperty("entries")[0].GetProperty("recipient").GetString());
        Assert.Equal(JsonValueKind.String, log.GetProperty("entries")[0].GetProperty("notifiedAt").ValueKind);

        var support = root.GetProperty("support");
        var session = Single(support, "sessions");
        Assert.Equal(full.Agent.Name, session.GetProperty("agent").GetString());
        Assert.Equal($"T-{tag}", session.GetProperty("ticket").GetString());
        var actions = session.GetProperty("actions").EnumerateArray().Select(a => a.GetProperty("what").GetString()).ToList();
        Assert.Contains("Phone changed", actions);
        Assert.Contains("Asked to move the Technical Contact", actions);
        Assert.Equal($"R-{tag}", Single(support, "accessRequests").GetProperty("ticket").GetString());
        Assert.Equal(full.Agent.Name, Single(support, "refusedAttempts").GetProperty("agent").GetString());

        Assert.Equal(3, root.GetProperty("signIns").GetArrayLength());
        Assert.Equal($"Card expiring {tag}", Single(root, "notifications").GetProperty("title").GetString());
        var emails = root.GetProperty("emails").EnumerateArray().ToList();
        Assert.Contains(emails, e => e.GetProperty("panelText").GetString() == $"A link to reset your password {tag}.");
        Assert.Single(root.GetProperty("policies").GetProperty("shown").EnumerateArray());
        Assert.Single(root.GetProperty("policies").GetProperty("toldAbout").EnumerateArray());
        Assert.Single(root.GetProperty("staffSearches").EnumerateArray());
    }

    [Fact]
    public async Task The_file_holds_no_secret_of_the_account_the_card_the_emails_or_the_support_sessions()
    {
        var full = await FullCustomer.CreateAsync(Kit, "Sid Secret");

        var (_, text) = await DownloadAsync(full.Customer.Principal);

        Assert.NotEmpty(full.Secrets);
        Assert.All(full.Secrets, secret => Assert.DoesNotContain(secret, text, StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain("passwordHash", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("securityStamp", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("htmlBody", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("gatewayReference", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Another_customers_data_never_appears_in_the_file()
    {
        var mine = await FullCustomer.CreateAsync(Kit, "Mia Mine");
        var theirs = await FullCustomer.CreateAsync(Kit, "Theo Theirs");

        var (_, text) = await DownloadAsync(mine.Customer.Principal);

        Assert.Contains(mine.Tag, text);
        Assert.DoesNotContain(theirs.Tag, text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(theirs.Customer.Id, text);
        Assert.DoesNotContain(theirs.Customer.Email, text);
        Assert.DoesNotContain(theirs.SessionId.ToString(), text);
        Assert.DoesNotContain("Theo Theirs", text);
    }

    [Fact]
    public async Task The_disclosure_log_in_the_file_verifies_on_its_own_as_the_readme_shows()
    {
        var full = await FullCustomer.CreateAsync(Kit, "Vera Verify");

        var (root, _) = await DownloadAsync(full.Customer.Principal);

        // The README's verify.py, step for step.
        string[] keys = ["customer", "sequence", "disclosure", "recipient", "recipientCategory", "ground", "dataCategories",
            "description", "reference", "occurredAt", "recordedAt", "recordedBy", "notice", "corrects", "previous"];
        static string Escape(string v) => v.Replace("\\", "\\\\").Replace("\r", "\\r").Replace("\n", "\\n");
        var log = root.GetProperty("disclosureLog");
        var previous = new string('0', 64);
        var n = 0;
        foreach (var entry in log.GetProperty("entries").EnumerateArray())
        {
            n++;
            var text = "com1-disclosure-entry-v1\n" + string.Concat(keys.Select(k => $"{k}={Escape(entry.GetProperty(k).ToString())}\n"));
            var digest = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
            Assert.Equal(n, entry.GetProperty("sequence").GetInt32());
            Assert.Equal(previous, entry.GetProperty("previous").GetString());
            Assert.Equal(entry.GetProperty("hash").GetString(), digest);
            previous = digest;
        }
        Assert.Equal(2, n);
        Assert.Equal((n, previous), (log.GetProperty("headSequence").GetInt32(), log.GetProperty("headHash").GetString()));
    }

    [Fact]
    public async Task Support_acting_in_the_account_is_refused_and_the_attempt_is_kept()
    {
        var customer = await Kit.Customers.NewAsync("Ines Insession");
        var agent = await Kit.AgentActingForAsync(customer.Id, Kit.Now);

        var result = await Kit.As(agent).Get<PersonalDataExport>().CreateAsync();

        Assert.IsType<PersonalDataDownload.Refused>(result);
        await using var db = Kit.CreateDbContext();
        var attempt = await db.SupportAttempts.SingleAsync(a => a.CustomerId == customer.Id);
        Assert.Equal(SupportRefusal.ForbiddenDuringSession, attempt.Refusal);
        Assert.Equal(agent.FindFirst(SupportClaims.ActorId)!.Value, attempt.AgentUserId);
    }

    [Fact]
    public async Task A_member_of_staff_gets_their_own_account_and_no_customer_record()
    {
        var agent = await Kit.Staff.NewAgentAsync();

        var (root, _) = await DownloadAsync(agent.Principal);

        Assert.Equal(agent.Email, root.GetProperty("account").GetProperty("email").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("customerNumber").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("profile").ValueKind);
        Assert.Empty(root.GetProperty("domains").EnumerateArray());
    }

    private static JsonElement Single(JsonElement parent, string property) => Assert.Single(parent.GetProperty(property).EnumerateArray());
}
