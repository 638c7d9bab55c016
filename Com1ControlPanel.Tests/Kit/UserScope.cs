using System.Security.Claims;
using Com1ControlPanel.Infrastructure.Auditing;
using Microsoft.AspNetCore.Components.Authorization;

namespace Com1ControlPanel.Tests.Kit;

/// <summary>
/// The app's services in a scope of their own, signed in as one person (or a visitor), as a page's circuit or a request
/// has them: every scoped service resolved here, and every service they use, sees that person.
/// </summary>
public sealed class UserScope : IDisposable
{
    private readonly AsyncServiceScope scope;

    public UserScope(IServiceProvider services, ClaimsPrincipal principal)
    {
        scope = services.CreateAsyncScope();
        ((IHostEnvironmentAuthenticationStateProvider)Get<AuthenticationStateProvider>())
            .SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));
        services.GetService<OpenScopes>()?.Add(scope);
    }

    public IServiceProvider Services => scope.ServiceProvider;

    /// <summary>The signed-in user as the server knows them.</summary>
    public CurrentUser User => Get<CurrentUser>();

    public T Get<T>() where T : notnull => scope.ServiceProvider.GetRequiredService<T>();

    /// <summary>A service of this scope with some of its dependencies given by the test (a failing mail server, a listening log).</summary>
    public T Make<T>(params object[] given) => ActivatorUtilities.CreateInstance<T>(scope.ServiceProvider, given);

    public void Dispose() => scope.Dispose();
}

/// <summary>Scopes tests opened and did not close: closed with the app's services, so no database context outlives them.</summary>
internal sealed class OpenScopes : IDisposable, IAsyncDisposable
{
    private readonly List<AsyncServiceScope> scopes = [];

    public void Add(AsyncServiceScope scope)
    {
        lock (scopes)
        {
            scopes.Add(scope);
        }
    }

    public void Dispose()
    {
        foreach (var scope in scopes)
        {
            scope.Dispose();
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var scope in scopes)
        {
            await scope.DisposeAsync();
        }
    }
}
