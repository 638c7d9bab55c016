using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Com1ControlPanel.Tests.Kit;

/// <summary>
/// What a keyboard user sees of focus (WCAG 2.4.7 and 2.4.11): the element Tab reached, its focus indicator (an outline or
/// an opaque box-shadow ring, on the element or, for controls whose input is invisible, on the control around it) and
/// the contrast of that indicator against what it is drawn on (the page, or the card, bar or banner around the element),
/// computed from the browser's computed colours.
/// </summary>
public static partial class FocusChecks
{
    /// <summary>The indicator a keyboard user needs: at least this thick...</summary>
    public const double MinimumWidth = 2;

    /// <summary>...and at least this contrast against the page around it.</summary>
    public const double MinimumContrast = 3;

    // The focused element and up to three ancestors: MudBlazor's switches, checkboxes and radios focus an invisible input
    // (opacity 0) that fills the round button around it, and text fields an input inside the field's box.
    private const string FocusedScript = """
        () => {
            const el = document.activeElement;
            if (!el || el === document.body || el === document.documentElement) return null;
            const seen = el.hasAttribute('data-focus-seen');
            el.setAttribute('data-focus-seen', '');
            const text = (el.getAttribute('aria-label') || el.textContent || el.value || '').trim().replace(/\s+/g, ' ').slice(0, 40);
            const classes = typeof el.className === 'string' ? el.className.trim().split(/\s+/).filter(c => c).slice(0, 3) : [];
            const name = el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + classes.map(c => '.' + c).join('')
                + (el.type ? '[' + el.type + ']' : '') + (text ? ' "' + text + '"' : '');
            const levels = [];
            const backgrounds = [];
            for (let node = el, depth = 0; node; depth++, node = node.parentElement) {
                const s = getComputedStyle(node);
                backgrounds.push(s.backgroundColor);
                if (depth < 4 && node !== document.body) {
                    levels.push({ opacity: parseFloat(s.opacity), outlineStyle: s.outlineStyle, outlineWidth: s.outlineWidth,
                        outlineOffset: s.outlineOffset, outlineColor: s.outlineColor, boxShadow: s.boxShadow });
                }
            }
            return { name, seen, frame: el.tagName === 'IFRAME', levels, backgrounds };
        }
        """;

    /// <summary>The element that has the keyboard focus now, or null when focus left the page.</summary>
    public static async Task<FocusStop?> FocusedAsync(IPage page)
    {
        var result = await page.EvaluateAsync<JsonElement?>(FocusedScript);
        if (result is not { ValueKind: JsonValueKind.Object } found)
        {
            return null;
        }
        var levels = found.GetProperty("levels").EnumerateArray().Select(level => new FocusStyle(
            level.GetProperty("opacity").GetDouble(), level.GetProperty("outlineStyle").GetString()!, Px(level.GetProperty("outlineWidth").GetString()),
            Px(level.GetProperty("outlineOffset").GetString()), level.GetProperty("outlineColor").GetString()!, level.GetProperty("boxShadow").GetString()!)).ToList();
        var backgrounds = found.GetProperty("backgrounds").EnumerateArray().Select(b => Rgba.Parse(b.GetString()!)).ToList();
        return new FocusStop(found.GetProperty("name").GetString()!, found.GetProperty("seen").GetBoolean(),
            found.GetProperty("frame").GetBoolean(), levels, backgrounds);
    }

    /// <summary>
    /// From the top of the page, presses Tab until focus leaves the page or comes back to an element it already reached (at most
    /// <paramref name="maxStops"/> times) and returns every element reached, in order.
    /// </summary>
    public static async Task<List<FocusStop>> TabThroughAsync(IPage page, int maxStops = 80)
    {
        // From the top of the page, wherever the page put the focus as it loaded.
        await page.EvaluateAsync("""
            () => {
                const start = document.createElement('span');
                start.tabIndex = -1;
                document.body.prepend(start);
                start.focus();
            }
            """);
        var stops = new List<FocusStop>();
        for (var i = 0; i < maxStops; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await FocusedAsync(page) is not { Seen: false } stop)
            {
                break;
            }
            stops.Add(stop);
        }
        return stops;
    }

    /// <summary>Why the focus indicator of <paramref name="stop"/> is not enough, or null when it is.</summary>
    public static string? Problem(FocusStop stop)
    {
        if (stop.Frame)
        {
            return null; // the payment provider's own page: its focus styles are the provider's
        }
        for (var depth = 0; depth < stop.Levels.Count; depth++)
        {
            if (stop.Levels[depth].Indicator() is not { } ring)
            {
                continue;
            }
            // What the ring is drawn on: the page's background with every background painted over it down to the ring
            // (the element's own for a ring drawn inside it, its parent's for one around it): the page itself, or the
            // card, app bar, menu or banner the element sits on.
            var surroundings = Surroundings(stop.Backgrounds, ring.Inside ? depth : depth + 1);
            var contrast = Contrast(ring.Colour.Over(surroundings), surroundings);
            return ring.Width < MinimumWidth ? $"{stop.Name}: indicator {ring.Width}px thin"
                : contrast < MinimumContrast ? $"{stop.Name}: indicator {ring.Colour} has {contrast:0.00}:1 against {surroundings}"
                : null;
        }
        return $"{stop.Name}: no focus indicator (outline {stop.Levels[0].OutlineStyle} {stop.Levels[0].OutlineWidth}px, box-shadow {stop.Levels[0].BoxShadow})";
    }

    // The backgrounds from the page's root down to the element at depth `from` (0 is the focused element), painted in turn.
    private static Rgba Surroundings(IReadOnlyList<Rgba> backgrounds, int from)
    {
        var colour = Rgba.White;
        for (var i = backgrounds.Count - 1; i >= from; i--)
        {
            colour = backgrounds[i].Over(colour);
        }
        return colour;
    }

    /// <summary>WCAG's contrast ratio of two opaque colours.</summary>
    public static double Contrast(Rgba a, Rgba b)
    {
        var (lighter, darker) = (Math.Max(a.Luminance, b.Luminance), Math.Min(a.Luminance, b.Luminance));
        return (lighter + 0.05) / (darker + 0.05);
    }

    private static double Px(string? value) =>
        double.TryParse(value?.Replace("px", "", StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out var px) ? px : 0;

    /// <summary>One element's focus styles as the browser computed them.</summary>
    public sealed record FocusStyle(double Opacity, string OutlineStyle, double OutlineWidth, double OutlineOffset, string OutlineColor,
        string BoxShadow)
    {
        /// <summary>The ring this element draws: its outline, or an opaque box-shadow that is a ring (no offset, no blur).</summary>
        public (double Width, Rgba Colour, bool Inside)? Indicator()
        {
            if (Opacity < 0.5)
            {
                return null; // an invisible element's ring is invisible too
            }
            if (OutlineStyle is not ("none" or "hidden") && OutlineWidth > 0)
            {
                return (OutlineWidth, Rgba.Parse(OutlineColor), OutlineOffset + OutlineWidth <= 0);
            }
            foreach (Match shadow in ShadowPattern().Matches(BoxShadow))
            {
                var colour = Rgba.Parse(shadow.Groups["colour"].Value);
                var lengths = shadow.Groups["lengths"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Px).ToArray();
                // x y blur spread: a ring has no offset and no blur. Elevation shadows are translucent and blurred.
                if (colour.A >= 0.99 && lengths is [0, 0, 0, > 0 and var spread, ..])
                {
                    return (spread, colour, shadow.Value.Contains("inset", StringComparison.Ordinal));
                }
            }
            return null;
        }
    }

    [GeneratedRegex(@"(?<colour>rgba?\([^)]*\))\s+(?<lengths>(?:-?[\d.]+px\s*)+)(?:inset)?")]
    private static partial Regex ShadowPattern();
}

/// <summary>
/// One element Tab reached: its name for messages, whether it was reached before, the focus styles of it and its nearest
/// ancestors, and the background colours from it up to the page's root.
/// </summary>
public sealed record FocusStop(string Name, bool Seen, bool Frame, IReadOnlyList<FocusChecks.FocusStyle> Levels,
    IReadOnlyList<Rgba> Backgrounds);

/// <summary>A CSS colour as computed by the browser (rgb or rgba).</summary>
public readonly record struct Rgba(double R, double G, double B, double A)
{
    public static readonly Rgba White = new(255, 255, 255, 1);

    public static Rgba Parse(string css)
    {
        var parts = css[(css.IndexOf('(') + 1)..css.IndexOf(')')]
            .Split([',', ' ', '/'], StringSplitOptions.RemoveEmptyEntries)
            .Select(p => double.Parse(p, CultureInfo.InvariantCulture)).ToArray();
        return new Rgba(parts[0], parts[1], parts[2], parts.Length > 3 ? parts[3] : 1);
    }

    /// <summary>This colour painted over an opaque <paramref name="below"/>.</summary>
    public Rgba Over(Rgba below) => new(R * A + below.R * (1 - A), G * A + below.G * (1 - A), B * A + below.B * (1 - A), 1);

    public double Luminance => 0.2126 * Channel(R) + 0.7152 * Channel(G) + 0.0722 * Channel(B);

    private static double Channel(double value)
    {
        var c = value / 255;
        return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
    }

    public override string ToString() => $"rgba({R:0}, {G:0}, {B:0}, {A:0.##})";
}
