using System.Text;
using System.Text.Json;

namespace Custodian.Retention;

/// <summary>The byte layout of archive items (documented in docs/retention.md): <c>nonce(12) | ciphertext | tag(16)</c> of a JSON value.</summary>
internal static class ArchiveFormat
{
    public const int NonceLength = 12;
    public const int TagLength = 16;

    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    // Binding the archive and record ids means an item cannot be moved to another archive or row unnoticed.
    public static byte[] AssociatedData(string archiveId, string recordId) => Encoding.UTF8.GetBytes("custodian-archive/1\n" + archiveId + "\n" + recordId);
}
