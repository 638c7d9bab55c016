using System.Text.Json;
using System.Text.Json.Serialization;
using Com1ControlPanel.Infrastructure.RateLimiting;
using Com1ControlPanel.Infrastructure.Security;

namespace Com1ControlPanel.Features.Preferences;

public static class ConsentReceiptEndpoints
{
    private static readonly JsonSerializerOptions ReceiptJson = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>GET /preferences/receipt: the signed-in customer's consent receipt as a JSON download.</summary>
    public static IEndpointRouteBuilder MapConsentReceipt(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/preferences/receipt", async (ConsentService consents, TimeProvider time, CancellationToken cancellationToken) =>
            {
                var receipt = await consents.CreateReceiptAsync(cancellationToken);
                var name = $"com1-consent-receipt-{time.GetUtcNow():yyyy-MM-dd}.json";
                return Results.File(JsonSerializer.SerializeToUtf8Bytes(receipt, ReceiptJson), "application/json", name);
            })
            .RequireAuthorization(policy => policy.RequireRole(Roles.Customer))
            .RequireRateLimiting(RateLimitPolicies.Export);
        return endpoints;
    }
}
