using System.Text.RegularExpressions;
using HipCheck.Web.Tests.Infrastructure;

namespace HipCheck.Web.Tests.Members;

/// <summary>Reads the .eml files the app wrote to its outbox folder, as a developer would.</summary>
public static partial class Outbox
{
    public static IReadOnlyList<string> Messages(this HipCheckApp app) =>
        Directory.Exists(app.Outbox)
            ? Directory.GetFiles(app.Outbox, "*.eml").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToList()
            : [];

    /// <summary>The one message to <paramref name="to"/> whose subject contains <paramref name="subject"/>.</summary>
    public static string Message(this HipCheckApp app, string to, string subject)
    {
        var matches = app.Messages().Where(m => m.Contains($"To: {to}\r\n", StringComparison.Ordinal)
            && Regex.IsMatch(m, $"^Subject: .*{Regex.Escape(subject)}", RegexOptions.Multiline)).ToList();
        Assert.True(matches.Count == 1, $"expected one '{subject}' email to {to}, found {matches.Count} among {app.Messages().Count}");
        return matches[0];
    }

    /// <summary>The path and query of the first link to <paramref name="page"/> in a message, e.g. /Account/ConfirmEmail?userId=...</summary>
    public static string Link(string message, string page)
    {
        var match = Regex.Match(message, $@"https?://[^/\s]+(?<path>{Regex.Escape(page)}\?\S+)");
        Assert.True(match.Success, $"no link to {page} in:\n{message}");
        return match.Groups["path"].Value;
    }
}
