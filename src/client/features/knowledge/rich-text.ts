/**
 * Article HTML in the browser. Server HTML is never put into the page as markup: it is parsed in an
 * inert document (DOMParser runs no script and loads nothing) and rebuilt element by element from the
 * same allow-list the server sanitises with — only these tags, only href/src/alt/colspan/rowspan, only
 * safe link and image targets. The result carries no attributes or handlers we did not create.
 */

import { ARTICLE_TAGS } from '../../../shared/rich-text/allowed-tags.ts';

const ALLOWED = new Set<string>(ARTICLE_TAGS);
/** Dropped with their content (their text is not article text). */
const DROPPED = new Set([
  'script',
  'style',
  'textarea',
  'option',
  'noscript',
  'title',
  'iframe',
  'object',
  'embed',
  'template',
  'head',
  'svg',
  'math',
  'select',
  'button',
]);
const BLOCKS = new Set([
  'p',
  'div',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'table',
  'blockquote',
  'pre',
]);
const HEADING_MAP: Record<string, string> = { h1: 'h2', h5: 'h4', h6: 'h4' };
const DATA_IMAGE = /^data:image\/(?:png|jpeg|gif|webp);base64,[a-z0-9+/=\s]+$/i;

/** An http(s) or mailto link, normalised; anything else (javascript:, data:, relative) is refused. */
export function safeHref(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value.trim());
    return ['http:', 'https:', 'mailto:'].includes(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

function safeSrc(value: string | null): string | null {
  if (!value) return null;
  const v = value.trim();
  if (DATA_IMAGE.test(v)) return v.replace(/\s+/g, '');
  try {
    const url = new URL(v);
    return url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

function copyInto(from: Node, to: Node, doc: Document): void {
  for (const child of Array.from(from.childNodes)) {
    if (child.nodeType === Node.TEXT_NODE) {
      to.appendChild(doc.createTextNode(child.textContent ?? ''));
      continue;
    }
    if (child.nodeType !== Node.ELEMENT_NODE) continue;
    const source = child as Element;
    let tag = source.tagName.toLowerCase();
    if (DROPPED.has(tag)) continue;
    tag = HEADING_MAP[tag] ?? tag;
    if (tag === 'div') {
      // A line the browser's editor made: a paragraph, unless it wraps other blocks.
      const wrapsBlocks = Array.from(source.children).some((c) => BLOCKS.has(c.tagName.toLowerCase()));
      if (wrapsBlocks) copyInto(source, to, doc);
      else {
        const p = doc.createElement('p');
        copyInto(source, p, doc);
        to.appendChild(p);
      }
      continue;
    }
    if (!ALLOWED.has(tag)) {
      copyInto(source, to, doc);
      continue;
    }
    const copy = doc.createElement(tag);
    if (tag === 'a') {
      const href = safeHref(source.getAttribute('href'));
      if (href) {
        copy.setAttribute('href', href);
        copy.setAttribute('rel', 'noopener noreferrer');
        copy.setAttribute('target', '_blank');
      }
    } else if (tag === 'img') {
      const src = safeSrc(source.getAttribute('src'));
      if (!src) continue;
      copy.setAttribute('src', src);
      const alt = source.getAttribute('alt');
      if (alt) copy.setAttribute('alt', alt);
    } else if (tag === 'td' || tag === 'th') {
      for (const name of ['colspan', 'rowspan']) {
        const value = source.getAttribute(name);
        if (value && /^\d{1,3}$/.test(value)) copy.setAttribute(name, value);
      }
    }
    copyInto(source, copy, doc);
    to.appendChild(copy);
  }
}

/** Allowed content of `html` as nodes of `doc`, ready to be placed in the editor. */
export function importHtml(html: string, doc: Document = document): DocumentFragment {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  const fragment = doc.createDocumentFragment();
  copyInto(parsed.body, fragment, doc);
  return fragment;
}

/** The allowed HTML of `html` as text (for saving, pasting and previews). */
export function cleanHtml(html: string): string {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  const holder = parsed.createElement('div');
  copyInto(parsed.body, holder, parsed);
  // Paragraphs without any content (left behind by list and heading commands) render as nothing.
  for (const p of Array.from(holder.querySelectorAll('p'))) {
    if (p.childNodes.length === 0) p.remove();
  }
  return holder.innerHTML.trim();
}

/** True when the body has no text and no image (the server refuses to publish that). */
export function isEmptyHtml(html: string): boolean {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  return !parsed.body.textContent?.trim() && !parsed.body.querySelector('img');
}

const PREVIEW_STYLE = `
body{margin:0;padding:16px 20px;font:14px/1.75 -apple-system,BlinkMacSystemFont,"PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC",sans-serif;color:#1f2937;}
h2{font-size:20px;margin:20px 0 8px}h3{font-size:17px;margin:16px 0 6px}h4{font-size:15px;margin:12px 0 4px}
p{margin:0 0 10px}ul,ol{padding-inline-start:24px}blockquote{margin:8px 0;padding:4px 12px;border-inline-start:3px solid #d0d7e2;color:#4b5563}
pre{background:#f5f7fa;padding:8px 12px;border-radius:6px;overflow:auto}code{background:#f5f7fa;padding:0 4px;border-radius:4px}
table{border-collapse:collapse;margin:8px 0}th,td{border:1px solid #d0d7e2;padding:4px 8px}th{background:#f7f9fc}
img{max-width:100%}a{color:#1e5bb8}`;

/**
 * A whole document for a sandboxed preview frame (`sandbox=""`: no script, no forms, an opaque origin);
 * the CSP forbids every load but images, as a second line of defence.
 */
export function previewDocument(html: string, lang: string, title: string): string {
  const head =
    '<meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src \'none\'; ' +
    "img-src https: data:; style-src 'unsafe-inline'\">";
  const heading = title ? `<h1 style="font-size:22px;margin:4px 0 16px">${escapeText(title)}</h1>` : '';
  return `<!doctype html><html lang="${escapeText(lang)}"><head>${head}<style>${PREVIEW_STYLE}</style></head><body>${heading}${cleanHtml(html)}</body></html>`;
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
