using System.Net;
using System.Net.Sockets;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Com1ControlPanel.Infrastructure.RateLimiting;

/// <summary>
/// ASP.NET Core's rate limiter with the panel's policies. Pages and endpoints name their policy
/// (<c>[EnableRateLimiting]</c> on a page, <c>RequireRateLimiting</c> on an endpoint); page policies count only form posts,
/// as the same address also serves the page. Posts that send mail about an account are limited per submitted address too.
/// A refused request gets 429 with Retry-After and nothing else happens; the status page says when to try again.
/// </summary>
public static class PanelRateLimiting
{
    private const string SubmittedAddress = "com1.rate-limit.address";

    public static IServiceCollection AddPanelRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RateLimitOptions>()
            .Bind(configuration.GetSection(RateLimitOptions.Section))
            .Validate(o => o.All().All(rule => rule.PermitLimit > 0 && rule.Window > TimeSpan.Zero),
                "Every RateLimits entry needs a PermitLimit above 0 and a Window longer than zero.")
            .ValidateOnStart();
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = RejectAsync;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(PerSubmittedAddress);
            AddPolicy(options, RateLimitPolicies.SignIn, o => o.SignIn, ClientKey, formPostsOnly: true);
            AddPolicy(options, RateLimitPolicies.Registration, o => o.Registration, ClientKey, formPostsOnly: true);
            AddPolicy(options, RateLimitPolicies.AccountMail, o => o.AccountMail, ClientKey, formPostsOnly: true);
            AddPolicy(options, RateLimitPolicies.Passkey, o => o.Passkey, ClientKey, formPostsOnly: false);
            AddPolicy(options, RateLimitPolicies.Unsubscribe, o => o.Unsubscribe, ClientKey, formPostsOnly: false);
            AddPolicy(options, RateLimitPolicies.Export, o => o.Export, UserKey, formPostsOnly: false);
            AddPolicy(options, RateLimitPolicies.Rdap, o => o.Rdap, ClientKey, formPostsOnly: false);
        });
        return services;
    }

    /// <summary>After authentication (exports count per user) and routing (each endpoint names its policy).</summary>
    public static WebApplication UsePanelRateLimiting(this WebApplication app)
    {
        app.Use(async (context, next) =>
        {
            if (context.GetEndpoint()?.Metadata.GetMetadata<SendsAccountMailAttribute>() is { } mail
                && HttpMethods.IsPost(context.Request.Method) && context.Request.HasFormContentType)
            {
                await ReadSubmittedAddressAsync(context, mail.AddressField);
            }
            await next(context);
        });
        app.UseRateLimiter();
        return app;
    }

    // The page reads the same form afterwards: ASP.NET Core keeps the parsed form on the request.
    private static async Task ReadSubmittedAddressAsync(HttpContext context, string field)
    {
        try
        {
            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            context.Items[SubmittedAddress] = form[field].ToString().Trim().ToUpperInvariant();
        }
        catch (Exception ex) when (ex is InvalidDataException or BadHttpRequestException)
        {
            // A malformed form: the page refuses it on its own.
        }
    }

    private static RateLimitPartition<string> PerSubmittedAddress(HttpContext context)
    {
        // The endpoint is checked again: a re-executed status page shares the request's items.
        if (context.Items[SubmittedAddress] is string { Length: > 0 } address
            && context.GetEndpoint()?.Metadata.GetMetadata<SendsAccountMailAttribute>() is not null)
        {
            var rule = Rules(context).AccountMailPerAddress;
            return RateLimitPartition.GetFixedWindowLimiter(address, _ => rule.ToFixedWindow());
        }
        return RateLimitPartition.GetNoLimiter("");
    }

    private static void AddPolicy(RateLimiterOptions options, string name, Func<RateLimitOptions, RateLimitRule> rule,
        Func<HttpContext, string> key, bool formPostsOnly) =>
        options.AddPolicy(name, context =>
        {
            if (formPostsOnly && !HttpMethods.IsPost(context.Request.Method))
            {
                return RateLimitPartition.GetNoLimiter("");
            }
            var limit = rule(Rules(context));
            return RateLimitPartition.GetFixedWindowLimiter(key(context), _ => limit.ToFixedWindow());
        });

    private static RateLimitOptions Rules(HttpContext context) =>
        context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;

    /// <summary>The client's address; IPv6 by its /64 network, which one household or server usually holds whole.</summary>
    private static string ClientKey(HttpContext context)
    {
        if (context.Connection.RemoteIpAddress is not { } address)
        {
            return "unknown";
        }
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return $"{new IPAddress(bytes)}/64";
    }

    private static string UserKey(HttpContext context) =>
        context.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId ? $"user:{userId}" : $"client:{ClientKey(context)}";

    private static ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
        context.Response.Headers.RetryAfter = RetryAfter.HeaderValue(wait);
        // The route, never the address as typed (it may carry a token) nor the client's address.
        var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "(no route)";
        context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(PanelRateLimiting).FullName!)
            .LogWarning("Refused {Method} {Route}: over its rate limit", context.Request.Method, route);
        if (context.GetEndpoint()?.Metadata.GetMetadata<IRateLimitRefusal>() is { } refusal)
        {
            // An answer for programs (RDAP's JSON error), in the format the endpoint speaks.
            return new ValueTask(refusal.WriteAsync(context, wait));
        }
        var request = context.Request;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || request.HasFormContentType)
        {
            // No body: the status pages re-execute /status/429, which says in the panel's look when to try again.
            return ValueTask.CompletedTask;
        }
        // A script's request (passkey options): the status page would take the re-executed post for a form, so a plain one.
        context.Response.ContentType = "text/html; charset=utf-8";
        return new ValueTask(context.Response.WriteAsync(
            "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Too many attempts · Com 1</title></head><body>"
            + $"<h1>Too many attempts</h1><p>Try again {RetryAfter.Describe(wait)}. Nothing was sent or changed.</p></body></html>",
            cancellationToken));
    }
}
