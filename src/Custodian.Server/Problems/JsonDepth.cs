using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Custodian.Server.Problems;

/// <summary>Finds JSON nested deeper than the API allows before any binding happens, and says where.</summary>
internal static class JsonDepth
{
    /// <summary>Throws <c>json_too_deep</c> with a pointer to the first container past <paramref name="maxDepth"/>; syntax errors are left to the binder, which reports them with a path.</summary>
    public static void Check(ReadOnlySpan<byte> json, int maxDepth)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = int.MaxValue / 2, CommentHandling = JsonCommentHandling.Disallow });
        var path = new List<string>();
        var indexes = new List<int>();
        string? property = null;
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        property = reader.GetString();
                        continue;
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        path.Add(Segment(property, indexes));
                        indexes.Add(-1);
                        if (reader.CurrentDepth >= maxDepth)
                            throw new ApiProblemException(StatusCodes.Status400BadRequest, ApiErrorCodes.JsonTooDeep, $"The body nests deeper than {maxDepth} levels; flatten it.", string.Concat(path.Skip(1)));
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        path.RemoveAt(path.Count - 1);
                        indexes.RemoveAt(indexes.Count - 1);
                        break;
                    default:
                        Segment(property, indexes);
                        break;
                }

                property = null;
            }
        }
        catch (JsonException)
        {
            // Broken JSON: the binder reports it with the path where it broke.
        }
    }

    private static string Segment(string? property, List<int> indexes)
    {
        if (property is not null) return "/" + property.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
        if (indexes.Count == 0) return "";
        indexes[^1]++;
        return "/" + indexes[^1].ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
