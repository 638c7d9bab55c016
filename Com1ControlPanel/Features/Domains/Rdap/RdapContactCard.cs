using System.Text.Json.Nodes;
using Com1ControlPanel.Features.Customers;

namespace Com1ControlPanel.Features.Domains.Rdap;

/// <summary>
/// One contact as an RDAP entity with its jCard (RFC 9083 section 5.1, RFC 7095), built from the public view only, and the
/// RFC 9537 "redacted" entries that say which fields were withheld and how: a withheld name or address part is an empty
/// value (jCard requires the property), a withheld email or phone is removed.
/// </summary>
internal static class RdapContactCard
{
    // The redaction names ICANN registered for RFC 9537's "type"; other fields are named in a "description".
    private static readonly HashSet<string> RegisteredNames =
    [
        "Registrant Name", "Registrant Organization", "Registrant Street", "Registrant City", "Registrant Postal Code",
        "Registrant Phone", "Registrant Email", "Tech Name", "Tech Phone", "Tech Email",
    ];

    public static string RoleName(DomainContactRole role) => role switch
    {
        DomainContactRole.Registrant => "registrant",
        DomainContactRole.Administrative => "administrative",
        DomainContactRole.Technical => "technical",
        _ => "billing",
    };

    /// <summary>The entity for <paramref name="contact"/> (none when the registry shows nothing of it) and its redactions.</summary>
    public static (JsonObject? Entity, List<JsonObject> Redactions) For(PublicContact contact)
    {
        var role = RoleName(contact.Role);
        var entityPath = $"$.entities[?(@.roles[0]=='{role}')]";
        if (contact.IsHidden)
        {
            return (null, [Redaction(contact.Role.Label(), entityPath, "removal", contact.WithheldBecause, pre: true)]);
        }
        var card = new JsonArray { Property("version", "4.0") };
        var redactions = new List<JsonObject>();
        string Shown(ContactField field) => contact.Published.GetValueOrDefault(field, "");
        void Withheld(ContactField field, string path, bool removed) =>
            redactions.Add(Redaction(NameOf(contact.Role, field), entityPath + ".vcardArray[1]" + path, removed ? "removal" : "emptyValue",
                contact.WithheldBecause, pre: removed));

        card.Add(Property("fn", Shown(ContactField.Name)));
        if (contact.Withheld.Contains(ContactField.Name))
        {
            Withheld(ContactField.Name, "[?(@[0]=='fn')][3]", removed: false);
        }
        if (contact.Published.TryGetValue(ContactField.Organisation, out var organisation))
        {
            card.Add(Property("org", organisation));
        }
        else if (contact.Withheld.Contains(ContactField.Organisation))
        {
            Withheld(ContactField.Organisation, "[?(@[0]=='org')]", removed: true);
        }
        AddAddress(card, contact, Withheld);
        if (contact.Published.TryGetValue(ContactField.Phone, out var phone))
        {
            card.Add(new JsonArray("tel", new JsonObject { ["type"] = "voice" }, "uri", "tel:" + phone));
        }
        else if (contact.Withheld.Contains(ContactField.Phone))
        {
            Withheld(ContactField.Phone, "[?(@[1].type=='voice')]", removed: true);
        }
        if (contact.Published.TryGetValue(ContactField.Email, out var email))
        {
            card.Add(Property("email", email));
        }
        else if (contact.Withheld.Contains(ContactField.Email))
        {
            Withheld(ContactField.Email, "[?(@[0]=='email')]", removed: true);
        }
        var entity = new JsonObject
        {
            ["objectClassName"] = "entity",
            ["roles"] = new JsonArray(role),
            ["vcardArray"] = new JsonArray("vcard", card),
        };
        return (entity, redactions);
    }

    /// <summary>A contact Com 1 itself answers for (the registrar and its abuse desk), published whole.</summary>
    public static JsonArray Card(string name, string? organisation, string? email, string? phone)
    {
        var card = new JsonArray { Property("version", "4.0"), Property("fn", name) };
        if (organisation is not null)
        {
            card.Add(Property("org", organisation));
        }
        if (phone is not null)
        {
            card.Add(new JsonArray("tel", new JsonObject { ["type"] = "voice" }, "uri", "tel:" + phone));
        }
        if (email is not null)
        {
            card.Add(Property("email", email));
        }
        return card;
    }

    // adr's value is [post office box, extended address, street, locality, region, postal code, country name].
    private static void AddAddress(JsonArray card, PublicContact contact, Action<ContactField, string, bool> withheld)
    {
        ContactField[] parts = [ContactField.Street, ContactField.City, ContactField.Region, ContactField.PostalCode, ContactField.Country];
        if (!parts.Any(p => contact.Published.ContainsKey(p) || contact.Withheld.Contains(p)))
        {
            return;
        }
        var parameters = new JsonObject();
        if (contact.Published.TryGetValue(ContactField.Country, out var country))
        {
            parameters["cc"] = country;
        }
        var address = new JsonArray("", "");
        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i];
            address.Add(contact.Published.TryGetValue(part, out var value) ? (part == ContactField.Country ? Countries.NameOf(value) : value) : "");
            if (contact.Withheld.Contains(part))
            {
                withheld(part, $"[?(@[0]=='adr')][3][{i + 2}]", false);
            }
        }
        card.Add(new JsonArray("adr", parameters, "text", address));
    }

    private static JsonArray Property(string name, string value) => new(name, new JsonObject(), "text", value);

    private static string NameOf(DomainContactRole role, ContactField field)
    {
        var who = role switch
        {
            DomainContactRole.Registrant => "Registrant",
            DomainContactRole.Technical => "Tech",
            DomainContactRole.Administrative => "Administrative",
            _ => "Billing",
        };
        var what = field switch
        {
            ContactField.Organisation => "Organization",
            ContactField.PostalCode => "Postal Code",
            ContactField.Region => "State/Province",
            _ => field.ToString(),
        };
        return $"{who} {what}";
    }

    private static JsonObject Redaction(string name, string path, string method, string? reason, bool pre) => new()
    {
        ["name"] = RegisteredNames.Contains(name) ? new JsonObject { ["type"] = name } : new JsonObject { ["description"] = name },
        [pre ? "prePath" : "postPath"] = path,
        ["pathLang"] = "jsonpath",
        ["method"] = method,
        ["reason"] = new JsonObject { ["description"] = reason ?? RegistryPublication.PersonalDataWithheld },
    };
}
