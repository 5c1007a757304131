import MarkdownIt from 'markdown-it';
import { defined } from '~/lib/defined';

// Lesson Markdown is rendered here, on the server, and only the result reaches
// the page. Authors are trusted staff, but the output is safe whatever they
// type: raw HTML is off (it is shown as text), and links and images only go to
// allowed places, so no javascript:, data: or vbscript: URL reaches a page.

const safeLink = /^(https?:\/\/|mailto:|tel:|\/(?!\/)|#)/i;
const safeImage = /^(https:\/\/|\/(?!\/))/i;

const md = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: false });

md.validateLink = (url: string) => safeLink.test(url.trim());

const defaultImage = defined(md.renderer.rules.image, 'markdown-it image rule');
md.renderer.rules.image = (tokens, idx, options, env, self) => {
  const token = tokens[idx];
  const src = token.attrGet('src') ?? '';
  if (!safeImage.test(src)) return self.renderInline(token.children ?? [], options, env);
  token.attrSet('loading', 'lazy');
  token.attrSet('decoding', 'async');
  return defaultImage(tokens, idx, options, env, self);
};

md.renderer.rules.link_open = (tokens, idx, options, _env, self) => {
  const token = tokens[idx];
  const href = token.attrGet('href') ?? '';
  if (/^https?:\/\//i.test(href)) token.attrSet('rel', 'nofollow noopener noreferrer');
  return self.renderToken(tokens, idx, options);
};

/** Markdown → HTML that is safe to put in the page as is. */
export function renderMarkdown(source: string): string {
  return md.render(source);
}
