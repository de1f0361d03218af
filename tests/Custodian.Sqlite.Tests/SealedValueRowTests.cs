using Custodian.Crypto;
using Custodian.Storage;
using Custodian.Storage.Conformance;
using Microsoft.Data.Sqlite;

namespace Custodian.Sqlite.Tests;

/// <summary>A ciphertext copied in the file to another row no longer opens.</summary>
public sealed class SealedValueRowTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Theory]
    [InlineData("rec_same_subject_other_category", "sub_a", "user.contact.phone_number")]
    [InlineData("rec_other_subject", "sub_b", "user.contact.email")]
    public async Task A_sealed_value_copied_to_another_record_row_fails_to_open(string targetId, string targetSubject, string targetCategory)
    {
        var keyA = TestData.Keys.CreateSubjectKey("sub_a");
        var keyB = TestData.Keys.CreateSubjectKey("sub_b");
        using var sealerA = keyA.CreateSealer();
        using var sealerB = keyB.CreateSealer();
        var source = Seal(sealerA, "rec_source", "sub_a", "user.contact.email", "ada@example.org");
        var target = Seal(targetSubject == "sub_a" ? sealerA : sealerB, targetId, targetSubject, targetCategory, "+4512345678");
        await using (var store = await OpenAsync())
        {
            await using var transaction = await store.BeginAsync(CancellationToken.None);
            await transaction.CreateSubjectAsync(new StoredSubject("sub_a", TestData.T0), CancellationToken.None);
            await transaction.CreateSubjectAsync(new StoredSubject("sub_b", TestData.T0), CancellationToken.None);
            await transaction.WriteRecordsAsync([source, target], CancellationToken.None);
            await transaction.CommitAsync(CancellationToken.None);
        }

        using (var connection = new SqliteConnection($"Data Source={Path.Combine(_directory.Path, SqliteVaultStoreOptions.DatabaseFileName)};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "UPDATE records SET sealed = (SELECT sealed FROM records WHERE id = 'rec_source') WHERE id = $id";
            command.Parameters.AddWithValue("$id", targetId);
            Assert.Equal(1, command.ExecuteNonQuery());
        }

        await using var reopened = await OpenAsync();
        var moved = await reopened.GetRecordAsync(targetId, CancellationToken.None);
        var owner = targetSubject == "sub_a" ? sealerA : sealerB;

        var ex = Assert.Throws<SealedValueException>(() => owner.Open(moved!.Sealed, new SealBinding(moved.SubjectId, moved.CategoryKey, moved.RecordId)));
        Assert.Contains(ex.Code, new[] { SealedValueException.AuthenticationFailedCode, SealedValueException.KeyMismatchCode });
        var original = await reopened.GetRecordAsync("rec_source", CancellationToken.None);
        Assert.Equal("ada@example.org", sealerA.OpenString(original!.Sealed, new SealBinding("sub_a", "user.contact.email", "rec_source")));
    }

    private static StoredRecord Seal(RecordSealer sealer, string recordId, string subjectId, string category, string value) =>
        new(recordId, subjectId, category, RecordSource.Provided, "essential.service", TestData.T0, null, SealingKeyKind.Subject, sealer.Seal(value, new SealBinding(subjectId, category, recordId)));

    private Task<SqliteVaultStore> OpenAsync() =>
        SqliteVaultStore.OpenAsync(new SqliteVaultStoreOptions { DataDirectory = _directory.Path, CheckpointSigner = TestData.Signer }, CancellationToken.None);
}
