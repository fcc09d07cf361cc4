/**
 * Article bodies are rich text from an editor and are shown to customers on the portal, so they are
 * cleaned on every save with an allow-list: formatting, lists, quotes, code, tables, safe links and
 * safe images survive; everything else (script, style, iframe, forms, `on*` handlers, `style`
 * attributes, `javascript:` / `data:text/html` URLs, SVG images) is removed.
 */
import { createRequire } from 'node:module';
import type SanitizeHtml from 'sanitize-html';
import { ARTICLE_TAGS } from '../../../shared/rich-text/allowed-tags.ts';

// sanitize-html (with its CSS parser) is loaded on first use, not at start: only saving an article needs it.
const require = createRequire(import.meta.url);
const sanitizeHtml = (html: string, options: SanitizeHtml.IOptions): string =>
  (require('sanitize-html') as typeof SanitizeHtml)(html, options);

const LINK_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);
/** Inline images only in raster formats (an SVG can carry script). */
const DATA_IMAGE = /^data:image\/(?:png|jpeg|gif|webp);base64,[a-z0-9+/=\s]+$/i;

function safeLink(href: string | undefined): string | null {
  if (!href) return null;
  try {
    const url = new URL(href.trim());
    return LINK_PROTOCOLS.has(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

function safeImage(src: string | undefined): string | null {
  if (!src) return null;
  const value = src.trim();
  if (DATA_IMAGE.test(value)) return value.replace(/\s+/g, '');
  try {
    const url = new URL(value);
    return url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

const OPTIONS: SanitizeHtml.IOptions = {
  allowedTags: [...ARTICLE_TAGS],
  allowedAttributes: {
    a: ['href', 'rel', 'target'],
    img: ['src', 'alt'],
    th: ['colspan', 'rowspan'],
    td: ['colspan', 'rowspan'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['https', 'data'] },
  allowedSchemesAppliedToAttributes: ['href', 'src'],
  allowProtocolRelative: false,
  // Their text is not content (and would otherwise end up in the article as plain text).
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'title', 'iframe', 'object'],
  disallowedTagsMode: 'discard',
  transformTags: {
    // A link to an unsafe target loses its href (an inert <a> around the text); a safe one never
    // gets the opener. (Not renamed to a dropped tag: sanitize-html would then mis-close the next
    // element at the same depth.)
    a: (tagName, attribs): SanitizeHtml.Tag => {
      const href = safeLink(attribs.href);
      if (!href) return { tagName, attribs: {} };
      return { tagName, attribs: { href, rel: 'noopener noreferrer', target: '_blank' } };
    },
    img: (tagName, attribs) => {
      const src = safeImage(attribs.src);
      const kept: Record<string, string> = {};
      if (src) kept.src = src;
      if (attribs.alt) kept.alt = attribs.alt;
      return { tagName, attribs: kept };
    },
  },
  // An image whose source was not safe is dropped entirely.
  exclusiveFilter: (frame) => frame.tag === 'img' && !frame.attribs.src,
};

/** The stored form of an article body. */
export function sanitiseArticleHtml(html: string): string {
  return sanitizeHtml(html, OPTIONS).trim();
}

const BLOCK_END = /<\/(?:p|h2|h3|h4|li|blockquote|pre|tr)>|<br\s*\/?>/g;
const CELL_END = /<\/t[dh]>/g;

/**
 * Plain text of a sanitised body: blocks become lines, cells are separated by spaces, entities are
 * decoded. Used for search, excerpts and inserting an article into a (plain text) reply.
 */
export function htmlToText(sanitised: string): string {
  const marked = sanitised.replace(BLOCK_END, (m) => `${m}\n`).replace(CELL_END, (m) => `${m} `);
  const stripped = sanitizeHtml(marked, { allowedTags: [], allowedAttributes: {} });
  return stripped
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&amp;', '&')
    .replace(/\u00a0/g, ' ')
    .replace(/[ \t]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
