using BranchNetwork.Modules.Community.Domain;
using BranchNetwork.Modules.Community.Features.Shared;

namespace BranchNetwork.UnitTests.Community;

/// <summary>
/// The sensitive-word matcher (CM-4): full-width and half-width forms, case, and spaces or symbols put between the
/// characters do not hide a word; masking replaces the word's own characters in the original text, and in HTML never
/// touches a tag.
/// </summary>
[Trait("Spec", "CM-4")]
public sealed class ModerationMatcherTests
{
    private static readonly SensitiveWordRule Violate = Rule("违规", SensitiveWordAction.Mask);
    private static readonly SensitiveWordRule English = Rule("violate", SensitiveWordAction.Mask);
    private static readonly SensitiveWordRule Blocked = Rule("赌博", SensitiveWordAction.Block);
    private static readonly SensitiveWordRule Held = Rule("内幕", SensitiveWordAction.Hold);

    [Theory]
    [InlineData("这是违规操作", "这是＊＊操作")]
    [InlineData("这是违 规操作", "这是＊ ＊操作")]
    [InlineData("这是违*规操作", "这是＊*＊操作")]
    [InlineData("这是违　·　规操作", "这是＊　·　＊操作")]
    [InlineData("两次违规又违规", "两次＊＊又＊＊")]
    [InlineData("没有问题", "没有问题")]
    public void Chinese_words_are_found_through_inserted_spaces_and_symbols_and_masked_in_place(string text, string masked)
    {
        var scan = SensitiveWordMatcher.Scan(text, [Violate], html: false);
        Assert.Equal(masked, scan.Masked);
        Assert.Equal(text != masked, scan.Found.Count == 1);
    }

    [Theory]
    [InlineData("do not violate", "do not ＊＊＊＊＊＊＊")]
    [InlineData("do not ｖｉｏｌａｔｅ", "do not ＊＊＊＊＊＊＊")]
    [InlineData("do not VIOLATE", "do not ＊＊＊＊＊＊＊")]
    [InlineData("do not v.i.o.l.a.t.e!", "do not ＊.＊.＊.＊.＊.＊.＊!")]
    [InlineData("do not Ｖ i O l A t E", "do not ＊ ＊ ＊ ＊ ＊ ＊ ＊")]
    public void Full_width_half_width_and_case_are_one(string text, string masked) =>
        Assert.Equal(masked, SensitiveWordMatcher.Scan(text, [English], html: false).Masked);

    [Fact]
    public void A_word_is_stored_in_its_normal_form()
    {
        Assert.Equal("违规", SensitiveWordMatcher.Normalize(" 违 规 "));
        Assert.Equal("violate", SensitiveWordMatcher.Normalize("ＶＩＯ-late"));
        Assert.Equal("", SensitiveWordMatcher.Normalize("*** ---"));
    }

    [Fact]
    public void In_html_only_text_is_masked_and_a_word_split_by_a_tag_is_found()
    {
        var scan = SensitiveWordMatcher.Scan("<p>请勿<b>违</b>规，<a href=\"https://violate.example\">链接</a></p>", [Violate, English], html: true);
        Assert.Equal("<p>请勿<b>＊</b>＊，<a href=\"https://violate.example\">链接</a></p>", scan.Masked);
        Assert.Single(scan.Found);
    }

    [Fact]
    public void Html_entities_count_as_separators_and_are_never_broken()
    {
        var scan = SensitiveWordMatcher.Scan("<p>违&nbsp;规 &amp; violate</p>", [Violate, English], html: true);
        Assert.Equal("<p>＊&nbsp;＊ &amp; ＊＊＊＊＊＊＊</p>", scan.Masked);
    }

    [Fact]
    public void A_tag_name_or_attribute_never_matches()
    {
        var scan = SensitiveWordMatcher.Scan("<blockquote title=\"violate\">ok</blockquote>", [English], html: true);
        Assert.Empty(scan.Found);
        Assert.Equal("<blockquote title=\"violate\">ok</blockquote>", scan.Masked);
    }

    [Fact]
    public void Block_and_hold_are_reported_and_leave_the_text_as_it_is()
    {
        var scan = SensitiveWordMatcher.Scan("网上赌 博与内-幕消息", [Blocked, Held, Violate], html: false);
        Assert.True(scan.Blocks);
        Assert.True(scan.Holds);
        Assert.Equal("网上赌 博与内-幕消息", scan.Masked);
    }

    [Fact]
    public void Characters_outside_the_basic_plane_are_masked_whole()
    {
        var word = Rule("𠀀好", SensitiveWordAction.Mask);
        Assert.Equal("说＊＊吧", SensitiveWordMatcher.Scan("说𠀀好吧", [word], html: false).Masked);
    }

    private static SensitiveWordRule Rule(string word, SensitiveWordAction action) => new(word, SensitiveWordMatcher.Normalize(word), action);
}
