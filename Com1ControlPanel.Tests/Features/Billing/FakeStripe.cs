using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Stripe;

namespace Com1ControlPanel.Tests.Features.Billing;

/// <summary>
/// Stripe's API as far as the panel uses it, answering with the JSON shapes Stripe documents, in memory: customers,
/// SetupIntents (with their payment method expanded), detaching a payment method. No request leaves the machine.
/// </summary>
public sealed class FakeStripe : HttpMessageHandler
{
    public const string SecretKey = "sk_test_fake";
    public const string PublishableKey = "pk_test_fake";
    public const string WebhookSecret = "whsec_test_secret";

    private sealed record Intent(string Id, string CustomerMeta, string StripeCustomer, string Status, string? PaymentMethod);

    private readonly ConcurrentDictionary<string, Intent> intents = new();
    private int next;

    public ConcurrentQueue<string> Requests { get; } = new();

    public ConcurrentQueue<string> Detached { get; } = new();

    public IStripeClient Client => new StripeClient(SecretKey, httpClient: new SystemNetHttpClient(new HttpClient(this)));

    /// <summary>What Stripe does when the customer confirms the Payment Element with a good card.</summary>
    public string Succeed(string setupIntentId, string brand = "visa", string last4 = "4242", int month = 8, int year = 2029)
    {
        var paymentMethod = $"pm_{brand}_{last4}_{month}_{year}_{Interlocked.Increment(ref next)}";
        intents.AddOrUpdate(setupIntentId, _ => throw new InvalidOperationException("No such SetupIntent"),
            (_, intent) => intent with { Status = "succeeded", PaymentMethod = paymentMethod });
        return paymentMethod;
    }

    /// <summary>A SetupIntent made (as by the panel) for <paramref name="panelCustomerId"/>, already succeeded.</summary>
    public string SucceededIntentFor(string panelCustomerId, string brand = "visa", string last4 = "4242")
    {
        var id = $"seti_{Interlocked.Increment(ref next)}";
        intents[id] = new Intent(id, panelCustomerId, "cus_x", "requires_payment_method", null);
        Succeed(id, brand, last4);
        return id;
    }

    public string? MetadataOf(string setupIntentId) => intents.TryGetValue(setupIntentId, out var i) ? i.CustomerMeta : null;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri!.AbsolutePath;
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        Requests.Enqueue($"{request.Method} {path}");
        var form = System.Web.HttpUtility.ParseQueryString(body);
        if (request.Method == HttpMethod.Post && path == "/v1/customers")
        {
            return Json(new { id = $"cus_{Interlocked.Increment(ref next)}", @object = "customer", email = form["email"] });
        }
        if (request.Method == HttpMethod.Post && path == "/v1/setup_intents")
        {
            var id = $"seti_{Interlocked.Increment(ref next)}";
            var intent = new Intent(id, form["metadata[com1_customer]"] ?? "", form["customer"] ?? "", "requires_payment_method", null);
            intents[id] = intent;
            return Json(Shape(intent, expand: false));
        }
        if (request.Method == HttpMethod.Get && path.StartsWith("/v1/setup_intents/", StringComparison.Ordinal))
        {
            return intents.TryGetValue(path["/v1/setup_intents/".Length..], out var intent)
                ? Json(Shape(intent, expand: request.RequestUri.Query.Contains("payment_method")))
                : Missing("setup_intent");
        }
        if (request.Method == HttpMethod.Post && path.EndsWith("/detach", StringComparison.Ordinal))
        {
            var id = path.Split('/')[3];
            Detached.Enqueue(id);
            return Json(new { id, @object = "payment_method", type = "card" });
        }
        return Missing("route");
    }

    private static object Shape(Intent intent, bool expand) => new Dictionary<string, object?>
    {
        ["id"] = intent.Id,
        ["object"] = "setup_intent",
        ["client_secret"] = $"{intent.Id}_secret_fake",
        ["customer"] = intent.StripeCustomer,
        ["status"] = intent.Status,
        ["usage"] = "off_session",
        ["metadata"] = new Dictionary<string, string> { ["com1_customer"] = intent.CustomerMeta },
        ["payment_method"] = intent.PaymentMethod is null ? null : expand ? PaymentMethod(intent.PaymentMethod) : intent.PaymentMethod,
    };

    private static object PaymentMethod(string id)
    {
        var parts = id.Split('_');
        return new
        {
            id,
            @object = "payment_method",
            type = "card",
            billing_details = new { name = "Stripe Holder" },
            card = new { brand = parts[1], last4 = parts[2], exp_month = int.Parse(parts[3]), exp_year = int.Parse(parts[4]) },
        };
    }

    private static HttpResponseMessage Json(object value) => new(HttpStatusCode.OK)
    {
        Content = new StringContent(JsonSerializer.Serialize(value), Encoding.UTF8, "application/json"),
    };

    private static HttpResponseMessage Missing(string what) => new(HttpStatusCode.NotFound)
    {
        Content = new StringContent(JsonSerializer.Serialize(new
        {
            error = new { type = "invalid_request_error", code = "resource_missing", message = $"No such {what}" },
        }), Encoding.UTF8, "application/json"),
    };

    /// <summary>A webhook event as Stripe sends it, and its Stripe-Signature header: t=...,v1=HMAC-SHA256(secret, "t.payload").</summary>
    public static (string Payload, string Signature) Event(string type, string setupIntentId, string panelCustomerId,
        DateTimeOffset at, string secret = WebhookSecret)
    {
        var payload = JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["id"] = $"evt_{Guid.NewGuid():N}",
            ["object"] = "event",
            ["api_version"] = "2026-10-28.endive",
            ["created"] = at.ToUnixTimeSeconds(),
            ["type"] = type,
            ["livemode"] = false,
            ["pending_webhooks"] = 1,
            ["data"] = new
            {
                @object = new Dictionary<string, object?>
                {
                    ["id"] = setupIntentId,
                    ["object"] = "setup_intent",
                    ["status"] = "succeeded",
                    ["metadata"] = new Dictionary<string, string> { ["com1_customer"] = panelCustomerId },
                    ["payment_method"] = "pm_from_event",
                },
            },
        });
        return (payload, Sign(payload, at, secret));
    }

    public static string Sign(string payload, DateTimeOffset at, string secret = WebhookSecret)
    {
        var timestamp = at.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{payload}"));
        return $"t={timestamp},v1={Convert.ToHexStringLower(mac)}";
    }
}
