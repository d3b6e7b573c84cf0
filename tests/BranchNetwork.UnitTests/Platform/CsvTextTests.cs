using System.Text;
using BranchNetwork.Infrastructure.Text;

namespace BranchNetwork.UnitTests.Platform;

[Trait("Spec", "ORG-1")]
public sealed class CsvTextTests
{
    static CsvTextTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Fact]
    public void Quoted_fields_keep_commas_quotes_and_line_breaks()
    {
        var records = CsvText.Parse("a,\"b,c\",\"say \"\"hi\"\"\"\r\n\"multi\nline\",x,\r\n");

        Assert.Equal(2, records.Count);
        Assert.Equal(["a", "b,c", "say \"hi\""], records[0]);
        Assert.Equal(["multi\nline", "x", ""], records[1]);
    }

    [Fact]
    public void The_last_record_needs_no_trailing_newline()
    {
        Assert.Equal(["1", "2"], CsvText.Parse("h1,h2\n1,2")[1]);
    }

    [Fact]
    public void Gb18030_bytes_decode_to_the_same_chinese_text_as_utf8()
    {
        const string text = "用户名,姓名\nzhang,张伟";

        Assert.Equal(text, CsvText.Decode(Encoding.GetEncoding("GB18030").GetBytes(text)));
        Assert.Equal(text, CsvText.Decode([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)]));
    }
}
