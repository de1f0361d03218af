using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Custodian.Server.Problems;

/// <summary>
/// Finds an explicit JSON <c>null</c> where a request contract declares a value (a non-nullable property, or an element of
/// a list of non-nullable items): the deserializer lets those through, and they must become a 400 naming the field, not
/// reach the vault. Only the API's own contract types are walked.
/// </summary>
internal static class NullFields
{
    private static readonly ConcurrentDictionary<Type, Field[]> Fields = new();
    private static readonly Lock ContextLock = new();
    private static readonly NullabilityInfoContext Context = new();

    /// <summary>The JSON pointer of the first null where a value is required, or null when there is none.</summary>
    public static string? FirstNull(object value) => Walk(value, "");

    private static string? Walk(object value, string pointer)
    {
        foreach (var field in Fields.GetOrAdd(value.GetType(), Describe))
        {
            var at = $"{pointer}/{field.Name}";
            var member = field.Property.GetValue(value);
            if (member is null)
            {
                if (field.Required) return at;
                continue;
            }

            if (member is string) continue;
            if (member is IEnumerable items and not IDictionary)
            {
                var index = 0;
                foreach (var item in items)
                {
                    if (item is null)
                    {
                        if (field.ElementsRequired) return $"{at}/{index}";
                    }
                    else if (IsContract(item.GetType()) && Walk(item, $"{at}/{index}") is { } inner)
                    {
                        return inner;
                    }

                    index++;
                }
            }
            else if (IsContract(member.GetType()) && Walk(member, at) is { } nested)
            {
                return nested;
            }
        }

        return null;
    }

    private static bool IsContract(Type type) =>
        type.IsClass && type != typeof(string) && type.Namespace?.StartsWith("Custodian.Server", StringComparison.Ordinal) == true;

    private static Field[] Describe(Type type)
    {
        var fields = new List<Field>();
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || property.PropertyType.IsValueType) continue;
            NullabilityInfo info;
            lock (ContextLock) info = Context.Create(property);
            var element = info.ElementType ?? (info.GenericTypeArguments.Length == 1 ? info.GenericTypeArguments[0] : null);
            var name = property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            fields.Add(new Field(property, name, info.ReadState == NullabilityState.NotNull, element is { ReadState: NullabilityState.NotNull, Type.IsValueType: false }));
        }

        return [.. fields];
    }

    private sealed record Field(PropertyInfo Property, string Name, bool Required, bool ElementsRequired);
}
