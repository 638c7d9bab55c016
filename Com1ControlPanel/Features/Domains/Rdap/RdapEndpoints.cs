using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Com1ControlPanel.Infrastructure.Hosting;
using Com1ControlPanel.Infrastructure.RateLimiting;
using Microsoft.Extensions.Options;

namespace Com1ControlPanel.Features.Domains.Rdap;

/// <summary>
/// The public RDAP service (RFC 7480, 9082, 9083) for the domains Com 1 registered: <c>GET /rdap/domain/{name}</c> for anyone,
/// signed in or not, and <c>/rdap/help</c>. Every answer is <c>application/rdap+json</c>; an unknown name is 404, a name
/// that is not a domain name is 400, too many lookups from one address are 429, each with an RDAP error object. Nothing
/// a request sends can make it throw.
/// </summary>
public static class RdapEndpoints
{
    public const string ContentType = "application/rdap+json";
    public const string DomainPath = "/rdap/domain/";

    // Written as RDAP clients and people read it ("+1", "&", "café"), not escaped for HTML: the answer is never HTML (its
    // content type says so, and nosniff holds browsers to it).
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static IEndpointRouteBuilder MapRdap(this IEndpointRouteBuilder endpoints)
    {
        var rdap = endpoints.MapGroup("/rdap").AllowAnonymous()
            .RequireRateLimiting(RateLimitPolicies.Rdap)
            .WithMetadata(new RdapRefusal());
        // A catch-all, so an empty name or one with slashes still gets an RDAP answer rather than the panel's page.
        rdap.MapMethods("/domain/{**name}", [HttpMethods.Get, HttpMethods.Head], LookUpAsync);
        rdap.MapMethods("/help", [HttpMethods.Get, HttpMethods.Head], (HttpContext context, PanelLinks links, IOptions<DomainOptions> options,
            TimeProvider time) => Answer(context, StatusCodes.Status200OK, new JsonObject
            {
                ["rdapConformance"] = new JsonArray(RdapDomainAnswer.Level0, RdapDomainAnswer.Redacted),
                ["notices"] = RdapNotices.For(Site(context, links, options.Value, time)),
            }));
        return endpoints;
    }

    private static async Task LookUpAsync(string? name, HttpContext context, RegistryLookup lookup, PanelLinks links,
        IOptions<DomainOptions> options, TimeProvider time)
    {
        if (!DomainName.TryParse(name, out var domainName, out var problem))
        {
            await Answer(context, StatusCodes.Status400BadRequest, Error(400, "Bad request", problem));
            return;
        }
        if (await lookup.FindAsync(domainName, context.RequestAborted) is not { } domain)
        {
            await Answer(context, StatusCodes.Status404NotFound,
                Error(404, "Not found", $"Com 1 Communications is not the registrar of {domainName.Ascii}."));
            return;
        }
        await Answer(context, StatusCodes.Status200OK, RdapDomainAnswer.For(domain, Site(context, links, options.Value, time, domainName)));
    }

    private static RdapSite Site(HttpContext context, PanelLinks links, DomainOptions options, TimeProvider time, DomainName? name = null) =>
        new(links.To(name is null ? "rdap/help" : DomainPath.TrimStart('/') + name.Ascii), links.To(""), links.To("privacy"),
            options.Com1Contact, options.AbuseEmail, options.AbusePhone, time.GetUtcNow().UtcDateTime);

    internal static JsonObject Error(int code, string title, string description) => new()
    {
        ["rdapConformance"] = new JsonArray(RdapDomainAnswer.Level0),
        ["errorCode"] = code,
        ["title"] = title,
        ["description"] = new JsonArray(description),
    };

    internal static Task Answer(HttpContext context, int status, JsonObject body)
    {
        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = ContentType;
        // RFC 7480: browser scripts of any site may read public registration data.
        response.Headers.AccessControlAllowOrigin = "*";
        // A withheld value must not outlive the customer's choice in some cache.
        response.Headers.CacheControl = "no-store";
        return response.WriteAsync(body.ToJsonString(Json), context.RequestAborted);
    }

    /// <summary>Over the RDAP rate limit: an RDAP error, as programs expect, instead of the panel's page.</summary>
    private sealed class RdapRefusal : IRateLimitRefusal
    {
        public Task WriteAsync(HttpContext context, TimeSpan retryAfter) =>
            Answer(context, StatusCodes.Status429TooManyRequests, Error(429, "Too many requests",
                $"Too many lookups from this address. Try again {RetryAfter.Describe(retryAfter)}."));
    }
}
