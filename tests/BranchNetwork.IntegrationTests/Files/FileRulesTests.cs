using System.IO.Compression;
using System.Text;
using BranchNetwork.Modules.Files.Contracts;
using BranchNetwork.Modules.Files.Domain;

namespace BranchNetwork.IntegrationTests.Files;

/// <summary>The store's own rules, without a host: the type comes from the content and the name is made safe.</summary>
[Trait("Spec", "AS-7")]
public sealed class FileRulesTests
{
    [Fact]
    public void Types_are_recognised_by_content_not_by_name()
    {
        Assert.Equal(FileKind.Pdf, ContentSniffer.Detect(SampleFiles.Pdf()));
        Assert.Equal(FileKind.Png, ContentSniffer.Detect([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]));
        Assert.Equal(FileKind.Jpeg, ContentSniffer.Detect([0xFF, 0xD8, 0xFF, 0xE0, 0, 16]));
        Assert.Equal(FileKind.Text, ContentSniffer.Detect(Encoding.UTF8.GetBytes("网点,存款\r\n支行01,100\r\n")));
        Assert.Equal(FileKind.Xlsx, ContentSniffer.Detect(Zip("[Content_Types].xml", "xl/workbook.xml")));
        Assert.Equal(FileKind.Docx, ContentSniffer.Detect(Zip("[Content_Types].xml", "word/document.xml")));

        Assert.Null(ContentSniffer.Detect(SampleFiles.Executable()));
        Assert.Null(ContentSniffer.Detect(Zip("readme.txt")));
        Assert.Null(ContentSniffer.Detect(Zip("[Content_Types].xml", "xl/workbook.xml", "xl/vbaProject.bin")));
        Assert.Null(ContentSniffer.Detect("text with a NUL\0"u8.ToArray()));
        Assert.Null(ContentSniffer.Detect([0x61, 0xC3, 0x28]));
        Assert.Null(ContentSniffer.Detect(Encoding.GetEncoding("utf-16").GetBytes("UTF-16 is not UTF-8")));
        Assert.Null(ContentSniffer.Detect([]));
    }

    [Theory]
    [InlineData(@"..\..\windows\证明材料.pdf", FileKind.Pdf, "证明材料.pdf")]
    [InlineData("/etc/passwd", FileKind.Text, "passwd.txt")]
    [InlineData("报表<1>:\"x\"|?*.xlsx", FileKind.Xlsx, "报表_1___x____.xlsx")]
    [InlineData("invoice\u202Efdp.exe", FileKind.Pdf, "invoicefdp.exe.pdf")]
    [InlineData("line\r\nbreak\t.csv", FileKind.Text, "linebreak.csv")]
    [InlineData("CON.pdf", FileKind.Pdf, "_CON.pdf")]
    [InlineData("  ..  ", FileKind.Png, "file.png")]
    [InlineData("photo.JPEG", FileKind.Jpeg, "photo.JPEG")]
    public void Names_are_made_safe_and_keep_chinese(string name, FileKind kind, string expected) =>
        Assert.Equal(expected, FileNames.Sanitise(name, kind));

    [Fact]
    public void Long_names_are_cut_keeping_the_extension()
    {
        var name = FileNames.Sanitise(new string('证', 300) + ".pdf", FileKind.Pdf);

        Assert.Equal(FileNames.MaxLength, name.Length);
        Assert.EndsWith("证.pdf", name, StringComparison.Ordinal);
    }

    private static byte[] Zip(params string[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(entry).Open());
                writer.Write("<x/>");
            }
        }

        return buffer.ToArray();
    }
}
