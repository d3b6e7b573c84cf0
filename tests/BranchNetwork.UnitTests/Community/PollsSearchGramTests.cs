using BranchNetwork.Modules.Community.Features.Shared;

namespace BranchNetwork.UnitTests.Community;

/// <summary>CM-1 search: how text is cut into the index's grams and a query into the grams it needs (Chinese without word boundaries).</summary>
[Trait("Spec", "CM-1")]
public sealed class PollsSearchGramTests
{
    [Fact]
    public void Chinese_runs_are_cut_into_overlapping_pairs_plus_their_last_character()
    {
        Assert.Equal(new HashSet<string>(["贷款", "款利", "利率", "率"]), Bigrams.Of("贷款利率"));
        Assert.Equal(new HashSet<string>(["贷款", "款利", "利率"]), Bigrams.OfQuery("贷款利率").ToHashSet());
    }

    [Fact]
    public void Punctuation_and_spaces_break_runs_and_full_width_or_upper_case_letters_fold()
    {
        Assert.Equal(Bigrams.Of("etf 基金"), Bigrams.Of("ＥＴＦ，基金"));
        Assert.DoesNotContain("f基", Bigrams.Of("ETF 基金"));
        Assert.Equal(["贷"], Bigrams.OfQuery("贷"));
        Assert.Empty(Bigrams.OfQuery(" ，。！"));
    }

    [Fact]
    public void Every_query_gram_of_a_text_is_in_the_texts_index()
    {
        const string text = "支行开展理财产品推介会，客户反响热烈。ETF基金也受欢迎";
        var index = Bigrams.Of(text);
        foreach (var query in new[] { "理财产品", "推介会", "客户反响", "etf基金", "欢迎" })
        {
            Assert.All(Bigrams.OfQuery(query), g => Assert.Contains(g, index));
        }

        Assert.DoesNotContain("保险", index);
    }
}
