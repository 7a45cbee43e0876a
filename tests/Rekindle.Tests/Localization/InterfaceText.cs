using System.Text;
using System.Text.RegularExpressions;

namespace Rekindle.Tests.Localization;

/// <summary>
/// Finds interface text written straight into a .razor file instead of through <c>T[...]</c>: the text
/// between tags and the attributes people read (title, aria-label, placeholder, alt, label, a submit
/// button's value), once comments, <c>@code</c>, scripts and Razor expressions are taken out.
/// </summary>
internal static partial class InterfaceText
{
    // Words that are the same in every language: the brand.
    private static readonly string[] Allowed = ["Rekindle"];

    private static readonly string[] ReadAttributes = ["title", "aria-label", "placeholder", "alt", "label"];

    public static List<string> Literals(string razor)
    {
        var found = new List<string>();
        var source = Comments().Replace(razor, " ");
        var code = CodeBlock().Match(source);
        if (code.Success)
        {
            source = source[..code.Index];
        }

        source = ScriptOrStyle().Replace(source, " ");
        source = Directive().Replace(source, "");

        var text = new StringBuilder();
        var i = 0;
        while (i < source.Length)
        {
            var c = source[i];
            if (c == '@')
            {
                i = SkipExpression(source, i);
                text.Append(' ');
                continue;
            }

            if (c == '<' && i + 1 < source.Length && (char.IsLetter(source[i + 1]) || source[i + 1] == '/' || source[i + 1] == '!'))
            {
                var end = SkipTag(source, i);
                CheckAttributes(source[i..end], found);
                text.Append('\n');
                i = end;
                continue;
            }

            text.Append(c);
            i++;
        }

        foreach (var raw in text.ToString().Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || IsCode(line))
            {
                continue;
            }

            if (HasWords(line))
            {
                found.Add(line);
            }
        }

        return found;
    }

    private static bool IsCode(string line) =>
        line.EndsWith(';')
        || line.EndsWith('{')
        || line.EndsWith('}')
        || line.StartsWith('}')
        || line.StartsWith('{')
        || CodeLine().IsMatch(line);

    private static bool HasWords(string text)
    {
        foreach (var allowed in Allowed)
        {
            text = text.Replace(allowed, " ", StringComparison.Ordinal);
        }

        text = Entity().Replace(text, " ");
        return text.Any(char.IsLetter);
    }

    private static void CheckAttributes(string tag, List<string> found)
    {
        foreach (Match m in Attribute().Matches(tag))
        {
            var name = m.Groups[1].Value;
            var value = m.Groups[2].Value;
            var read =
                ReadAttributes.Contains(name, StringComparer.OrdinalIgnoreCase)
                || (
                    name.Equals("value", StringComparison.OrdinalIgnoreCase)
                    && tag.StartsWith("<input", StringComparison.OrdinalIgnoreCase)
                    && SubmitInput().IsMatch(tag)
                );
            if (!read)
            {
                continue;
            }

            var withoutCode = new StringBuilder();
            for (var i = 0; i < value.Length; )
            {
                if (value[i] == '@')
                {
                    i = SkipExpression(value, i);
                    withoutCode.Append(' ');
                }
                else
                {
                    withoutCode.Append(value[i++]);
                }
            }

            if (HasWords(withoutCode.ToString()))
            {
                found.Add($"{name}=\"{value}\"");
            }
        }
    }

    // A Razor expression or statement starting at '@': @(...), @T[...], @name.member(...)[...], @if (...),
    // @foreach (...), @{ ... }. Returns the index after it. "@@" is an escaped '@' (text, but no word).
    private static int SkipExpression(string s, int at)
    {
        var i = at + 1;
        if (i >= s.Length)
        {
            return i;
        }

        if (s[i] == '@')
        {
            return i + 1;
        }

        if (s[i] == '*')
        {
            var close = s.IndexOf("*@", i, StringComparison.Ordinal);
            return close < 0 ? s.Length : close + 2;
        }

        if (s[i] is '(' or '{' or '[')
        {
            return SkipBalanced(s, i);
        }

        var start = i;
        while (i < s.Length && (char.IsLetterOrDigit(s[i]) || s[i] is '_' or '.' or '!' or '?'))
        {
            // "@name." at the end of a sentence: the dot is text, not a member access.
            if (s[i] is '.' or '?' or '!' && (i + 1 >= s.Length || !(char.IsLetter(s[i + 1]) || s[i + 1] is '_' or '.' or '[' or '(')))
            {
                break;
            }

            i++;
            while (i < s.Length && s[i] is '(' or '[')
            {
                i = SkipBalanced(s, i);
            }
        }

        var word = s[start..i];
        if (word is "if" or "foreach" or "for" or "while" or "switch" or "using" or "lock" or "else")
        {
            while (i < s.Length && char.IsWhiteSpace(s[i]))
            {
                i++;
            }

            if (i < s.Length && s[i] == '(')
            {
                i = SkipBalanced(s, i);
            }
        }

        return i;
    }

    private static int SkipBalanced(string s, int at)
    {
        var depth = 0;
        for (var i = at; i < s.Length; i++)
        {
            switch (s[i])
            {
                case '"':
                    i = SkipString(s, i);
                    break;
                case '(' or '[' or '{':
                    depth++;
                    break;
                case ')' or ']' or '}':
                    if (--depth == 0)
                    {
                        return i + 1;
                    }

                    break;
            }
        }

        return s.Length;
    }

    private static int SkipString(string s, int at)
    {
        for (var i = at + 1; i < s.Length; i++)
        {
            if (s[i] == '\\')
            {
                i++;
            }
            else if (s[i] == '"')
            {
                return i;
            }
        }

        return s.Length;
    }

    // A tag, with attribute values that may hold Razor expressions (and so '>' characters).
    private static int SkipTag(string s, int at)
    {
        for (var i = at + 1; i < s.Length; i++)
        {
            switch (s[i])
            {
                case '"':
                    for (i++; i < s.Length && s[i] != '"'; i++)
                    {
                        if (s[i] == '@' && i + 1 < s.Length && s[i + 1] is '(' or '[')
                        {
                            i = SkipBalanced(s, i + 1) - 1;
                        }
                    }

                    break;
                case '@' when i + 1 < s.Length && s[i + 1] is '(' or '{':
                    i = SkipBalanced(s, i + 1) - 1;
                    break;
                case '>':
                    return i + 1;
            }
        }

        return s.Length;
    }

    [GeneratedRegex(@"@\*.*?\*@|<!--.*?-->", RegexOptions.Singleline)]
    private static partial Regex Comments();

    [GeneratedRegex(@"^@code\s*\{", RegexOptions.Multiline)]
    private static partial Regex CodeBlock();

    [GeneratedRegex(@"<(script|style)\b.*?</\1>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex ScriptOrStyle();

    [GeneratedRegex(
        @"^\s*@(page|inject|using|attribute|layout|implements|inherits|typeparam|rendermode|namespace|preservewhitespace)\b.*$",
        RegexOptions.Multiline
    )]
    private static partial Regex Directive();

    [GeneratedRegex(@"^(case\b.*:|default:|else\b|break|return|var\s|await\s|(if|foreach|for|while|switch)\s*\()")]
    private static partial Regex CodeLine();

    [GeneratedRegex(@"&[a-zA-Z]+;|&#\d+;")]
    private static partial Regex Entity();

    [GeneratedRegex("""\s([a-zA-Z-]+)\s*=\s*"([^"]*)"?""")]
    private static partial Regex Attribute();

    [GeneratedRegex(@"type\s*=\s*""(submit|button|reset)""", RegexOptions.IgnoreCase)]
    private static partial Regex SubmitInput();
}
