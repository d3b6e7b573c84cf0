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
