using System.Net;
using System.Net.Http.Headers;
using System.Text;
using BranchNetwork.IntegrationTests.Platform;
using BranchNetwork.Testing;

namespace BranchNetwork.IntegrationTests.Identity;

[Trait("Spec", "ORG-1")]
public sealed class UserImportTests(BranchNetworkFactory app) : IClassFixture<BranchNetworkFactory>
{
    static UserImportTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Fact]
    public async Task A_gb18030_file_with_chinese_headers_creates_every_account()
    {
        app.EnsureAvailable();
        var csv = "用户名,姓名,机构代码,岗位,初始密码\r\nzhang.wei,张伟,SB02,客户经理,Import#2026a\r\nwang.fang,王芳,SB02-T1,\"理财经理,兼职\",Import#2026b\r\n";

        var response = await UploadAsync(Encoding.GetEncoding("GB18030").GetBytes(csv));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, (await response.JsonAsync()).GetProperty("created").GetInt32());
        var me = await (await (await app.ClientForAsync("wang.fang", "Import#2026b")).GetAsync("/api/me")).JsonAsync();
        Assert.Equal("王芳", me.GetProperty("displayName").GetString());
        Assert.Equal("理财经理,兼职", me.GetProperty("position").GetString());
    }

    [Fact]
    public async Task A_utf8_file_with_english_headers_and_a_bom_is_accepted()
    {
        app.EnsureAvailable();
        var csv = "\uFEFFUserName,DisplayName,UnitCode,Password\nchen.jie,陈杰,SB03,Import#2026c\n";

        var response = await UploadAsync(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.TrimStart('\uFEFF'))).ToArray());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.RequestPasswordTokenAsync("chen.jie", "Import#2026c")).StatusCode);
    }

    [Fact]
    public async Task One_bad_row_rejects_the_whole_file_with_row_and_column_errors()
    {
        app.EnsureAvailable();
        var csv = "用户名,姓名,机构代码,初始密码\nok.user,好用户,SB04,Import#2026d\nbad.unit,坏机构,NOPE,Import#2026e\nhead01,重名,SB04,weak\n";

        var response = await UploadAsync(Encoding.UTF8.GetBytes(csv));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.JsonAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("row3.unitCode", out _), errors.ToString());
        Assert.True(errors.TryGetProperty("row4.userName", out _), errors.ToString());
        Assert.True(errors.TryGetProperty("row4.password", out _), errors.ToString());
        Assert.False(errors.TryGetProperty("row2.unitCode", out _));
        // All or nothing: the good row was not created either.
        Assert.Equal(HttpStatusCode.BadRequest, (await app.RequestPasswordTokenAsync("ok.user", "Import#2026d")).StatusCode);
        var admin = await app.ClientForAsync("admin");
        Assert.Empty(await admin.AllItemsAsync("/api/identity/users?search=ok.user"));
    }

    [Fact]
    public async Task A_file_without_required_columns_or_without_a_file_is_a_clear_400()
    {
        app.EnsureAvailable();
        var missing = await UploadAsync(Encoding.UTF8.GetBytes("姓名\n张三\n"));
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.True((await missing.JsonAsync()).GetProperty("errors").TryGetProperty("file", out _));

        var admin = await app.ClientForAsync("admin");
        var noFile = await admin.PostAsync("/api/identity/users/import", new StringContent("{}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, noFile.StatusCode);
    }

    [Fact]
    public async Task Only_a_system_admin_may_import()
    {
        app.EnsureAvailable();
        var content = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes("UserName,DisplayName,UnitCode,Password\nx.y,X,SB01,Import#2026z\n")), "file", "users.csv" } };
        var response = await (await app.ClientForAsync("head01")).PostAsync("/api/identity/users/import", content);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private async Task<HttpResponseMessage> UploadAsync(byte[] bytes)
    {
        var admin = await app.ClientForAsync("admin");
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return await admin.PostAsync("/api/identity/users/import", new MultipartFormDataContent { { file, "file", "users.csv" } });
    }
}
