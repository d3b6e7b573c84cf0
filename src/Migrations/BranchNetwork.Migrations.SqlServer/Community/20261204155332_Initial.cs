using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BranchNetwork.Migrations.SqlServer.Community
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "community");

            migrationBuilder.CreateTable(
                name: "ActivitySeen",
                schema: "community",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    UserId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    SeenAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActivitySeen", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "BoardMembers",
                schema: "community",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    BoardId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    UserId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    SubBranchId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    AcceptedRulesVersion = table.Column<int>(type: "int", nullable: false),
                    JoinedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    IsFollowing = table.Column<bool>(type: "bit", nullable: false),
                    LastReadAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BoardMembers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Boards",
                schema: "community",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Description = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    Rules = table.Column<string>(type: "nvarchar(max)", maxLength: 5000, nullable: false),
                    RulesVersion = table.Column<int>(type: "int", nullable: false),
                    WelcomeMessage = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    AudienceKind = table.Column<int>(type: "int", nullable: false),
                    AudienceUnitId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    ReviewMode = table.Column<int>(type: "int", nullable: false),
                    AllowsAnonymous = table.Column<bool>(type: "bit", nullable: false),
                    ExpiryDays = table.Column<int>(type: "int", nullable: true),
                    ExpiryAction = table.Column<int>(type: "int", nullable: false),
                    IsArchived = table.Column<bool>(type: "bit", nullable: false),
                    CreatedById = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    SortOrder = table.Column<int>(type: "int", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Boards", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CommunityOutboxMessages",
                schema: "community",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Type = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    Payload = table.Column<string>(type: "nvarchar(max)", maxLength: 100000, nullable: false),
                    OccurredAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    ProcessedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    Attempts = table.Column<int>(type: "int", nullable: false),
                    NextAttemptAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    LastError = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    ParkedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    LockedUntilUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    LockedBy = table.Column<Guid>(type: "uniqueidentifier", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommunityOutboxMessages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CommunityProcessedMessages",
                schema: "community",
                columns: table => new
                {
                    MessageId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Handler = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    ProcessedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommunityProcessedMessages", x => new { x.MessageId, x.Handler });
                });

            migrationBuilder.CreateTable(
                name: "Favourites",
                schema: "community",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ThreadId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    UserId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Favourites", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Likes",
                schema: "community",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TargetId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ThreadId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ReplyId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    UserId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Likes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PostRevisions",
                schema: "community",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ThreadId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ReplyId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    Title = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    Body = table.Column<string>(type: "nvarchar(max)", maxLength: 100000, nullable: false),
                    EditedById = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    EditedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PostRevisions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Pseudonyms",
                schema: "community",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    BoardId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    UserId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Alias = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Pseudonyms", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SearchGrams",
                schema: "community",
                columns: table => new
                {
                    Gram = table.Column<string>(type: "nvarchar(2)", maxLength: 2, nullable: false),
                    PostId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ThreadId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ReplyId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    BoardId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SearchGrams", x => new { x.Gram, x.PostId });
                });

            migrationBuilder.CreateTable(
                name: "SensitiveWords",
                schema: "community",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Word = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    Normalized = table.Column<string>(type: "nvarchar(90)", maxLength: 90, nullable: false),
                    Action = table.Column<int>(type: "int", nullable: false),
                    ChangedById = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SensitiveWords", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ThreadTags",
                schema: "community",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ThreadId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Tag = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ThreadTags", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ThreadViews",
                schema: "community",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ThreadId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    UserId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ThreadViews", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "BoardModerators",
                schema: "community",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    BoardId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    UserId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BoardModerators", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BoardModerators_Boards_BoardId",
                        column: x => x.BoardId,
                        principalSchema: "community",
                        principalTable: "Boards",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ModerationActions",
                schema: "community",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Kind = table.Column<int>(type: "int", nullable: false),
                    BoardId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    ThreadId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    ReplyId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    Subject = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    TargetName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    Reason = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    ActorId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ActorName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ModerationActions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ModerationActions_Boards_BoardId",
                        column: x => x.BoardId,
                        principalSchema: "community",
                        principalTable: "Boards",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PseudonymResolutions",
                schema: "community",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AuditorId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AuditorName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    BoardId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ThreadId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    ReplyId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    Pseudonym = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    ResolvedUserId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PseudonymResolutions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PseudonymResolutions_Boards_BoardId",
                        column: x => x.BoardId,
                        principalSchema: "community",
                        principalTable: "Boards",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Sanctions",
                schema: "community",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Kind = table.Column<int>(type: "int", nullable: false),
                    UserId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TargetName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    IsAnonymous = table.Column<bool>(type: "bit", nullable: false),
                    BoardId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    ThreadId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    ReplyId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    Reason = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    StartsAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    EndsAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    ById = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ByName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    LiftedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    LiftedById = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Sanctions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Sanctions_Boards_BoardId",
                        column: x => x.BoardId,
                        principalSchema: "community",
                        principalTable: "Boards",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SystemBoards",
                schema: "community",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Key = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    BoardId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SystemBoards", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SystemBoards_Boards_BoardId",
                        column: x => x.BoardId,
                        principalSchema: "community",
                        principalTable: "Boards",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Threads",
                schema: "community",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    BoardId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Kind = table.Column<int>(type: "int", nullable: false),
                    Title = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Body = table.Column<string>(type: "nvarchar(max)", maxLength: 100000, nullable: false),
                    BodyText = table.Column<string>(type: "nvarchar(max)", maxLength: 50000, nullable: false),
                    AuthorId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AuthorName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    AuthorSubBranchId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    Pseudonym = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true),
                    State = table.Column<int>(type: "int", nullable: false),
                    ModerationReason = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    IsPinned = table.Column<bool>(type: "bit", nullable: false),
                    IsFeatured = table.Column<bool>(type: "bit", nullable: false),
                    IsClosed = table.Column<bool>(type: "bit", nullable: false),
                    IsArchived = table.Column<bool>(type: "bit", nullable: false),
                    PublishedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    ExpiresAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    EditedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    LastActivityAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    ReplyCount = table.Column<int>(type: "int", nullable: false),
                    LikeCount = table.Column<int>(type: "int", nullable: false),
                    FavouriteCount = table.Column<int>(type: "int", nullable: false),
                    ViewCount = table.Column<int>(type: "int", nullable: false),
                    AcceptedCount = table.Column<int>(type: "int", nullable: false),
                    SubjectKind = table.Column<int>(type: "int", nullable: true),
                    SubjectId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    SharedFromThreadId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Threads", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Threads_Boards_BoardId",
                        column: x => x.BoardId,
                        principalSchema: "community",
                        principalTable: "Boards",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ContentReports",
                schema: "community",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    BoardId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ThreadId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ReplyId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    TargetId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    OpenTargetId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    ReporterId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    State = table.Column<int>(type: "int", nullable: false),
                    ResolvedById = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    ResolvedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContentReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContentReports_Boards_BoardId",
                        column: x => x.BoardId,
                        principalSchema: "community",
                        principalTable: "Boards",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ContentReports_Threads_ThreadId",
                        column: x => x.ThreadId,
                        principalSchema: "community",
                        principalTable: "Threads",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DiscussionLinks",
                schema: "community",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    SubjectKind = table.Column<int>(type: "int", nullable: false),
                    SubjectId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ThreadId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DiscussionLinks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DiscussionLinks_Threads_ThreadId",
                        column: x => x.ThreadId,
                        principalSchema: "community",
                        principalTable: "Threads",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Polls",
                schema: "community",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ThreadId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    BoardId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CreatedById = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Question = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    IsMultipleChoice = table.Column<bool>(type: "bit", nullable: false),
                    MaxChoices = table.Column<int>(type: "int", nullable: false),
                    IsAnonymous = table.Column<bool>(type: "bit", nullable: false),
                    ResultsVisibility = table.Column<int>(type: "int", nullable: false),
                    ClosesAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    ClosedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Polls", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Polls_Threads_ThreadId",
                        column: x => x.ThreadId,
                        principalSchema: "community",
                        principalTable: "Threads",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PostMentions",
                schema: "community",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ThreadId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ReplyId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    UserId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    SubBranchId = table.Column<Guid>(type: "uniqueidentifier", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PostMentions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PostMentions_Threads_ThreadId",
                        column: x => x.ThreadId,
                        principalSchema: "community",
                        principalTable: "Threads",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Replies",
                schema: "community",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ThreadId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    BoardId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Body = table.Column<string>(type: "nvarchar(max)", maxLength: 100000, nullable: false),
                    BodyText = table.Column<string>(type: "nvarchar(max)", maxLength: 50000, nullable: false),
                    AuthorId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AuthorName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    AuthorSubBranchId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    Pseudonym = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true),
                    QuotedReplyId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    State = table.Column<int>(type: "int", nullable: false),
                    ModerationReason = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    IsAccepted = table.Column<bool>(type: "bit", nullable: false),
                    LikeCount = table.Column<int>(type: "int", nullable: false),
                    PublishedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    EditedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    Version = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Replies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Replies_Threads_ThreadId",
                        column: x => x.ThreadId,
                        principalSchema: "community",
                        principalTable: "Threads",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PollBallots",
                schema: "community",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PollId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    UserId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PollBallots", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PollBallots_Polls_PollId",
                        column: x => x.PollId,
                        principalSchema: "community",
                        principalTable: "Polls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PollOptions",
                schema: "community",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PollId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Position = table.Column<int>(type: "int", nullable: false),
                    Text = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PollOptions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PollOptions_Polls_PollId",
                        column: x => x.PollId,
                        principalSchema: "community",
                        principalTable: "Polls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PollChoices",
                schema: "community",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    BallotId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PollId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    OptionId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PollChoices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PollChoices_PollBallots_BallotId",
                        column: x => x.BallotId,
                        principalSchema: "community",
                        principalTable: "PollBallots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PollChoices_PollOptions_OptionId",
                        column: x => x.OptionId,
                        principalSchema: "community",
                        principalTable: "PollOptions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ActivitySeen_UserId",
                schema: "community",
                table: "ActivitySeen",
                column: "UserId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_BoardMembers_BoardId_UserId",
                schema: "community",
                table: "BoardMembers",
                columns: new[] { "BoardId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_BoardMembers_UserId_IsFollowing",
                schema: "community",
                table: "BoardMembers",
                columns: new[] { "UserId", "IsFollowing" });

            migrationBuilder.CreateIndex(
                name: "IX_BoardModerators_BoardId_UserId",
                schema: "community",
                table: "BoardModerators",
                columns: new[] { "BoardId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_BoardModerators_UserId",
                schema: "community",
                table: "BoardModerators",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_Boards_IsArchived_SortOrder",
                schema: "community",
                table: "Boards",
                columns: new[] { "IsArchived", "SortOrder" });

            migrationBuilder.CreateIndex(
                name: "IX_CommunityOutboxMessages_LockedBy",
                schema: "community",
                table: "CommunityOutboxMessages",
                column: "LockedBy");

            migrationBuilder.CreateIndex(
                name: "IX_CommunityOutboxMessages_ProcessedAtUtc_ParkedAtUtc_NextAttemptAtUtc",
                schema: "community",
                table: "CommunityOutboxMessages",
                columns: new[] { "ProcessedAtUtc", "ParkedAtUtc", "NextAttemptAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ContentReports_BoardId_State_CreatedAtUtc",
                schema: "community",
                table: "ContentReports",
                columns: new[] { "BoardId", "State", "CreatedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ContentReports_OpenTargetId_ReporterId",
                schema: "community",
                table: "ContentReports",
                columns: new[] { "OpenTargetId", "ReporterId" },
                unique: true,
                filter: "[OpenTargetId] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_ContentReports_TargetId_State",
                schema: "community",
                table: "ContentReports",
                columns: new[] { "TargetId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_ContentReports_ThreadId",
                schema: "community",
                table: "ContentReports",
                column: "ThreadId");

            migrationBuilder.CreateIndex(
                name: "IX_DiscussionLinks_SubjectKind_SubjectId",
                schema: "community",
                table: "DiscussionLinks",
                columns: new[] { "SubjectKind", "SubjectId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DiscussionLinks_ThreadId",
                schema: "community",
                table: "DiscussionLinks",
                column: "ThreadId");

            migrationBuilder.CreateIndex(
                name: "IX_Favourites_ThreadId_UserId",
                schema: "community",
                table: "Favourites",
                columns: new[] { "ThreadId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Favourites_UserId_AtUtc",
                schema: "community",
                table: "Favourites",
                columns: new[] { "UserId", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Likes_TargetId_UserId",
                schema: "community",
                table: "Likes",
                columns: new[] { "TargetId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Likes_ThreadId_UserId",
                schema: "community",
                table: "Likes",
                columns: new[] { "ThreadId", "UserId" });

            migrationBuilder.CreateIndex(
                name: "IX_ModerationActions_AtUtc",
                schema: "community",
                table: "ModerationActions",
                column: "AtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_ModerationActions_BoardId_AtUtc",
                schema: "community",
                table: "ModerationActions",
                columns: new[] { "BoardId", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_PollBallots_PollId_UserId",
                schema: "community",
                table: "PollBallots",
                columns: new[] { "PollId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PollChoices_BallotId_OptionId",
                schema: "community",
                table: "PollChoices",
                columns: new[] { "BallotId", "OptionId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PollChoices_OptionId",
                schema: "community",
                table: "PollChoices",
                column: "OptionId");

            migrationBuilder.CreateIndex(
                name: "IX_PollChoices_PollId_OptionId",
                schema: "community",
                table: "PollChoices",
                columns: new[] { "PollId", "OptionId" });

            migrationBuilder.CreateIndex(
                name: "IX_PollOptions_PollId_Position",
                schema: "community",
                table: "PollOptions",
                columns: new[] { "PollId", "Position" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Polls_ThreadId",
                schema: "community",
                table: "Polls",
                column: "ThreadId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PostMentions_ThreadId_ReplyId",
                schema: "community",
                table: "PostMentions",
                columns: new[] { "ThreadId", "ReplyId" });

            migrationBuilder.CreateIndex(
                name: "IX_PostMentions_UserId",
                schema: "community",
                table: "PostMentions",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_PostRevisions_ThreadId_ReplyId_EditedAtUtc",
                schema: "community",
                table: "PostRevisions",
                columns: new[] { "ThreadId", "ReplyId", "EditedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_PseudonymResolutions_AtUtc",
                schema: "community",
                table: "PseudonymResolutions",
                column: "AtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_PseudonymResolutions_BoardId",
                schema: "community",
                table: "PseudonymResolutions",
                column: "BoardId");

            migrationBuilder.CreateIndex(
                name: "IX_Pseudonyms_BoardId_Alias",
                schema: "community",
                table: "Pseudonyms",
                columns: new[] { "BoardId", "Alias" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Pseudonyms_BoardId_UserId",
                schema: "community",
                table: "Pseudonyms",
                columns: new[] { "BoardId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Replies_AuthorId_State",
                schema: "community",
                table: "Replies",
                columns: new[] { "AuthorId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_Replies_BoardId_State",
                schema: "community",
                table: "Replies",
                columns: new[] { "BoardId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_Replies_ThreadId_State_CreatedAtUtc_Id",
                schema: "community",
                table: "Replies",
                columns: new[] { "ThreadId", "State", "CreatedAtUtc", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Sanctions_BoardId_EndsAtUtc",
                schema: "community",
                table: "Sanctions",
                columns: new[] { "BoardId", "EndsAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Sanctions_UserId_Kind_EndsAtUtc",
                schema: "community",
                table: "Sanctions",
                columns: new[] { "UserId", "Kind", "EndsAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_SearchGrams_PostId",
                schema: "community",
                table: "SearchGrams",
                column: "PostId");

            migrationBuilder.CreateIndex(
                name: "IX_SensitiveWords_Normalized",
                schema: "community",
                table: "SensitiveWords",
                column: "Normalized",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SystemBoards_BoardId",
                schema: "community",
                table: "SystemBoards",
                column: "BoardId");

            migrationBuilder.CreateIndex(
                name: "IX_SystemBoards_Key",
                schema: "community",
                table: "SystemBoards",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Threads_AuthorId_State",
                schema: "community",
                table: "Threads",
                columns: new[] { "AuthorId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_Threads_BoardId_State_IsArchived_LastActivityAtUtc_Id",
                schema: "community",
                table: "Threads",
                columns: new[] { "BoardId", "State", "IsArchived", "LastActivityAtUtc", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Threads_ExpiresAtUtc",
                schema: "community",
                table: "Threads",
                column: "ExpiresAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_Threads_State_LastActivityAtUtc_Id",
                schema: "community",
                table: "Threads",
                columns: new[] { "State", "LastActivityAtUtc", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Threads_SubjectKind_SubjectId",
                schema: "community",
                table: "Threads",
                columns: new[] { "SubjectKind", "SubjectId" });

            migrationBuilder.CreateIndex(
                name: "IX_ThreadTags_Tag",
                schema: "community",
                table: "ThreadTags",
                column: "Tag");

            migrationBuilder.CreateIndex(
                name: "IX_ThreadTags_ThreadId_Tag",
                schema: "community",
                table: "ThreadTags",
                columns: new[] { "ThreadId", "Tag" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ThreadViews_ThreadId_UserId_Day",
                schema: "community",
                table: "ThreadViews",
                columns: new[] { "ThreadId", "UserId", "Day" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ActivitySeen",
                schema: "community");

            migrationBuilder.DropTable(
                name: "BoardMembers",
                schema: "community");

            migrationBuilder.DropTable(
                name: "BoardModerators",
                schema: "community");

            migrationBuilder.DropTable(
                name: "CommunityOutboxMessages",
                schema: "community");

            migrationBuilder.DropTable(
                name: "CommunityProcessedMessages",
                schema: "community");

            migrationBuilder.DropTable(
                name: "ContentReports",
                schema: "community");

            migrationBuilder.DropTable(
                name: "DiscussionLinks",
                schema: "community");

            migrationBuilder.DropTable(
                name: "Favourites",
                schema: "community");

            migrationBuilder.DropTable(
                name: "Likes",
                schema: "community");

            migrationBuilder.DropTable(
                name: "ModerationActions",
                schema: "community");

            migrationBuilder.DropTable(
                name: "PollChoices",
                schema: "community");

            migrationBuilder.DropTable(
                name: "PostMentions",
                schema: "community");

            migrationBuilder.DropTable(
                name: "PostRevisions",
                schema: "community");

            migrationBuilder.DropTable(
                name: "PseudonymResolutions",
                schema: "community");

            migrationBuilder.DropTable(
                name: "Pseudonyms",
                schema: "community");

            migrationBuilder.DropTable(
                name: "Replies",
                schema: "community");

            migrationBuilder.DropTable(
                name: "Sanctions",
                schema: "community");

            migrationBuilder.DropTable(
                name: "SearchGrams",
                schema: "community");

            migrationBuilder.DropTable(
                name: "SensitiveWords",
                schema: "community");

            migrationBuilder.DropTable(
                name: "SystemBoards",
                schema: "community");

            migrationBuilder.DropTable(
                name: "ThreadTags",
                schema: "community");

            migrationBuilder.DropTable(
                name: "ThreadViews",
                schema: "community");

            migrationBuilder.DropTable(
                name: "PollBallots",
                schema: "community");

            migrationBuilder.DropTable(
                name: "PollOptions",
                schema: "community");

            migrationBuilder.DropTable(
                name: "Polls",
                schema: "community");

            migrationBuilder.DropTable(
                name: "Threads",
                schema: "community");

            migrationBuilder.DropTable(
                name: "Boards",
                schema: "community");
        }
    }
}
