using System.Collections.Immutable;
using Custodian.Policy;
using Custodian.Taxonomy;

namespace Custodian.Statement;

/// <summary>
/// What every section needs while the statement is built: the policy, the language's wording, and the
/// names of categories and purposes in that language (the policy's own words, else the taxonomy's).
/// </summary>
internal sealed class StatementContext
{
    public StatementContext(CompiledPolicy policy, StatementText text)
    {
        Policy = policy;
        Text = text;
        ListedCategories = policy.Document.Purposes.SelectMany(p => p.Categories).Distinct(StringComparer.Ordinal).ToImmutableArray();
    }

    public CompiledPolicy Policy { get; }

    public PolicyDocument Document => Policy.Document;

    public StatementText Text { get; }

    public string Language => Text.Language;

    /// <summary>Category keys as the purposes list them, in order of first mention: what the statement says is collected.</summary>
    public ImmutableArray<string> ListedCategories { get; }

    public string CategoryName(string key) =>
        Policy.TryGetCategory(key, out var id) ? Policy.Category(id).Name.Get(Language) ?? key : key;

    public string PurposeName(string key)
    {
        var purpose = Document.Purposes.FirstOrDefault(p => p.Key == key);
        return purpose?.Name.Get(Language)
            ?? (BuiltInTaxonomy.Uses.TryGetValue(key, out var use) ? use.Name.Get(Language) : null)
            ?? key;
    }

    public bool IsSpecial(string categoryKey) =>
        Policy.TryGetCategory(categoryKey, out var id) && Policy.Category(id).Sensitivity.HasFlag(CategorySensitivity.Special);

    /// <summary>Purposes that may use <paramref name="categoryKey"/>: those listing it or a key above it.</summary>
    public IEnumerable<PurposeDefinition> PurposesUsing(string categoryKey) =>
        Document.Purposes.Where(p => p.Categories.Any(c => BuiltInTaxonomy.IsAtOrBelow(categoryKey, c)));

    /// <summary>Names as a list inside a sentence, the first capitalised: "Name, postal address and phone number".</summary>
    public string NameList(IEnumerable<string> names) => Capitalise(Text.JoinNames(names.Select(StatementText.InSentence)));

    /// <summary>Names as a list continuing a sentence: "name, postal address and phone number".</summary>
    public string NameListInSentence(IEnumerable<string> names) => Text.JoinNames(names.Select(StatementText.InSentence));

    public static string Capitalise(string text) =>
        text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary>A party's contact details as a labelled list.</summary>
    public StatementList PartyDetails(Party party)
    {
        var items = ImmutableArray.CreateBuilder<StatementItem>();
        if (party.Address is not null) items.Add(new(Text.AddressLabel, party.Address));
        if (party.Registration is not null) items.Add(new(Text.RegistrationLabel, party.Registration));
        if (party.Email is not null) items.Add(new(Text.EmailLabel, party.Email));
        if (party.Phone is not null) items.Add(new(Text.PhoneLabel, party.Phone));
        if (party.Url is not null) items.Add(new(Text.WebsiteLabel, party.Url));
        return new StatementList(items.ToImmutable());
    }
}
