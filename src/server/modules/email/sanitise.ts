import { createRequire } from 'node:module';
import type SanitizeHtml from 'sanitize-html';

// sanitize-html (with its CSS parser) is loaded on first use, not at start: only inbound mail needs it.
const require = createRequire(import.meta.url);
const sanitizeHtml = (html: string, options: SanitizeHtml.IOptions): string =>
  (require('sanitize-html') as typeof SanitizeHtml)(html, options);

const PLACEHOLDER_CLASS = 'qiao-image-placeholder';
/** Raster images inline in the mail itself; SVG (which can carry script) and remote images are not kept. */
const INLINE_RASTER = /^data:image\/(png|jpe?g|gif|webp);base64,/i;

const placeholder = (label: string) => ({
  tagName: 'span',
  attribs: { class: PLACEHOLDER_CLASS },
  text: `[${label}]`,
});

const OPTIONS: SanitizeHtml.IOptions = {
  allowedTags: [
    ...['p', 'br', 'div', 'span', 'b', 'strong', 'i', 'em', 'u', 's', 'strike', 'sub', 'sup', 'small'],
    ...['blockquote', 'pre', 'code', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'hr', 'a', 'img'],
    ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6'],
    ...['table', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'caption', 'colgroup', 'col'],
  ],
  allowedAttributes: {
    a: ['href', 'title', 'target', 'rel'],
    img: ['src', 'alt', 'title', 'width', 'height'],
    td: ['colspan', 'rowspan', 'align'],
    th: ['colspan', 'rowspan', 'align'],
    span: ['class'],
    '*': ['dir', 'lang'],
  },
  allowedClasses: { span: [PLACEHOLDER_CLASS] },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowedSchemesByTag: { img: ['data'] },
  allowedSchemesAppliedToAttributes: ['href', 'src'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'title', 'head', 'iframe', 'object'],
  transformTags: {
    a: (_tag, attribs) => ({
      tagName: 'a',
      attribs: { ...attribs, target: '_blank', rel: 'noopener noreferrer nofollow' },
    }),
    // Remote images would tell the sender that an agent opened the mail (and from where); inline
    // attachments (cid:) are listed with the mail's attachments instead.
    img: (_tag, attribs) => {
      const src = attribs.src ?? '';
      if (INLINE_RASTER.test(src)) return { tagName: 'img', attribs };
      const name = attribs.alt?.trim() || (src.startsWith('cid:') ? src.slice(4) : '');
      return placeholder(name ? `image: ${name}` : 'image');
    },
  },
};

/** HTML of an inbound mail made safe to show: basic formatting and links only, no scripts, styles, frames or handlers. */
export function sanitiseEmailHtml(html: string): string {
  return sanitizeHtml(html, OPTIONS).trim();
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' };

/** Plain text of sanitised HTML (for mails without a text part): blocks become lines. */
export function htmlToText(safeHtml: string): string {
  const marked = safeHtml
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<(ul|ol|table|p|div|blockquote|pre|h[1-6])[\s>]/gi, '\n$&')
    .replace(/<\/(p|div|li|tr|h[1-6]|blockquote|pre|table|dt|dd)>/gi, '\n')
    .replace(/<li[^>]*>/gi, '• ')
    .replace(/<\/t[dh]>/gi, '\t');
  return sanitizeHtml(marked, { allowedTags: [], allowedAttributes: {} })
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_m, e: string) => ENTITIES[e] ?? '')
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
