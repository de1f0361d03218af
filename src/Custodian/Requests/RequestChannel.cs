namespace Custodian.Requests;

/// <summary>Who submitted a request, which decides how identity is established.</summary>
public enum RequestChannel
{
    /// <summary>The person, through the privacy center: a one-time code to their email proves identity.</summary>
    Person = 1,

    /// <summary>The company's own app, for a person it has signed in: the service key vouches.</summary>
    Service = 2,

    /// <summary>An administrator on the person's behalf (a letter, a phone call), having checked identity.</summary>
    Admin = 3,
}
