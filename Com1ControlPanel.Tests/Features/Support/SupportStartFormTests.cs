using Com1ControlPanel.Features.Support;

namespace Com1ControlPanel.Tests.Features.Support;

public sealed class SupportStartFormTests
{
    private static SupportStartForm Valid() => new()
    {
        CustomerId = "alice", Reason = SupportReason.BillingQuestion, Ticket = "T-1", Note = "Check the invoice address", Minutes = 15,
    };

    [Fact]
    public void A_complete_form_has_no_errors() => Assert.Empty(Valid().Validate(30));

    [Fact]
    public void Reason_ticket_and_note_are_required()
    {
        var form = Valid();
        form.Reason = null;
        form.Ticket = "  ";
        form.Note = "";
        Assert.Equal(["Note", "Reason", "Ticket"], form.Validate(30).Keys.Order());
    }

    [Fact]
    public void An_undefined_reason_is_refused()
    {
        var form = Valid();
        form.Reason = (SupportReason)42;
        Assert.Contains("Reason", form.Validate(30).Keys);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(31)]
    public void The_length_must_be_between_one_minute_and_the_configured_maximum(int minutes)
    {
        var form = Valid();
        form.Minutes = minutes;
        Assert.Equal(["Minutes"], form.Validate(30).Keys);
    }

    [Fact]
    public void Over_long_ticket_and_note_are_refused()
    {
        var form = Valid();
        form.Ticket = new string('T', SupportLimits.Ticket + 1);
        form.Note = new string('n', SupportLimits.Note + 1);
        Assert.Equal(["Note", "Ticket"], form.Validate(30).Keys.Order());
    }
}
