using System.Net;
using BranchNetwork.Modules.Identity.Domain;
using BranchNetwork.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace BranchNetwork.IntegrationTests.Identity;

/// <summary>
/// The app with two test-only additions: a request's client address comes from a test header (the
/// test server has no sockets), and every password-hash verification is counted, so tests compare the
/// work done for two sign-ins without timing them.
/// </summary>
public sealed class AddressedFactory : BranchNetworkFactory
{
    public const string AddressHeader = "X-Test-Client-Address";

    /// <summary>Small, so the account-wide ceiling is reached with few requests.</summary>
    public const int AccountCeiling = 10;

    public HashVerifications Verifications { get; } = new();

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Identity:SignInThrottle:AccountFailures"] = AccountCeiling.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<IStartupFilter, ClientAddressFromHeader>();
            services.AddScoped<IPasswordHasher<BankUser>>(sp =>
                new CountingPasswordHasher(new PasswordHasher<BankUser>(sp.GetService<IOptions<PasswordHasherOptions>>()), Verifications));
        });
    }

    public HttpClient ApiClientFrom(string address)
    {
        var client = CreateAnonymousClient();
        client.DefaultRequestHeaders.Add(AddressHeader, address);
        return client;
    }

    public HttpClient BrowserFrom(string address)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        client.Timeout = TimeSpan.FromMinutes(5);
        client.DefaultRequestHeaders.Add(AddressHeader, address);
        return client;
    }

    public async Task<HttpResponseMessage> PasswordTokenFromAsync(string address, string userName, string password)
    {
        using var client = ApiClientFrom(address);
        return await client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password",
            ["client_id"] = "branchnet-cli",
            ["username"] = userName,
            ["password"] = password,
            ["scope"] = "openid api",
        }));
    }

    private sealed class ClientAddressFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, following) =>
            {
                if (IPAddress.TryParse(context.Request.Headers[AddressHeader].ToString(), out var address))
                {
                    context.Connection.RemoteIpAddress = address;
                }

                return following(context);
            });
            next(app);
        };
    }

    private sealed class CountingPasswordHasher(IPasswordHasher<BankUser> inner, HashVerifications count) : IPasswordHasher<BankUser>
    {
        public string HashPassword(BankUser user, string password) => inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(BankUser user, string hashedPassword, string providedPassword)
        {
            count.Add();
            return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}

/// <summary>How many password hashes the app has verified so far.</summary>
public sealed class HashVerifications
{
    private int count;

    public int Count => Volatile.Read(ref count);

    public void Add() => Interlocked.Increment(ref count);
}
