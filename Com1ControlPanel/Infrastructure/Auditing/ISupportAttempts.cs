namespace Com1ControlPanel.Infrastructure.Auditing;

/// <summary>
/// Keeps every attempt of Com 1 support, acting in a customer's account, to do what stays with the customer (their email
/// address, their answers to support). The Support feature keeps these with its other refused attempts, for review.
/// </summary>
public interface ISupportAttempts
{
    /// <param name="attempted">What the agent tried, as administrators read it after "Tried to": such as one of <see cref="CustomerOnlyActions"/>.</param>
    Task RecordCustomerOnlyAsync(string agentUserId, string customerId, string attempted, CancellationToken cancellationToken = default);
}

/// <summary>The names of what stays with the customer, recorded with a refused attempt and read after "Tried to".</summary>
public static class CustomerOnlyActions
{
    public const string ChangeEmail = "change the email address";
    public const string CancelEmailChange = "cancel an email address change";
    public const string DownloadPersonalData = "download the customer's data";
    public const string AcknowledgePolicy = "acknowledge the privacy policy";
    public const string PublishDomainContacts = "publish or withhold a domain's contact details";
    public const string AskForHelp = "ask for help";
    public const string CloseHelpRequest = "close a help request";
}
