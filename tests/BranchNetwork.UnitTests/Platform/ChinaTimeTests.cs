using BranchNetwork.SharedKernel;

namespace BranchNetwork.UnitTests.Platform;

/// <summary>Changes the process time zone: runs alone, so no other test sees a foreign TimeZoneInfo.Local.</summary>
[CollectionDefinition(nameof(ProcessTimeZone), DisableParallelization = true)]
public sealed class ProcessTimeZone;

[Collection(nameof(ProcessTimeZone))]
public sealed class ChinaTimeTests
{
    [Theory]
    [InlineData("UTC")]
    [InlineData("America/New_York")]
    [InlineData("Asia/Shanghai")]
    public void A_stored_utc_time_is_shown_in_china_time_whatever_the_server_zone(string serverZone)
    {
        // 2026-03-01 16:30 UTC is already 2 March, 00:30, in China.
        var utc = new DateTime(2026, 3, 1, 16, 30, 0, DateTimeKind.Utc);
        WithServerZone(serverZone, () =>
        {
            Assert.Equal(serverZone, TimeZoneInfo.Local.Id);
            Assert.Equal("2026-03-02 00:30", ChinaTime.ToDisplay(utc));
            Assert.Equal("2026-03-02", ChinaTime.ToDisplayDate(utc));
            Assert.Equal("2026-03-02 00:30:00", ChinaTime.ToDisplayWithSeconds(utc));
            // A time read back from the database without a kind is UTC too.
            Assert.Equal("2026-03-02 00:30", ChinaTime.ToDisplay(DateTime.SpecifyKind(utc, DateTimeKind.Unspecified)));
        });
    }

    [Fact]
    public void The_server_zone_really_changes_in_these_tests_so_ToLocalTime_would_have_shown_the_wrong_day()
    {
        var utc = new DateTime(2026, 3, 1, 16, 30, 0, DateTimeKind.Utc);
        WithServerZone("UTC", () => Assert.Equal("2026-03-01 16:30", utc.ToLocalTime().ToString(ChinaTime.DateTimeFormat, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData("UTC")]
    [InlineData("America/New_York")]
    public void A_time_typed_on_the_bank_clock_is_read_as_china_time_whatever_the_server_zone(string serverZone) =>
        WithServerZone(serverZone, () =>
            Assert.Equal(new DateTime(2026, 3, 1, 16, 30, 0, DateTimeKind.Utc), ChinaTime.ToUtc(new DateTime(2026, 3, 2, 0, 30, 0))));

    [Fact]
    public void No_time_shows_as_empty() => Assert.Equal("", ChinaTime.ToDisplay((DateTime?)null));

    private static void WithServerZone(string zone, Action test)
    {
        var previous = Environment.GetEnvironmentVariable("TZ");
        Environment.SetEnvironmentVariable("TZ", zone);
        TimeZoneInfo.ClearCachedData();
        try
        {
            test();
        }
        finally
        {
            Environment.SetEnvironmentVariable("TZ", previous);
            TimeZoneInfo.ClearCachedData();
        }
    }
}
