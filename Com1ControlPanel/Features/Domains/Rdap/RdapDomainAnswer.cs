using System.Globalization;
using System.Text.Json.Nodes;

namespace Com1ControlPanel.Features.Domains.Rdap;

/// <summary>
/// The RFC 9083 domain object for a <see cref="PublicDomain"/>: conformance, names, status, events, name servers, the
/// registrar and the contacts as entities with jCard, RFC 9537's "redacted" list, and the notices and links registrars'
/// RDAP servers give. It reads the public view only: a withheld value is not there to be written.
/// </summary>
internal static class RdapDomainAnswer
{
    public const string Level0 = "rdap_level_0";
    public const string Redacted = "redacted";

    public static JsonObject For(PublicDomain domain, RdapSite site)
    {
        var entities = new JsonArray { Registrar(site) };
        var redacted = new JsonArray();
        foreach (var contact in domain.Contacts)
        {
            var (entity, redactions) = RdapContactCard.For(contact);
            if (entity is not null)
            {
                entities.Add(entity);
            }
            foreach (var redaction in redactions)
            {
                redacted.Add(redaction);
            }
        }
        var answer = new JsonObject
        {
            ["rdapConformance"] = new JsonArray(Level0, Redacted),
            ["objectClassName"] = "domain",
            ["handle"] = $"D{domain.Id.ToString(CultureInfo.InvariantCulture)}-COM1",
            ["ldhName"] = domain.Name.Ascii,
        };
        if (domain.Name.IsInternationalised)
        {
            answer["unicodeName"] = domain.Name.Unicode;
        }
        answer["status"] = new JsonArray([.. Statuses(domain).Select(s => (JsonNode)s)]);
        answer["events"] = new JsonArray(
            Event("registration", domain.RegisteredOn.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)),
            Event("expiration", domain.ExpiresOn.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)),
            Event("last changed", domain.ChangedAt ?? domain.RegisteredOn.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)),
            Event("last update of RDAP database", site.Now));
        answer["nameservers"] = new JsonArray([.. domain.NameServers.Select(ns => (JsonNode)new JsonObject
        {
            ["objectClassName"] = "nameserver",
            ["ldhName"] = ns,
        })]);
        answer["secureDNS"] = new JsonObject { ["delegationSigned"] = false };
        answer["entities"] = entities;
        answer["links"] = new JsonArray(Link("self", site.Self, "application/rdap+json"));
        answer["notices"] = RdapNotices.For(site);
        answer["redacted"] = redacted;
        return answer;
    }

    /// <summary>RDAP's status values (RFC 8056's mapping of EPP): "active" only when nothing else applies.</summary>
    public static IReadOnlyList<string> Statuses(PublicDomain domain)
    {
        var statuses = new List<string>();
        switch (domain.Status)
        {
            case DomainStatus.Expired or DomainStatus.OnHold:
                statuses.Add("client hold");
                break;
            case DomainStatus.RedemptionPeriod:
                statuses.Add("redemption period");
                break;
            case DomainStatus.PendingTransfer:
                statuses.Add("pending transfer");
                break;
            case DomainStatus.PendingDelete:
                statuses.Add("pending delete");
                break;
        }
        if (domain.TransferLock)
        {
            statuses.Add("client transfer prohibited");
        }
        return statuses.Count == 0 ? ["active"] : statuses;
    }

    private static JsonObject Registrar(RdapSite site) => new()
    {
        ["objectClassName"] = "entity",
        ["roles"] = new JsonArray("registrar"),
        ["vcardArray"] = new JsonArray("vcard", RdapContactCard.Card(site.Registrar.Organisation ?? site.Registrar.Name, null,
            site.Registrar.Email, site.Registrar.Phone)),
        ["links"] = new JsonArray(Link("about", site.Home, "text/html")),
        ["entities"] = new JsonArray(new JsonObject
        {
            ["objectClassName"] = "entity",
            ["roles"] = new JsonArray("abuse"),
            ["vcardArray"] = new JsonArray("vcard", RdapContactCard.Card("Com 1 Abuse Desk", null, site.AbuseEmail, site.AbusePhone)),
        }),
    };

    private static JsonObject Event(string action, DateTime at) => new()
    {
        ["eventAction"] = action,
        ["eventDate"] = at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
    };

    public static JsonObject Link(string rel, string href, string type) => new()
    {
        ["value"] = href,
        ["rel"] = rel,
        ["href"] = href,
        ["type"] = type,
    };
}

/// <summary>What every answer says about the server: its own address, Com 1 as registrar, when it answered.</summary>
internal sealed record RdapSite(string Self, string Home, string Privacy, DomainContactValues Registrar, string AbuseEmail,
    string AbusePhone, DateTime Now);
