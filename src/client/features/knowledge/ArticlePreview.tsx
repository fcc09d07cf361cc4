import { useMemo } from 'react';
import { previewDocument } from './rich-text.ts';

/**
 * An article body as readers see it, in a sandboxed frame: `sandbox=""` runs no script and gives the
 * content an opaque origin, so whatever the HTML holds cannot reach this page or the session.
 */
export function ArticlePreview({
  html,
  title = '',
  lang = 'zh-CN',
  height = 480,
  testId = 'kb-preview',
}: {
  html: string;
  title?: string;
  lang?: string;
  height?: number;
  testId?: string;
}) {
  const doc = useMemo(() => previewDocument(html, lang, title), [html, lang, title]);
  return (
    <iframe
      title={title || 'preview'}
      sandbox=""
      srcDoc={doc}
      referrerPolicy="no-referrer"
      style={{
        width: '100%',
        height,
        border: '1px solid #eef0f3',
        borderRadius: 8,
        background: '#fff',
        resize: 'vertical',
      }}
      data-testid={testId}
    />
  );
}
