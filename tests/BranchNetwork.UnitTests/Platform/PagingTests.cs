using BranchNetwork.SharedKernel;

namespace BranchNetwork.UnitTests.Platform;

public sealed class PagingTests
{
    [Theory]
    [InlineData(null, null, 1, 20)]
    [InlineData(-3, 0, 1, 20)]
    [InlineData(4, 50, 4, 50)]
    [InlineData(1, 1_000_000, 1, Paging.MaxPageSize)]
    public void User_supplied_paging_is_clamped(int? page, int? size, int expectedPage, int expectedSize)
    {
        Assert.Equal((expectedPage, expectedSize), Paging.Normalize(page, size));
    }
}

public sealed class PageCursorTests
{
    [Fact]
    public void A_cursor_gives_back_the_sort_key_it_was_made_from()
    {
        var time = new DateTime(2026, 12, 2, 8, 30, 15, DateTimeKind.Utc).AddTicks(1234);
        var id = Guid.CreateVersion7();

        var key = PageCursor.Decode(PageCursor.Encode("test.list", true, time, id, "张伟|x"), "test.list", 4)!;

        Assert.True(key.Flag(0));
        Assert.Equal(time, key.Time(1));
        Assert.Equal(DateTimeKind.Utc, key.Time(1).Kind);
        Assert.Equal(id, key.Id(2));
        Assert.Equal("张伟|x", key.Text(3));
    }

    [Fact]
    public void No_cursor_means_the_first_page()
    {
        Assert.Null(PageCursor.Decode(null, "test.list", 1));
        Assert.Null(PageCursor.Decode("", "test.list", 1));
    }

    [Theory]
    [InlineData("not a cursor!")]
    [InlineData("AAAA")]
    [InlineData("x")]
    public void Garbage_is_refused_as_a_field_error_on_after(string cursor)
    {
        var refused = Assert.Throws<SharedKernel.Errors.ValidationFailedException>(() => PageCursor.Decode(cursor, "test.list", 1));
        Assert.Equal([PageCursor.Field], refused.Errors.Keys);
    }

    [Fact]
    public void An_edited_cursor_or_one_from_another_list_is_refused()
    {
        var cursor = PageCursor.Encode("test.list", "alice");
        var body = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(Pad(cursor)));
        var edited = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(body.Replace("alice", "zelda", StringComparison.Ordinal))).TrimEnd('=');

        Assert.Equal("alice", PageCursor.Decode(cursor, "test.list", 1)!.Text(0));
        Assert.Throws<SharedKernel.Errors.ValidationFailedException>(() => PageCursor.Decode(edited, "test.list", 1));
        Assert.Throws<SharedKernel.Errors.ValidationFailedException>(() => PageCursor.Decode(cursor, "other.list", 1));
        Assert.Throws<SharedKernel.Errors.ValidationFailedException>(() => PageCursor.Decode(cursor, "test.list", 2));
    }

    [Fact]
    public void A_page_built_from_one_row_too_many_has_a_cursor_and_the_last_page_has_none()
    {
        var more = KeysetPage.From([1, 2, 3], 2, last => $"after-{last}");
        var last = KeysetPage.From([1, 2], 2, x => $"after-{x}");

        Assert.Equal([1, 2], more.Items);
        Assert.Equal("after-2", more.NextCursor);
        Assert.Equal([1, 2], last.Items);
        Assert.Null(last.NextCursor);
    }

    private static string Pad(string base64Url)
    {
        var s = base64Url.Replace('-', '+').Replace('_', '/');
        return s + new string('=', (4 - (s.Length % 4)) % 4);
    }
}
