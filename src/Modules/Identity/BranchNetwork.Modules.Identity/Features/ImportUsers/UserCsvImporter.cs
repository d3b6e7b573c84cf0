using BranchNetwork.Infrastructure.Text;
using BranchNetwork.Modules.Identity.Contracts;
using BranchNetwork.Modules.Identity.Resources;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace BranchNetwork.Modules.Identity.Features.ImportUsers;

internal sealed record ImportUsersResult(int Created, IReadOnlyList<string> UserNames);

/// <summary>
/// Reads a user list (UTF-8 or GB18030 CSV or .xlsx, Chinese or English headers) and creates every account,
/// or none: any bad row fails the whole file with errors keyed <c>row{N}.{column}</c>.
/// </summary>
internal sealed class UserCsvImporter(IdentityDbContext db, UserManager<BankUser> users, IClock clock, IStringLocalizer<IdentityText> text)
{
    public const int MaxRows = 5000;

    private static readonly Dictionary<string, string> Columns = new(StringComparer.OrdinalIgnoreCase)
    {
        ["用户名"] = "userName",
        ["username"] = "userName",
        ["账号"] = "userName",
        ["姓名"] = "displayName",
        ["displayname"] = "displayName",
        ["机构代码"] = "unitCode",
        ["unitcode"] = "unitCode",
        ["岗位"] = "position",
        ["position"] = "position",
        ["初始密码"] = "password",
        ["password"] = "password",
    };

    private static readonly string[] Required = ["userName", "displayName", "unitCode", "password"];

    public async Task<ImportUsersResult> ImportAsync(byte[] content, CancellationToken cancellationToken)
    {
        var rows = Parse(content);
        var errors = new Dictionary<string, List<string>>();
        void Error(string key, string message)
        {
            if (!errors.TryGetValue(key, out var list))
            {
                errors[key] = list = [];
            }

            list.Add(message);
        }

        var units = await db.OrgUnits.AsNoTracking().Where(u => !u.IsRetired).ToDictionaryAsync(u => u.Code, u => u.Id, StringComparer.OrdinalIgnoreCase, cancellationToken);
        var existingNames = (await db.Users.Select(u => u.NormalizedUserName!).ToListAsync(cancellationToken)).ToHashSet();
        var seen = new HashSet<string>();
        var accepted = new List<(BankUser User, string Password)>();
        var probe = new BankUser();

        foreach (var (line, values) in rows)
        {
            var prefix = $"row{line}";
            var userName = values.GetValueOrDefault("userName")?.Trim() ?? "";
            var displayName = values.GetValueOrDefault("displayName")?.Trim() ?? "";
            var unitCode = values.GetValueOrDefault("unitCode")?.Trim() ?? "";
            var position = values.GetValueOrDefault("position")?.Trim();
            var password = values.GetValueOrDefault("password") ?? "";

            foreach (var (column, value) in values.Where(v => TextGuard.HasNul(v.Value)))
            {
                Error($"{prefix}.{column}", text["TextHasNul"]);
            }

            // Every column is a name, a code or a password: a text-direction control is refused (ADR 0018).
            foreach (var (column, value) in values.Where(v => TextGuard.HasBidiControl(v.Value)))
            {
                Error($"{prefix}.{column}", TextRules.BidiControlMessage);
            }

            if (userName.Length == 0 || userName.Length > 64 || userName.Any(c => !users.Options.User.AllowedUserNameCharacters.Contains(c)))
            {
                Error($"{prefix}.userName", text["UserNameFormat"]);
            }
            else if (existingNames.Contains(userName.ToUpperInvariant()))
            {
                Error($"{prefix}.userName", text["UserNameTaken"]);
            }
            else if (!seen.Add(userName.ToUpperInvariant()))
            {
                Error($"{prefix}.userName", text["UserNameDuplicateInFile"]);
            }

            if (displayName.Length == 0 || displayName.Length > BankUser.DisplayNameMaxLength)
            {
                Error($"{prefix}.displayName", text["DisplayNameRequired"]);
            }

            if (position?.Length > BankUser.PositionMaxLength)
            {
                Error($"{prefix}.position", text["PositionTooLong"]);
            }

            if (!units.TryGetValue(unitCode, out var unitId))
            {
                Error($"{prefix}.unitCode", string.Format(text["UnitCodeUnknown"], unitCode));
            }

            foreach (var validator in users.PasswordValidators)
            {
                var result = await validator.ValidateAsync(users, probe, password);
                foreach (var e in result.Errors)
                {
                    Error($"{prefix}.password", e.Description);
                }
            }

            accepted.Add((new BankUser
            {
                UserName = userName,
                DisplayName = displayName,
                UnitId = unitId,
                Position = string.IsNullOrEmpty(position) ? null : position,
                CreatedAtUtc = clock.UtcNow,
            }, password));
        }

        if (errors.Count > 0)
        {
            throw new ValidationFailedException(errors.ToDictionary(e => e.Key, e => e.Value.ToArray()), text["ImportRejected"]);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var (user, password) in accepted)
        {
            (await users.CreateAsync(user, password)).ThrowIfFailed("file");
            (await users.AddToRoleAsync(user, BankRoles.Staff)).ThrowIfFailed("file");
        }

        await transaction.CommitAsync(cancellationToken);
        return new ImportUsersResult(accepted.Count, accepted.Select(a => a.User.UserName!).ToList());
    }

    private List<(int Line, Dictionary<string, string?> Values)> Parse(byte[] content)
    {
        List<string[]> records;
        try
        {
            // The platform's table reader: CSV in UTF-8 or GB18030, or an .xlsx workbook.
            records = TableFile.Read(content);
        }
        catch (UnreadableFileException)
        {
            throw new ValidationFailedException("file", text["ImportUnreadable"]);
        }

        if (records.Count == 0)
        {
            throw new ValidationFailedException("file", text["ImportEmpty"]);
        }

        var mapping = records[0].Select(h => Columns.GetValueOrDefault(h.Trim().TrimStart('\uFEFF'))).ToArray();
        var missing = Required.Where(r => !mapping.Contains(r)).ToArray();
        if (missing.Length > 0)
        {
            throw new ValidationFailedException("file", string.Format(text["ImportMissingColumns"], string.Join(", ", missing)));
        }

        if (records.Count - 1 > MaxRows)
        {
            throw new ValidationFailedException("file", string.Format(text["ImportTooManyRows"], MaxRows));
        }

        var rows = new List<(int, Dictionary<string, string?>)>();
        for (var r = 1; r < records.Count; r++)
        {
            var values = new Dictionary<string, string?>();
            for (var i = 0; i < mapping.Length; i++)
            {
                if (mapping[i] is { } column)
                {
                    values[column] = i < records[r].Length ? records[r][i] : null;
                }
            }

            if (values.Values.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            // Row numbers as a spreadsheet shows them: the header is row 1.
            rows.Add((r + 1, values));
        }

        if (rows.Count == 0)
        {
            throw new ValidationFailedException("file", text["ImportEmpty"]);
        }

        return rows;
    }
}
