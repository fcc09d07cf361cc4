import { useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Locale } from '../../../shared/locale.ts';

const FRAME_STYLE = `
  html, body { margin: 0; padding: 0; }
  body { font-size: 16px; line-height: 1.75; color: #1f2328; overflow-wrap: anywhere; }
  h2 { font-size: 20px; margin: 20px 0 8px; } h3 { font-size: 17px; margin: 16px 0 6px; }
  h4 { font-size: 16px; margin: 12px 0 4px; } p { margin: 0 0 12px; }
  ul, ol { padding-left: 24px; margin: 0 0 12px; }
  img { max-width: 100%; height: auto; border-radius: 6px; }
  a { color: #1e5bb8; }
  blockquote { margin: 0 0 12px; padding: 8px 16px; border-left: 4px solid #f0b46a; background: #fdf8f0; }
  pre { white-space: pre-wrap; background: #f6f7f9; padding: 12px; border-radius: 8px; }
  code { background: #f2f3f5; padding: 1px 4px; border-radius: 4px; }
  table { border-collapse: collapse; width: 100%; margin: 0 0 12px; }
  th, td { border: 1px solid #e6e1d8; padding: 6px 10px; text-align: left; }
  th { background: #faf6ef; }
`;

const BLOCKS = 'p, li, h2, h3, h4, blockquote, pre, tr';

/**
 * How tall the body will be at this width. The sandboxed frame has an opaque origin, so the page cannot
 * measure it; this estimate comes from the parsed text (DOMParser documents are inert: no scripts run,
 * nothing loads). Text beyond the estimate scrolls inside the frame.
 */
function estimateHeight(html: string, width: number): number {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const cjkPerLine = Math.max(8, Math.floor(width / 16));
  let lines = 0;
  const blocks = doc.body.querySelectorAll(BLOCKS);
  const texts =
    blocks.length > 0 ? [...blocks].map((b) => b.textContent ?? '') : [doc.body.textContent ?? ''];
  for (const text of texts) {
    // A CJK character is about twice as wide as a Latin one.
    const units = [...text].reduce((sum, ch) => sum + (ch.charCodeAt(0) > 0x2e80 ? 1 : 0.55), 0);
    lines += Math.max(1, Math.ceil(units / cjkPerLine));
  }
  // 28px lines, about 12px between blocks, images at a typical size (their real size is unknown here).
  const images = doc.body.querySelectorAll('img').length;
  const headings = doc.body.querySelectorAll('h2, h3, h4').length;
  const rows = doc.body.querySelectorAll('tr').length;
  return Math.round(
    lines * 28 + texts.length * 12 + headings * 16 + rows * 4 + images * Math.min(200, width * 0.5) + 24,
  );
}

/**
 * An article body from the knowledge base. The server cleans every body with an allow-list when it is
 * saved, and the portal still shows it only inside a sandboxed frame (`sandbox` without allow-scripts or
 * allow-same-origin: no script, no forms, an opaque origin), so even a sanitiser slip cannot act in the
 * customer's session. Links open in a new tab (allow-popups, escaping the sandbox so the linked site
 * works normally); that is the only permission granted.
 */
export function ArticleBody({ html, locale, title }: { html: string; locale: Locale; title: string }) {
  const holder = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(640);

  useLayoutEffect(() => {
    const node = holder.current;
    if (!node) return;
    setWidth(node.clientWidth || 640);
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(Math.round(entry.contentRect.width) || 640);
    });
    observer.observe(node);
    return () => observer.disconnect();
  }, []);

  const srcDoc = useMemo(() => {
    // The page's own font stack (per language); `<` never belongs in it and must not end the style element.
    const font = getComputedStyle(document.body).fontFamily.replace(/[<>]/g, '');
    return `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><base target="_blank"><style>body{font-family:${font}}${FRAME_STYLE}</style></head><body>${html}</body></html>`;
  }, [html, locale]);
  const height = useMemo(() => Math.min(6000, Math.max(60, estimateHeight(html, width))), [html, width]);

  return (
    <div ref={holder}>
      <iframe
        title={title}
        sandbox="allow-popups allow-popups-to-escape-sandbox"
        srcDoc={srcDoc}
        referrerPolicy="no-referrer"
        style={{ width: '100%', height, border: 0, display: 'block' }}
        data-testid="portal-article-body"
      />
    </div>
  );
}
