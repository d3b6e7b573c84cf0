using BranchNetwork.Host;

var app = await BranchNetworkApp.BuildAsync(args);
if (app is not null)
{
    await app.RunAsync();
}

/// <summary>Entry point, public for WebApplicationFactory in the tests.</summary>
public partial class Program;
