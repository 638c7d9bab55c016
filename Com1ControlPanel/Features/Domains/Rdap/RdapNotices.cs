using System.Text.Json.Nodes;

namespace Com1ControlPanel.Features.Domains.Rdap;

/// <summary>The notices registrars' RDAP servers attach to every answer: terms, status codes, inaccuracy reports, redaction.</summary>
internal static class RdapNotices
{
    public static JsonArray For(RdapSite site) =>
    [
        Notice("Terms of Use",
            ["Registration data is provided by Com 1 Communications as registrar, for lawful purposes only. Com 1's privacy policy says how it handles personal data."],
            RdapDomainAnswer.Link("terms-of-service", site.Privacy, "text/html")),
        Notice("Status Codes",
            ["For more information on domain status codes, please visit https://icann.org/epp"],
            RdapDomainAnswer.Link("glossary", "https://icann.org/epp", "text/html")),
        Notice("RDDS Inaccuracy Complaint Form",
            ["URL of the ICANN RDDS Inaccuracy Complaint Form: https://icann.org/wicf"],
            RdapDomainAnswer.Link("help", "https://icann.org/wicf", "text/html")),
        Notice("Redacted Data",
            ["Personal data of contacts who are natural persons is withheld unless the registrant chooses to publish it; "
             + "the \"redacted\" member lists every withheld field. To reach a contact, write to the registrar's abuse desk."],
            null),
    ];

    private static JsonObject Notice(string title, string[] description, JsonObject? link)
    {
        var notice = new JsonObject
        {
            ["title"] = title,
            ["description"] = new JsonArray([.. description.Select(d => (JsonNode)d)]),
        };
        if (link is not null)
        {
            notice["links"] = new JsonArray(link);
        }
        return notice;
    }
}
