using Custodian.Client;
using Custodian.Server.Auth;

namespace Custodian.Server.Tests;

/// <summary>One in-memory server on the CEKURA policy shared by a collection, with an admin, a service and an auditor key.</summary>
public sealed class CekuraServer : IAsyncLifetime
{
    public static readonly string[] ServicePurposes = ["essential.service", "essential.service.care", "essential.service.care.disclosure", "marketing.communications.email", "marketing.communications.post", "finance.bookkeeping"];

    public CustodianFactory Factory { get; } = new(RepoPaths.Cekura);

    public string AdminKey { get; private set; } = "";

    public string ServiceKey { get; private set; } = "";

    public string AuditorKey { get; private set; } = "";

    public CustodianClient Admin => Factory.Client(AdminKey);

    public CustodianClient Service => Factory.Client(ServiceKey);

    public CustodianClient Auditor => Factory.Client(AuditorKey);

    public Task InitializeAsync()
    {
        AdminKey = Factory.CreateKey(ApiScope.Admin);
        ServiceKey = Factory.CreateKey(ApiScope.Service, ServicePurposes);
        AuditorKey = Factory.CreateKey(ApiScope.Auditor);
        return Task.CompletedTask;
    }

    /// <summary>Registers a fresh person with a unique email and an open subscription.</summary>
    public async Task<(string Id, string Email)> NewPersonAsync()
    {
        var email = $"person.{Guid.NewGuid():N}@example.dk";
        var id = await Service.CreateSubjectAsync(new(Email: email));
        await Service.RecordRelationshipAsync(id, "subscription", "opened");
        return (id, email);
    }

    public async Task DisposeAsync() => await Factory.DisposeAsync();
}
