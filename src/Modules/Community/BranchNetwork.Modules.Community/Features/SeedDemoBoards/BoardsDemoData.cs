using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.SharedKernel.Modules;

namespace BranchNetwork.Modules.Community.Features.SeedDemoBoards;

/// <summary>
/// Development only: four boards moderated by the <c>moderator</c> demo account — 全行交流 (whole branch, post-review),
/// 问答互助 (anonymous allowed), 支行01 内部交流 (sub-branch 01 only) and 合规提示 (pre-review) — with a few threads and
/// replies in everyday banking terms. Idempotent: nothing is added once a board exists.
/// </summary>
internal sealed class BoardsDemoData(CommunityDbContext db, IOrganisationDirectory directory, IClock clock) : IDemoDataSeeder
{
    // After Identity's accounts.
    public int Order => 70;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.Boards.AnyAsync(cancellationToken))
        {
            return;
        }

        var people = new Dictionary<string, BankUserInfo>(StringComparer.Ordinal);
        foreach (var id in await directory.ListActiveUserIdsAsync(null, null, cancellationToken))
        {
            if (await directory.FindUserAsync(id, cancellationToken) is { } user)
            {
                people[user.UserName] = user;
            }
        }

        var subBranches = await directory.ListSubBranchesAsync(cancellationToken);
        var sb01 = subBranches.FirstOrDefault(s => s.Code == "SB01");
        if (!people.TryGetValue("moderator", out var moderator) || sb01 is null)
        {
            return;
        }

        const string rules = "1. 实名交流，文明发言，不得发布客户信息、账户信息等敏感数据。\n2. 不得转发未经核实的消息，不得讨论未公开的经营数据。\n3. 违反群规者，版主将予以警告，情节严重的移出版块。";
        var now = clock.UtcNow;
        var whole = Board.Create(new BoardSettings("全行交流", "全行员工的交流园地：经验分享、工作心得、活动通知。", rules, "欢迎加入全行交流！发帖前请阅读群规，文明交流。", BoardAudienceKind.WholeBranch, null, ReviewMode.PostReview, false, null, ExpiryAction.Close, 10), moderator.Id, moderator.DisplayName);
        var qa = Board.Create(new BoardSettings("问答互助", "业务问题互帮互答，可匿名提问，提问者可采纳多个答案。", rules, "欢迎来到问答互助！提问前先搜索，回答请尽量给出制度依据。", BoardAudienceKind.WholeBranch, null, ReviewMode.PostReview, true, null, ExpiryAction.Close, 20), moderator.Id, moderator.DisplayName);
        var local = Board.Create(new BoardSettings("支行01 内部交流", "支行01员工内部交流：排班、营销、网点事务。", rules, "欢迎加入支行01内部交流。", BoardAudienceKind.SubBranch, sb01.Id, ReviewMode.PostReview, false, null, ExpiryAction.Close, 30), moderator.Id, moderator.DisplayName);
        var compliance = Board.Create(new BoardSettings("合规提示", "合规部门发布的风险提示与案例学习，帖子经版主审核后发布。", rules, "欢迎关注合规提示，所有帖子需经版主审核。", BoardAudienceKind.WholeBranch, null, ReviewMode.PreReview, false, 180, ExpiryAction.Archive, 40), moderator.Id, moderator.DisplayName);
        db.Boards.AddRange(whole, qa, local, compliance);

        BoardThread Thread(Board board, string userName, ThreadKind kind, string title, string body, params string[] tags)
        {
            var user = people.GetValueOrDefault(userName) ?? moderator;
            var author = PostAuthor.Named(user.Id, user.DisplayName, user.UserName.StartsWith("staff01", StringComparison.Ordinal) || user.UserName == "head01" ? sb01.Id : null);
            var thread = BoardThread.Post(board, kind, title, new SafeHtml(body, Features.Shared.RichText.PlainText(body)), author, false, now);
            if (board.ReviewMode == ReviewMode.PreReview)
            {
                thread.Approve(board, now);
            }

            db.Threads.Add(thread);
            db.Tags.AddRange(tags.Select(t => new ThreadTag(thread.Id, t)));
            return thread;
        }

        void Reply(Board board, BoardThread thread, string userName, string body, bool accept = false)
        {
            var user = people.GetValueOrDefault(userName) ?? moderator;
            var reply = Domain.Reply.Post(board, thread, new SafeHtml(body, Features.Shared.RichText.PlainText(body)), PostAuthor.Named(user.Id, user.DisplayName, null), null, false, now);
            if (accept)
            {
                reply.Accept(thread);
            }

            db.Replies.Add(reply);
        }

        var welcome = Thread(whole, "moderator", ThreadKind.Discussion, "【置顶】工作社群上线啦，欢迎大家踊跃发言", "<p>各位同事：工作社群正式上线，大家可以在这里<b>分享经验、交流心得</b>。</p><ul><li>发帖前请先阅读群规</li><li>涉及客户信息的内容一律不得发布</li></ul>", "公告");
        welcome.Pin(true);
        var q1 = Thread(whole, "head01", ThreadKind.Discussion, "开门红期间代发工资营销的几点体会", "<p>今年开门红我们支行重点抓了代发工资客户，分享三点做法：</p><ol><li>提前梳理存量代发企业名单</li><li>联合公司条线上门走访</li><li>配套理财产品做到一户一策</li></ol>", "营销", "代发工资");
        Reply(whole, q1, "staff0101", "<p>走访企业那一条很有用，我们上周去了两家，客户反馈很好。</p>");
        Reply(whole, q1, "head02", "<p>支行02也在做，欢迎交流名单梳理的模板。</p>");
        var question = Thread(qa, "staff0102", ThreadKind.Question, "客户跨行转账大额限额怎么调整？", "<p>客户想把手机银行单日转账限额从5万调到20万，柜面需要哪些材料？</p>", "手机银行", "限额");
        Reply(qa, question, "staff0101", "<p>需客户本人携带身份证到柜面办理，并进行风险评估，调整后当日生效。</p>", accept: true);
        Reply(qa, question, "moderator", "<p>补充：超过20万需支行行长审批。</p>");
        Thread(local, "staff0101", ThreadKind.Discussion, "下周网点排班调整通知", "<p>下周三网点设备升级，上午暂停对公业务，请大家提前告知预约客户。</p>", "排班");
        Thread(compliance, "moderator", ThreadKind.Discussion, "风险提示：警惕冒充公检法的电信诈骗", "<p>近期辖内发生多起冒充公检法诈骗案件，请柜面人员对<b>老年客户大额转账</b>加强询问，必要时报告网点负责人。</p>", "反诈", "风险提示");
        await db.SaveChangesAsync(cancellationToken);
        await db.Threads.ExecuteUpdateAsync(
            s => s.SetProperty(t => t.ReplyCount, t => db.Replies.Count(r => r.ThreadId == t.Id && r.State == PostState.Published))
                .SetProperty(t => t.AcceptedCount, t => db.Replies.Count(r => r.ThreadId == t.Id && r.IsAccepted)),
            cancellationToken);
    }
}
