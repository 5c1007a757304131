import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../app/modules/learning/markdown.server';

// Lesson Markdown is put into the page as HTML: nothing an author types may
// become a script, an event handler or a javascript: URL.
describe('lesson Markdown rendering', () => {
  it('renders headings, lists, emphasis, links and images', () => {
    const html = renderMarkdown(
      '## Tiêu đề\n\n- một\n- **hai**\n\n[Sen](https://sen.example.vn/learn) ![ảnh](/images/a.png)\n\nhttps://example.com/x',
    );
    expect(html).toContain('<h2>Tiêu đề</h2>');
    expect(html).toContain('<li><strong>hai</strong></li>');
    expect(html).toContain('<a href="https://sen.example.vn/learn" rel="nofollow noopener noreferrer">Sen</a>');
    expect(html).toContain('<img src="/images/a.png" alt="ảnh" loading="lazy" decoding="async">');
    expect(html).toContain('<a href="https://example.com/x"'); // linkify
  });

  it('shows raw HTML as text: no script, iframe or event handler reaches the page', () => {
    const html = renderMarkdown(
      '<script>alert(1)</script>\n\n<img src=x onerror="alert(2)">\n\n<a href="#" onclick="alert(3)">x</a>\n\n<iframe src="https://evil.example"></iframe>\n\n<svg onload=alert(4)>',
    );
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/<iframe/i);
    expect(html).not.toMatch(/<svg/i);
    expect(html).not.toMatch(/<a [^>]*onclick/i);
    expect(html).toContain('&lt;script&gt;');
  });

  it('drops javascript:, data: and vbscript: links and images', () => {
    const html = renderMarkdown(
      '[a](javascript:alert(1)) [b](JaVaScRiPt:alert(1)) [c](data:text/html;base64,PHNjcmlwdD4=) [d](vbscript:msgbox) [e](//evil.example/x)\n\n![i](javascript:alert(1)) ![j](http://insecure.example/a.png) ![k](data:image/png;base64,AAAA)\n\n<javascript:alert(1)>',
    );
    expect(html).not.toMatch(/href="(javascript|data|vbscript):/i);
    expect(html).not.toMatch(/href="\/\//);
    expect(html).not.toMatch(/<img/i);
    expect(html.toLowerCase()).not.toContain('href="javascript');
  });

  it('keeps mailto, tel, relative and anchor links', () => {
    const html = renderMarkdown('[m](mailto:help@sen.example.vn) [t](tel:113) [s](/safety) [h](#top)');
    expect(html).toContain('href="mailto:help@sen.example.vn"');
    expect(html).toContain('href="tel:113"');
    expect(html).toContain('href="/safety"');
    expect(html).toContain('href="#top"');
  });
});
