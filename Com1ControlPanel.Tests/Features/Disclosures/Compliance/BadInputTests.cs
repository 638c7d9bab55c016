using Com1ControlPanel.Features.Disclosures;
using Com1ControlPanel.Features.Disclosures.Compliance;
using static Com1ControlPanel.Tests.Features.Disclosures.Compliance.ComplianceTestData;

namespace Com1ControlPanel.Tests.Features.Disclosures.Compliance;

/// <summary>What a mistaken or forged recording gets: a message at the field it concerns, and nothing written.</summary>
public sealed class BadInputTests : ComplianceTest
{
    [Theory]
    [InlineData("unknown data category", "Categories", "Choose the kinds of data from the list.")]
    [InlineData("no data category", "Categories", "Choose at least one kind of data that was shared.")]
    [InlineData("unknown ground", "Ground", "Choose a ground from the list.")]
    [InlineData("no ground", "Ground", "Choose the ground for the disclosure.")]
    [InlineData("unknown recipient category", "RecipientCategory", "Choose a kind of recipient from the list.")]
    [InlineData("empty recipient", "RecipientName", "Enter who received the data.")]
    [InlineData("blank recipient", "RecipientName", "Enter who received the data.")]
    [InlineData("recipient on two lines", "RecipientName", "Keep the recipient on one line.")]
    [InlineData("future date", "OccurredAt", "The date it was handed over cannot be in the future.")]
    [InlineData("no date", "OccurredAt", "Enter the date the data was handed over.")]
    [InlineData("unknown notice rule", "NoticeRule", "Choose how the customers are told from the list.")]
    [InlineData("delay without a date", "NoticeDelayedUntil", "Enter the date until which the law requires silence.")]
    [InlineData("delay that has ended", "NoticeDelayedUntil", "The date until which notice is delayed must be in the future.")]
    [InlineData("empty description", "Description", "Describe what was shared and why.")]
    [InlineData("unknown customer", "CustomerId", "There is no customer with this id. Search for the customer again.")]
    [InlineData("no customer chosen", "CustomerId", "Find and choose the customer whose data was disclosed.")]
    [InlineData("empty list of addresses", "Emails", "Paste the customers' email addresses, one per line or separated by commas.")]
    [InlineData("unknown service", "Service", "Choose a service from the list.")]
    public async Task Bad_input_is_refused_with_a_clear_message_at_its_field_and_nothing_is_written(string mistake, string field, string message)
    {
        var customer = await Kit.CustomerAsync("alice");
        var draft = Draft();
        var audience = DisclosureAudience.One(customer);
        switch (mistake)
        {
            case "unknown data category": draft.Categories = DataCategories.Name | (DataCategories)(1 << 20); break;
            case "no data category": draft.Categories = DataCategories.None; break;
            case "unknown ground": draft.Ground = (DisclosureGround)99; break;
            case "no ground": draft.Ground = null; break;
            case "unknown recipient category": draft.RecipientCategory = (RecipientCategory)42; break;
            case "empty recipient": draft.RecipientName = ""; break;
            case "blank recipient": draft.RecipientName = "   "; break;
            case "recipient on two lines": draft.RecipientName = "Metro Police\nrecipientCategory=Partner"; break;
            case "future date": draft.OccurredAt = Now.AddHours(1); break;
            case "no date": draft.OccurredAt = null; break;
            case "unknown notice rule": draft.NoticeRule = (NoticeRule)7; break;
            case "delay without a date": draft.NoticeRule = NoticeRule.DelayedUntil; break;
            case "delay that has ended": (draft.NoticeRule, draft.NoticeDelayedUntil) = (NoticeRule.DelayedUntil, Now.AddDays(-1)); break;
            case "empty description": draft.Description = ""; break;
            case "unknown customer": audience = DisclosureAudience.One("no-such-customer"); break;
            case "no customer chosen": audience = new DisclosureAudience(AudienceKind.OneCustomer); break;
            case "empty list of addresses": audience = DisclosureAudience.List(" ,\n "); break;
            case "unknown service": audience = DisclosureAudience.Subscribers((Com1ControlPanel.Features.Customers.Service)77); break;
            default: throw new ArgumentOutOfRangeException(nameof(mistake));
        }

        var result = await Recorder.RecordAsync(draft, audience);

        var invalid = Assert.IsType<DisclosureRecordResult.Invalid>(result);
        Assert.Contains(message, invalid.Errors[field]);
        Assert.Equal((0, 0, 0, 0, 0, 0), await Kit.WrittenAsync());
        Assert.Empty(Queue.Drain());
    }

    [Fact]
    public async Task A_group_that_reaches_nobody_is_refused_and_nothing_is_written()
    {
        await Kit.CustomerAsync("alice");

        var result = await Recorder.RecordAsync(Draft(), DisclosureAudience.List("nobody@example.com"));

        Assert.Equal("Nobody in this audience can receive this disclosure, so nothing was recorded. Check the preview: everyone is excluded.",
            Assert.IsType<DisclosureRecordResult.Refused>(result).Reason);
        Assert.Equal((0, 0, 0, 0, 0, 0), await Kit.WrittenAsync());
    }
}
