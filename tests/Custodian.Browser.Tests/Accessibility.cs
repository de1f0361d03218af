using Microsoft.Playwright;

namespace Custodian.Browser.Tests;

/// <summary>
/// The WCAG 2.1 AA basics a test can check in the page itself: a language, one main heading, a label for every field, a name
/// for every button and link, a title for every chart, and text contrast of at least 4.5:1 (3:1 for large text) against the
/// background actually behind it.
/// </summary>
public static class Accessibility
{
    private const string Script = """
        () => {
          const problems = [];
          const describe = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).join('.') : '');
          const visible = el => { const s = getComputedStyle(el); const r = el.getBoundingClientRect(); return s.visibility !== 'hidden' && s.display !== 'none' && r.width > 0 && r.height > 0; };
          const named = el => (el.getAttribute('aria-label') || '').trim() || (el.getAttribute('aria-labelledby') || '').split(/\s+/).map(id => document.getElementById(id)).filter(Boolean).map(n => n.textContent.trim()).join(' ') || el.textContent.trim() || (el.getAttribute('title') || '').trim();
          if (!document.documentElement.lang) problems.push('html has no lang');
          if (document.querySelectorAll('h1').length !== 1) problems.push('expected one h1, found ' + document.querySelectorAll('h1').length);
          for (const el of document.querySelectorAll('input:not([type=hidden]), select, textarea')) {
            if (!(el.labels && el.labels.length) && !el.getAttribute('aria-label') && !el.getAttribute('aria-labelledby')) problems.push('field without label: ' + describe(el));
          }
          for (const el of document.querySelectorAll('button, a[href], [role=switch]')) {
            if (visible(el) && !named(el)) problems.push('control without a name: ' + describe(el));
          }
          for (const svg of document.querySelectorAll('svg[role=img]')) {
            if (!svg.querySelector('title') || !svg.getAttribute('aria-labelledby')) problems.push('chart without title: ' + describe(svg));
          }
          const parse = c => { const m = c.match(/rgba?\(([^)]+)\)/); if (!m) return null; const p = m[1].split(',').map(x => parseFloat(x)); return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 }; };
          const lum = c => { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }; return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b); };
          const background = el => { for (let n = el; n; n = n.parentElement) { const c = parse(getComputedStyle(n).backgroundColor); if (c && c.a > 0.5) return c; } return { r: 255, g: 255, b: 255, a: 1 }; };
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          const checked = new Set();
          while (walker.nextNode()) {
            const node = walker.currentNode;
            const el = node.parentElement;
            if (!el || checked.has(el) || !node.textContent.trim() || el.closest('svg') || !visible(el)) continue;
            checked.add(el);
            const s = getComputedStyle(el);
            const fg = parse(s.color), bg = background(el);
            if (!fg) continue;
            const [hi, lo] = [lum(fg), lum(bg)].sort((a, b) => b - a);
            const ratio = (hi + 0.05) / (lo + 0.05);
            const size = parseFloat(s.fontSize), bold = parseInt(s.fontWeight, 10) >= 700;
            const needed = size >= 24 || (size >= 18.66 && bold) ? 3 : 4.5;
            if (ratio < needed) problems.push('contrast ' + ratio.toFixed(2) + ' < ' + needed + ': ' + describe(el) + ' "' + node.textContent.trim().slice(0, 40) + '"');
          }
          return problems;
        }
        """;

    /// <summary>Fails the test with every problem found on the page.</summary>
    public static async Task AssertBasicsAsync(IPage page)
    {
        var problems = await page.EvaluateAsync<string[]>(Script);
        Assert.True(problems.Length == 0, $"Accessibility problems on {page.Url}:\n  " + string.Join("\n  ", problems));
    }
}
