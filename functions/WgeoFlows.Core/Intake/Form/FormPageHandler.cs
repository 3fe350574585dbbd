using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WgeoFlows.Configuration;
using WgeoFlows.Intake.Submissions;
using WgeoFlows.Localization;
using WgeoFlows.Web;

namespace WgeoFlows.Intake.Form;

/// <summary>
/// GET and POST /api/form: the built-in request form for partners without a form service. The browser holds no secret:
/// the page carries a signed form token (<see cref="FormToken"/>) bound to an HttpOnly SameSite=Strict cookie, and its post
/// is refused when it comes from another site (Sec-Fetch-Site, Origin), without the cookie, or with a token that is forged.
/// The token's nonce is the submission id, so a replayed or double-clicked post answers with the same request. A valid post
/// becomes the contract's JSON and goes through the same <see cref="SubmissionPipeline"/> as the webhooks; its field errors
/// come back next to the fields.
/// </summary>
public sealed class FormPageHandler(
    IOptions<LinkOptions> links,
    IOptions<IntakeOptions> intake,
    IOptions<PublicUrlOptions> publicUrl,
    SubmissionPipeline pipeline,
    PageRenderer pages,
    TimeProvider clock,
    ILogger<FormPageHandler> logger)
{
    public const string CookieName = "wgeo_form";
    public const string Action = "/api/form";

    public async Task<IResult> ShowAsync(HttpRequest http)
    {
        var language = LanguageChoice.For(http.HttpContext);
        var cookie = BrowserCookie(http) ?? FormToken.NewRandom();
        var token = FormToken.Issue(links.Value.SigningKey, cookie, clock.GetUtcNow());
        return new FormCookieResult(await FormAsync(200, language, token, null, new Dictionary<string, string>(), []), cookie, http.IsHttps);
    }

    public async Task<IResult> SubmitAsync(HttpRequest http, DurableTaskClient durable, CancellationToken cancellationToken = default)
    {
        // Until the body is read: ?lang=, the cookie, Accept-Language. Once read, the language of the page that was filled in.
        var queryLanguage = LanguageChoice.For(http.HttpContext);
        if (IsCrossSite(http))
        {
            logger.LogInformation("Refused a cross-site form post (Origin {Origin}, Sec-Fetch-Site {Site})", http.Headers.Origin.ToString(),
                http.Headers["Sec-Fetch-Site"].ToString());
            return await RefusedAsync(403, queryLanguage);
        }
        if (!http.HasFormContentType) return await RefusedAsync(415, queryLanguage);
        var limit = intake.Value.MaxBodyBytes;
        if (http.ContentLength > limit) return await TooLargeAsync(queryLanguage);
        IFormCollection form;
        try
        {
            form = await http.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = limit, ValueLengthLimit = limit }, cancellationToken);
        }
        catch (InvalidDataException)
        {
            return await TooLargeAsync(queryLanguage);
        }
        catch (IOException) when (!cancellationToken.IsCancellationRequested)
        {
            // A cut-off or broken multipart body: the sender's fault, refused as such rather than thrown into a 500.
            return await RefusedAsync(400, queryLanguage);
        }

        var language = Filled(queryLanguage, form[FormFields.Language].FirstOrDefault());
        var texts = pages.TextsFor(language);
        var token = form[FormFields.Token].FirstOrDefault();
        var cookie = BrowserCookie(http);
        var check = FormToken.Read(token, links.Value.SigningKey, cookie, clock.GetUtcNow(), out var claims);
        if (check == FormTokenCheck.Expired)
        {
            var fresh = FormToken.Issue(links.Value.SigningKey, cookie!, clock.GetUtcNow());
            return await FormAsync(400, language, fresh, form, new Dictionary<string, string>(), [texts["form.expired"]]);
        }
        if (check != FormTokenCheck.Valid)
        {
            logger.LogInformation("Refused a form post: token {Check}", check);
            return await RefusedAsync(403, language);
        }

        var submission = await FormSubmissionBuilder.BuildAsync(claims!.Nonce, form, cancellationToken);
        var outcome = await pipeline.SubmitAsync(JsonSerializer.SerializeToElement(submission), IntakeDoor.Form, durable, cancellationToken);
        var code = language.Code;
        return outcome switch
        {
            IntakeOutcome.Accepted accepted => await pages.PageAsync(200, "form-accepted", texts["form.accepted.heading"], new
            {
                requestId = accepted.RequestId,
                statusUrl = $"{accepted.StatusUrl}&lang={code}",
                duplicate = accepted.Duplicate,
                formUrl = $"{Action}?lang={code}",
                confirm = accepted.Status == nameof(RequestStatus.AwaitingConfirmation),
            }, language),
            IntakeOutcome.Limited limited => Problems.WithRetryAfter(await pages.PageAsync(429, "form-message", texts["door.heading"], new
            {
                heading = texts["door.heading"],
                message = texts["door.mailQuota"],
                formUrl = $"{Action}?lang={code}",
                linkText = texts["form.title"],
            }, language), limited.RetryAfter),
            IntakeOutcome.Invalid invalid => await FormAsync(400, language, token!, form, FieldErrors(invalid.Errors, form, texts, out var general), general),
            IntakeOutcome.Conflict conflict => await pages.PageAsync(409, "form-message", texts["form.conflict.heading"], new
            {
                heading = texts["form.conflict.heading"],
                message = texts.Format("form.conflict.message", ("reference", conflict.RequestId)),
                formUrl = $"{Action}?lang={code}",
                linkText = texts["form.accepted.another"],
            }, language),
            IntakeOutcome.Unavailable unavailable => new RetryAfterPage(
                await FormAsync(503, language, token!, form, new Dictionary<string, string>(), [texts["form.unavailable"]]), unavailable.RetryAfter),
            _ => throw new InvalidOperationException($"Unknown intake outcome {outcome.GetType().Name}."),
        };
    }

    /// <summary>The language of the page the person filled in (its hidden field) when it is one we serve, with the
    /// switcher marking it; otherwise the language chosen from the request.</summary>
    private static PageLanguage Filled(PageLanguage chosen, string? posted)
    {
        if (!Languages.IsSupported(posted)) return chosen;
        var language = Languages.Resolve(posted);
        return new PageLanguage(language, [.. chosen.Switcher.Select(l => l with { Current = l.Code == language.Code })]);
    }

    private async Task<IResult> FormAsync(int status, PageLanguage language, string token, IFormCollection? posted,
        IReadOnlyDictionary<string, string> errors, IReadOnlyList<string> notices)
    {
        var texts = pages.TextsFor(language);
        var sections = FormView.Sections(texts, posted, errors);
        var summary = sections.SelectMany(s => s.Fields).Where(f => f.Error is not null)
            .Select(f => new { Href = "#" + f.Anchor, Text = $"{f.Label}: {f.Error}" }).ToList();
        return await pages.PageAsync(status, "form", texts["form.title"], new
        {
            sections,
            summary,
            notices,
            token,
            language = language.Code,
            action = $"{Action}?lang={language.Code}",
            accept = FormView.AcceptedExtensions,
            filesAgain = posted is not null && posted.Files.Count > 0,
        }, language);
    }

    /// <summary>The message next to each field with an error: the field's own words in the page's language; for files, the
    /// validator's reasons with the uploaded file's name in place of its JSON path. Errors of no field go to <paramref name="general"/>.</summary>
    private static Dictionary<string, string> FieldErrors(IReadOnlyDictionary<string, string[]> errors, IFormCollection form, Texts texts,
        out List<string> general)
    {
        general = [];
        var byField = new Dictionary<string, string>(StringComparer.Ordinal);
        var files = form.Files.GetFiles(FormFields.Attachments).Where(f => f.Length > 0 || f.FileName.Length > 0).ToList();
        var fileReasons = new List<string>();
        foreach (var (path, messages) in errors)
        {
            var field = FormFields.FieldOf(path);
            if (field is null)
            {
                general.AddRange(messages);
                continue;
            }
            if (field != FormFields.Attachments)
            {
                byField[field] = FormTexts.Error(texts, field);
                continue;
            }
            foreach (var message in messages)
            {
                var reason = message;
                for (var i = files.Count - 1; i >= 0; i--)
                {
                    foreach (var part in new[] { ".contentBase64", ".contentType", ".fileName", "" })
                        reason = reason.Replace($"attachments[{i}]{part}", $"“{files[i].FileName}”", StringComparison.Ordinal);
                }
                fileReasons.Add(reason);
            }
        }
        if (fileReasons.Count > 0) byField[FormFields.Attachments] = $"{FormTexts.Error(texts, FormFields.Attachments)} {string.Join(" ", fileReasons)}";
        return byField;
    }

    private Task<IResult> RefusedAsync(int status, PageLanguage language)
    {
        var texts = pages.TextsFor(language);
        return pages.PageAsync(status, "form-message", texts["form.refused.heading"], new
        {
            heading = texts["form.refused.heading"],
            message = texts["form.refused.message"],
            formUrl = $"{Action}?lang={language.Code}",
            linkText = texts["form.title"],
        }, language);
    }

    private Task<IResult> TooLargeAsync(PageLanguage language)
    {
        var texts = pages.TextsFor(language);
        return pages.PageAsync(413, "form-message", texts["form.title"], new
        {
            heading = texts["form.title"],
            message = $"{FormTexts.Error(texts, FormFields.Attachments)} {FormView.AttachmentHint(texts)}",
            formUrl = $"{Action}?lang={language.Code}",
            linkText = texts["form.title"],
        }, language);
    }

    /// <summary>A post from a page of another site. Browsers say so in Sec-Fetch-Site; older ones by an Origin that is neither
    /// this host nor <c>PublicBaseUrl</c>. Our pages' Referrer-Policy no-referrer makes Chromium send <c>Origin: null</c> even
    /// for its own posts, so "null" proves nothing either way. A client that sends neither header (not a browser) still needs
    /// the cookie-bound token, which a page of another site cannot read.</summary>
    private bool IsCrossSite(HttpRequest http)
    {
        var site = http.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0) return site is not ("same-origin" or "none");
        var origin = http.Headers.Origin.ToString();
        if (origin.Length == 0 || origin == "null") return false;
        return !(SameOrigin(origin, $"{http.Scheme}://{http.Host}") || SameOrigin(origin, publicUrl.Value.BaseUrl));
    }

    private static bool SameOrigin(string origin, string url) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var a) && Uri.TryCreate(url, UriKind.Absolute, out var b)
        && Uri.Compare(a, b, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;

    private static string? BrowserCookie(HttpRequest http) =>
        http.Cookies.TryGetValue(CookieName, out var value) && value is { Length: 22 } && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')
            ? value
            : null;
}

/// <summary>The form page with the browser's form cookie: HttpOnly (no script reads it), SameSite=Strict (no other site's page
/// sends it), limited to the form's path.</summary>
internal sealed class FormCookieResult(IResult page, string cookie, bool secure) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.Cookies.Append(FormPageHandler.CookieName, cookie, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = secure,
            Path = FormPageHandler.Action,
            IsEssential = true,
        });
        return page.ExecuteAsync(httpContext);
    }
}

/// <summary>A 503 page that tells the browser when to try again, as the APIs' problem+json does.</summary>
internal sealed class RetryAfterPage(IResult page, TimeSpan retryAfter) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return page.ExecuteAsync(httpContext);
    }
}
