using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Rekindle.Testing;

/// <summary>A page as a person's browser got it.</summary>
public sealed class Page(HttpStatusCode status, Uri url, string html, HttpResponseMessage response)
{
    private static readonly HtmlParser Parser = new();

    public HttpStatusCode Status { get; } = status;

    public Uri Url { get; } = url;

    public string Html { get; } = html;

    public HttpResponseMessage Response { get; } = response;

    public IHtmlDocument Document { get; } = Parser.ParseDocument(html);

    /// <summary>The visible text, whitespace collapsed, for "does the page say X" checks.</summary>
    public string Text => string.Join(' ', (Document.Body?.TextContent ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    public IElement? Find(string selector) => Document.QuerySelector(selector);

    public string TextOf(string selector) =>
        Find(selector)?.TextContent.Trim() ?? throw new InvalidOperationException($"No '{selector}' on {Url}: {Text}");
}

/// <summary>
/// Drives the app through its HTML like a browser without JavaScript: follows redirects, keeps
/// cookies, and submits forms with whatever hidden fields (antiforgery token, form name) they carry.
/// </summary>
public sealed class TestBrowser(HttpClient client, CookieContainer cookies) : IDisposable
{
    public HttpClient Client { get; } = client;

    /// <summary>The browser's cookies, so a test can copy them (to replay a signed-out session, say).</summary>
    public CookieContainer Cookies { get; } = cookies;

    public Page? Current { get; private set; }

    public async Task<Page> GetAsync(string url) => await FollowAsync(await Client.GetAsync(url));

    /// <summary>Submits the form on the page whose Blazor form name (or action) is <paramref name="form"/>.</summary>
    public async Task<Page> SubmitAsync(Page page, string form, IDictionary<string, string>? fields = null)
    {
        var element = page.Document.QuerySelectorAll("form")
            .OfType<IHtmlFormElement>()
            .FirstOrDefault(f => f.QuerySelector($"input[name=_handler][value='{form}']") is not null || f.GetAttribute("action") == form)
            ?? throw new InvalidOperationException($"No form '{form}' on {page.Url}: {page.Text}");

        var values = new List<KeyValuePair<string, string>>();
        foreach (var input in element.QuerySelectorAll("input").OfType<IHtmlInputElement>())
        {
            if (string.IsNullOrEmpty(input.Name) || fields?.ContainsKey(input.Name) == true)
            {
                continue;
            }

            if ((input.Type == "checkbox" || input.Type == "radio") && !input.IsChecked)
            {
                continue;
            }

            values.Add(new(input.Name, input.Value));
        }

        foreach (var (name, value) in fields ?? new Dictionary<string, string>())
        {
            values.Add(new(name, value));
        }

        var action = element.GetAttribute("action");
        var target = string.IsNullOrEmpty(action) ? page.Url : new Uri(page.Url, action);
        return await PostAsync(target.PathAndQuery, values);
    }

    public async Task<Page> PostAsync(string url, IEnumerable<KeyValuePair<string, string>> values)
    {
        using var content = new FormUrlEncodedContent(values);
        return await FollowAsync(await Client.PostAsync(url, content));
    }

    private async Task<Page> FollowAsync(HttpResponseMessage response)
    {
        for (var hops = 0; hops < 10 && (int)response.StatusCode is >= 300 and < 400; hops++)
        {
            var location = response.Headers.Location ?? throw new InvalidOperationException("Redirect without a location.");
            var next = location.IsAbsoluteUri ? location : new Uri(response.RequestMessage!.RequestUri!, location);
            response.Dispose();
            response = await Client.GetAsync(next);
        }

        var html = await response.Content.ReadAsStringAsync();
        Current = new Page(response.StatusCode, response.RequestMessage!.RequestUri!, html, response);
        return Current;
    }

    public void Dispose() => Client.Dispose();
}

/// <summary>Keeps cookies like a browser: sends what the jar holds, stores what the server sets.</summary>
public sealed class CookieJar(CookieContainer container) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var header = container.GetCookieHeader(request.RequestUri!);
        if (header.Length > 0)
        {
            request.Headers.Remove("Cookie");
            request.Headers.Add("Cookie", header);
        }

        var response = await base.SendAsync(request, cancellationToken);
        if (response.Headers.TryGetValues("Set-Cookie", out var values))
        {
            foreach (var value in values)
            {
                container.SetCookies(request.RequestUri!, value);
            }
        }

        return response;
    }
}
