using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace BranchNetwork.IntegrationTests.BadInput;

/// <summary>What the app must do with a variant.</summary>
internal enum Outcome
{
    /// <summary>A 4xx problem (400 naming <see cref="Variant.Field"/> when there is one), and nothing stored.</summary>
    Refused,

    /// <summary>Exactly 400 naming the unknown field, nothing stored (a command refuses fields it does not know).</summary>
    UnknownFieldRefused,

    /// <summary>Exactly 413, nothing stored.</summary>
    TooLarge,

    /// <summary>
    /// The input may be accepted (free text is neutralised rather than refused; an endpoint without input ignores a
    /// body): no 5xx, and when refused, a problem and nothing stored.
    /// </summary>
    MayBeAccepted,
}

/// <summary>One bad request: its label, the path and body to send, and what the app must do.</summary>
internal sealed record Variant(string Label, string Path, Func<HttpContent?> Body, Outcome Outcome, string? Field = null);

/// <summary>
/// Builds bad inputs for one write operation from its OpenAPI request schema and a valid body made of real ids:
/// each variant spoils one thing of the valid body, so the app's answer is about that one thing.
/// </summary>
internal static partial class BadInputVariants
{
    public const string UnknownField = "unexpectedField";

    public const int OversizeBytes = 10 * 1024 * 1024;

    private static readonly string[] FreeTextNames = ["reason", "message", "response", "body", "citation", "description", "password", "newPassword"];

    public static string Json(JsonNode? node) => node?.ToJsonString() ?? "null";

    /// <summary>Marks a value that must be unique per request (codes, user names): each send gets a fresh one.</summary>
    public const string UniqueMarker = "Q7UNIQ";

    public static HttpContent JsonContent(string text)
    {
        var fresh = Guid.NewGuid().ToString("N")[..6];
        text = text.Replace(UniqueMarker, fresh.ToUpperInvariant(), StringComparison.Ordinal)
            .Replace(UniqueMarker.ToLowerInvariant(), fresh, StringComparison.Ordinal);
        return new StringContent(text, Encoding.UTF8, "application/json");
    }

    private static ByteArrayContent Raw(string text, string mediaType)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(mediaType);
        return content;
    }

    /// <summary>Variants for an operation with a JSON body.</summary>
    public static List<Variant> ForJsonBody(string path, JsonObject valid, JsonElement? schema, JsonElement document, List<string> notes, IReadOnlyCollection<string>? longText = null)
    {
        // Reparsed: values built from CLR types (Guid, decimal) only read back as what they were made from.
        valid = JsonNode.Parse(Json(valid))!.AsObject();
        var variants = new List<Variant>();
        var validText = Json(valid);
        var firstProperty = valid.First().Key;

        // Whole-body faults.
        variants.Add(new("malformed JSON", path, () => JsonContent(validText[..(validText.Length / 2)] + "{\"x\":"), Outcome.Refused));
        variants.Add(new("body is JSON null", path, () => JsonContent("null"), Outcome.Refused));
        variants.Add(new("body is an array", path, () => JsonContent("[" + validText + "]"), Outcome.Refused));
        variants.Add(new("body is empty", path, () => JsonContent(string.Empty), Outcome.Refused));
        variants.Add(new("body sent as text/plain", path, () => Raw(validText, "text/plain"), Outcome.Refused));
        variants.Add(new("body sent as a form", path, () => new FormUrlEncodedContent(valid.Select(p => KeyValuePair.Create(p.Key, p.Value?.ToString() ?? ""))), Outcome.Refused));
        variants.Add(new($"{firstProperty}: 200 levels of nesting", path, () => JsonContent(Replace(valid, [firstProperty], Nested(200))), Outcome.Refused, firstProperty));

        var leaves = Leaves(valid, []).ToList();
        var firstNumber = leaves.FirstOrDefault(l => l.Value is JsonValue v && v.GetValueKind() == JsonValueKind.Number);
        var literalTarget = firstNumber ?? leaves.First();
        variants.Add(new($"{literalTarget.Name}: NaN literal", path, () => JsonContent(ReplaceLiteral(valid, literalTarget.Path, "NaN")), Outcome.Refused, literalTarget.Name));
        variants.Add(new($"{literalTarget.Name}: -Infinity literal", path, () => JsonContent(ReplaceLiteral(valid, literalTarget.Path, "-Infinity")), Outcome.Refused, literalTarget.Name));

        // Field faults, driven by the schema where the schema describes this body (else by the valid value's kind).
        var trusted = Trusted(valid, schema, document, notes);
        var lenient = new List<Variant>();
        foreach (var leaf in leaves)
        {
            var propertySchema = trusted is { } root ? SchemaAt(root, leaf.Path, document) : null;
            var required = propertySchema is not null && IsRequired(trusted!.Value, leaf.Path, document) && !IsNullable(propertySchema.Value, document);
            foreach (var (label, value, outcome) in Mutations(leaf, propertySchema, required, document, longText?.Contains(leaf.Name) == true))
            {
                var text = value is RawJson raw ? ReplaceLiteral(valid, leaf.Path, raw.Text) : Replace(valid, leaf.Path, (JsonNode?)value);
                var variant = new Variant($"{string.Join('.', leaf.Path)}: {label}", path, () => JsonContent(text), outcome, string.Join('.', leaf.Path));
                (outcome == Outcome.MayBeAccepted ? lenient : variants).Add(variant);
            }
        }

        // On an otherwise valid body, so the only fault is the one named. Late: today they may be accepted.
        var extra = valid.DeepClone().AsObject();
        extra[UnknownField] = "x";
        var extraText = Json(extra);
        variants.Add(new("unknown field on a valid body", path, () => JsonContent(extraText), Outcome.UnknownFieldRefused, UnknownField));
        variants.Add(new("10 MB valid body (whitespace)", path, () => JsonContent("{" + new string(' ', OversizeBytes) + validText[1..]), Outcome.TooLarge));
        variants.AddRange(lenient);
        return variants;
    }

    /// <summary>Junk bodies for an operation that takes none (sent where the path names nothing, or where nothing is at stake).</summary>
    public static List<Variant> JunkBodies(string path, Outcome outcome) =>
    [
        new("junk: malformed JSON", path, () => JsonContent("{\"x\":"), outcome),
        new("junk: JSON null", path, () => JsonContent("null"), outcome),
        new("junk: array", path, () => JsonContent("[1,2,3]"), outcome),
        new("junk: unknown field", path, () => JsonContent("{\"" + UnknownField + "\":1}"), outcome),
        new("junk: 200 levels of nesting", path, () => JsonContent("{\"x\":" + Nested(200) + "}"), outcome),
        new("junk: NaN literal", path, () => JsonContent("{\"x\":NaN}"), outcome),
        new("junk: NUL and bidi", path, () => JsonContent("{\"x\":\"a\\u0000\\u202Eb\"}"), outcome),
        new("junk: text/plain", path, () => Raw("hello", "text/plain"), outcome),
        new("junk: form", path, () => new FormUrlEncodedContent([KeyValuePair.Create("x", "\0\u202E")]), outcome),
        new("junk: empty object", path, () => JsonContent("{}"), outcome),
        new("junk: XML", path, () => Raw("<x>&lt;</x>", "application/xml"), outcome),
        new("junk: 10 MB", path, () => JsonContent("{\"x\":\"" + new string('x', OversizeBytes) + "\"}"), outcome),
    ];

    /// <summary>Faulty uploads for an endpoint that reads a "file" form field.</summary>
    /// <param name="evidence">An evidence upload takes any office file (a CSV is fine there); an import takes only its table.</param>
    public static List<Variant> ForUpload(string path, string goodName, bool evidence)
    {
        var content = evidence ? Outcome.MayBeAccepted : Outcome.Refused;
        static MultipartFormDataContent Form(byte[] content, string fileName, string field = "file")
        {
            var form = new MultipartFormDataContent();
            var file = new ByteArrayContent(content);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(file, field, fileName);
            return form;
        }

        var csv = goodName.EndsWith(".csv", StringComparison.Ordinal) ? goodName : "data.csv";
        return
        [
            new("upload: JSON instead of a form", path, () => JsonContent("{\"file\":\"x\"}"), Outcome.Refused),
            new("upload: text/plain", path, () => Raw("a,b\n1,2", "text/plain"), Outcome.Refused),
            new("upload: empty body", path, () => null, Outcome.Refused),
            new("upload: form without a file", path, () => new MultipartFormDataContent { { new StringContent("x"), "note" } }, Outcome.Refused),
            new("upload: file in another field", path, () => Form("a,b\n"u8.ToArray(), csv, "other"), Outcome.Refused),
            new("upload: empty file", path, () => Form([], goodName), Outcome.Refused),
            new("upload: random bytes", path, () => Form(RandomBytes(4096), goodName), Outcome.Refused),
            new("upload: an executable", path, () => Form([0x4D, 0x5A, 0x90, 0x00, .. RandomBytes(1024)], goodName), Outcome.Refused),
            new("upload: broken zip (xlsx)", path, () => Form([0x50, 0x4B, 0x03, 0x04, .. RandomBytes(512)], "data.xlsx"), Outcome.Refused),
            new("upload: CSV with NUL", path, () => Form(Encoding.UTF8.GetBytes("a,b\nx\0y,1\n"), csv), content),
            new("upload: CSV with an open quote", path, () => Form(Encoding.UTF8.GetBytes("a,b\n\"x,1\n"), csv), content),
            new("upload: CSV with bidi and controls", path, () => Form(Encoding.UTF8.GetBytes("a,b\n\u202Ex\u0007,1\n"), csv), content),
            new("upload: multipart with a broken boundary", path, () => Raw("--zzz\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nabc", "multipart/form-data; boundary=yyy"), Outcome.Refused),
            new("upload: NUL in the file name", path, () => Raw("--b1\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a\0.csv\"\r\nContent-Type: text/csv\r\n\r\na,b\n1,2\n\r\n--b1--\r\n", "multipart/form-data; boundary=b1"), Outcome.Refused),
            new("upload: bidi file name", path, () => Form("a,b\n"u8.ToArray(), "x\u202Evsc.exe"), content),
        ];
    }

    private static byte[] RandomBytes(int count)
    {
        var bytes = new byte[count];
        new Random(count).NextBytes(bytes);
        return bytes;
    }

    private static string Nested(int depth) => new string('[', depth) + new string(']', depth);

    private sealed record Leaf(string[] Path, string Name, JsonNode? Value);

    /// <summary>A JSON text that is not a value (NaN, a bare word): spliced in as text.</summary>
    private sealed record RawJson(string Text);

    private static string NameOf(string[] path) => path.LastOrDefault(p => !p.All(char.IsDigit)) ?? string.Empty;

    private static IEnumerable<Leaf> Leaves(JsonNode? node, string[] path)
    {
        switch (node)
        {
            case JsonObject o:
                if (path.Length > 0)
                {
                    yield return new Leaf(path, NameOf(path), node);
                }

                foreach (var (key, value) in o)
                {
                    foreach (var leaf in Leaves(value, [.. path, key]))
                    {
                        yield return leaf;
                    }
                }

                break;
            case JsonArray a:
                yield return new Leaf(path, NameOf(path), node);
                if (a.Count > 0)
                {
                    foreach (var leaf in Leaves(a[0], [.. path, "0"]))
                    {
                        yield return leaf;
                    }
                }

                break;
            default:
                yield return new Leaf(path, NameOf(path), node);
                break;
        }
    }

    private static IEnumerable<(string Label, object? Value, Outcome Outcome)> Mutations(Leaf leaf, JsonElement? schema, bool required, JsonElement document, bool longText = false)
    {
        var text = FreeTextNames.Contains(leaf.Name, StringComparer.OrdinalIgnoreCase) ? Outcome.MayBeAccepted : Outcome.Refused;
        var enumValues = schema is { } s ? EnumValues(s, document) : null;
        switch (leaf.Value)
        {
            case JsonObject:
                yield return ("object as a string", JsonValue.Create("x"), Outcome.Refused);
                yield return ("object as an array", new JsonArray(), Outcome.Refused);
                break;
            case JsonArray:
                yield return ("array as an object", new JsonObject(), Outcome.Refused);
                yield return ("array as a string", JsonValue.Create("x"), Outcome.Refused);
                break;
            case JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False:
                yield return ("boolean as a string", JsonValue.Create("yes"), Outcome.Refused);
                yield return ("boolean as a number", JsonValue.Create(2), Outcome.Refused);
                break;
            case JsonValue v when v.GetValueKind() == JsonValueKind.Number:
                yield return ("number as a word", JsonValue.Create("abc"), Outcome.Refused);
                yield return ("number beyond any range (1e400)", new RawJson("1e400"), Outcome.Refused);
                yield return ("number far below range (-1e20)", new RawJson("-1e20"), Outcome.Refused);
                yield return ("\"NaN\" as a string", JsonValue.Create("NaN"), Outcome.Refused);
                yield return ("\"Infinity\" as a string", JsonValue.Create("Infinity"), Outcome.Refused);
                break;
            case JsonValue v when v.GetValueKind() == JsonValueKind.String:
                var value = v.GetValue<string>();
                if (Guid.TryParse(value, out _))
                {
                    yield return ("id that is not a GUID", JsonValue.Create("not-a-guid"), Outcome.Refused);
                    yield return ("id of nothing", JsonValue.Create(Guid.NewGuid()), Outcome.Refused);
                    yield return ("id as a number", JsonValue.Create(42), Outcome.Refused);
                }
                else if (DatePattern().IsMatch(value))
                {
                    yield return ("date that does not exist (30 Feb)", JsonValue.Create("2026-02-30"), Outcome.Refused);
                    yield return ("date in year 1", JsonValue.Create("0001-01-01"), Outcome.Refused);
                    yield return ("date in year 9999", JsonValue.Create("9999-12-31"), Outcome.Refused);
                    yield return ("date in year 10000", JsonValue.Create("10000-01-01"), Outcome.Refused);
                    yield return ("date as a number", JsonValue.Create(20260527), Outcome.Refused);
                }
                else
                {
                    if (enumValues is not null || EnumLike().IsMatch(value))
                    {
                        yield return ("unknown enum value", JsonValue.Create("Galaxy"), Outcome.Refused);
                        yield return ("enum as an out-of-range number", JsonValue.Create(999), Outcome.Refused);
                    }

                    yield return ("string as a number", JsonValue.Create(12), Outcome.Refused);
                    if (required)
                    {
                        yield return ("empty string", JsonValue.Create(string.Empty), Outcome.Refused);
                    }

                    yield return ("20,000 characters", JsonValue.Create(new string('长', 20_000)), longText ? Outcome.MayBeAccepted : Outcome.Refused);
                    yield return ("NUL character", JsonValue.Create("a\u0000b"), text);
                    yield return ("control characters U+0001–U+001F", JsonValue.Create("a" + new string(Enumerable.Range(1, 31).Select(c => (char)c).ToArray()) + "b"), text);
                    yield return ("bidi override U+202E", JsonValue.Create("abc\u202Egpj.exe"), text);
                }

                break;
        }

        if (required)
        {
            yield return ("null for a required field", null, Outcome.Refused);
        }
    }

    /// <summary>The schema when it describes the valid body (every property of the body is in it); else null, with a note.</summary>
    private static JsonElement? Trusted(JsonObject valid, JsonElement? schema, JsonElement document, List<string> notes)
    {
        if (schema is not { } s)
        {
            notes.Add("no JSON request schema in the document");
            return null;
        }

        var resolved = Resolve(s, document);
        var name = s.TryGetProperty("$ref", out var r) ? r.GetString()!.Split('/')[^1] : "(inline)";
        var properties = resolved.TryGetProperty("properties", out var p) ? p.EnumerateObject().Select(x => x.Name).ToHashSet(StringComparer.Ordinal) : [];
        var missing = valid.Select(x => x.Key).Where(k => !properties.Contains(k)).ToList();
        if (missing.Count > 0)
        {
            notes.Add($"schema '{name}' does not describe the body: lacks [{string.Join(", ", missing)}], has [{string.Join(", ", properties)}]");
            return null;
        }

        notes.Add($"schema '{name}'");
        return resolved;
    }

    public static JsonElement Resolve(JsonElement schema, JsonElement document)
    {
        for (var i = 0; i < 20 && schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("$ref", out var reference); i++)
        {
            var target = document;
            foreach (var part in reference.GetString()!.TrimStart('#', '/').Split('/'))
            {
                target = target.GetProperty(part.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal));
            }

            schema = target;
        }

        return schema;
    }

    /// <summary>The non-null branch of an anyOf/oneOf, resolved.</summary>
    private static JsonElement Unwrap(JsonElement schema, JsonElement document)
    {
        schema = Resolve(schema, document);
        foreach (var combinator in new[] { "anyOf", "oneOf", "allOf" })
        {
            if (schema.TryGetProperty(combinator, out var options))
            {
                foreach (var option in options.EnumerateArray())
                {
                    var resolved = Resolve(option, document);
                    if (!(resolved.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String && t.GetString() == "null"))
                    {
                        return resolved;
                    }
                }
            }
        }

        return schema;
    }

    private static JsonElement? SchemaAt(JsonElement root, string[] path, JsonElement document)
    {
        var current = Unwrap(root, document);
        foreach (var part in path)
        {
            if (part.All(char.IsDigit))
            {
                if (!current.TryGetProperty("items", out var items))
                {
                    return null;
                }

                current = Unwrap(items, document);
            }
            else
            {
                if (!current.TryGetProperty("properties", out var properties) || !properties.TryGetProperty(part, out var property))
                {
                    return null;
                }

                current = property;
            }
        }

        return current;
    }

    private static bool IsRequired(JsonElement root, string[] path, JsonElement document)
    {
        var parentPath = path[..^1];
        if (path[^1].All(char.IsDigit))
        {
            return false;
        }

        var parent = parentPath.Length == 0 ? Unwrap(root, document) : SchemaAt(root, parentPath, document) is { } p ? Unwrap(p, document) : default;
        return parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty("required", out var required)
            && required.EnumerateArray().Any(r => r.GetString() == path[^1]);
    }

    private static bool IsNullable(JsonElement schema, JsonElement document)
    {
        if (schema.TryGetProperty("nullable", out var n) && n.ValueKind == JsonValueKind.True)
        {
            return true;
        }

        if (schema.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.Array && type.EnumerateArray().Any(t => t.GetString() == "null"))
        {
            return true;
        }

        foreach (var combinator in new[] { "anyOf", "oneOf" })
        {
            if (schema.TryGetProperty(combinator, out var options) && options.EnumerateArray().Any(o => IsNullable(Resolve(o, document), document) || (Resolve(o, document).TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String && t.GetString() == "null")))
            {
                return true;
            }
        }

        var resolved = Resolve(schema, document);
        return !resolved.Equals(schema) && IsNullable(resolved, document);
    }

    private static List<string>? EnumValues(JsonElement schema, JsonElement document)
    {
        var resolved = Unwrap(schema, document);
        return resolved.TryGetProperty("enum", out var values)
            ? values.EnumerateArray().Select(v => v.ToString()).ToList()
            : null;
    }

    private static string Replace(JsonObject valid, string[] path, JsonNode? value)
    {
        var copy = valid.DeepClone();
        var parent = copy;
        foreach (var part in path[..^1])
        {
            parent = part.All(char.IsDigit) ? parent.AsArray()[int.Parse(part, CultureInfo.InvariantCulture)]! : parent.AsObject()[part]!;
        }

        if (path[^1].All(char.IsDigit))
        {
            parent.AsArray()[int.Parse(path[^1], CultureInfo.InvariantCulture)] = value;
        }
        else
        {
            parent.AsObject()[path[^1]] = value;
        }

        return Json(copy);
    }

    private static string Replace(JsonObject valid, string[] path, string rawJson) => ReplaceLiteral(valid, path, rawJson);

    private static string ReplaceLiteral(JsonObject valid, string[] path, string rawJson)
    {
        const string Marker = "__bad_input_marker__";
        return Replace(valid, path, JsonValue.Create(Marker)).Replace("\"" + Marker + "\"", rawJson, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$")]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"^[A-Z][A-Za-z]+$")]
    private static partial Regex EnumLike();
}
