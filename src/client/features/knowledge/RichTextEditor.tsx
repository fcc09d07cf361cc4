import {
  BoldOutlined,
  ClearOutlined,
  DisconnectOutlined,
  ItalicOutlined,
  LinkOutlined,
  OrderedListOutlined,
  UnderlineOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import { Button, Input, Modal, Tooltip, Typography } from 'antd';
import { type ReactNode, useLayoutEffect, useRef, useState } from 'react';
import type { MessageKey } from '../../i18n/catalogue.ts';
import { useT } from '../../i18n/context.ts';
import styles from './kb.module.css';
import { cleanHtml, importHtml, safeHref } from './rich-text.ts';

interface Tool {
  key: string;
  label: MessageKey;
  icon: ReactNode;
  run: () => void;
}

/**
 * A minimal rich-text editor (contentEditable + the browser's editing commands): headings, bold, italic,
 * underline, lists, quote, links. The starting HTML goes in through the allow-list import, pasted HTML
 * through the same cleaning; the server sanitises whatever is saved. Remount (`key`) to load other text.
 */
export function RichTextEditor({
  initialHtml,
  onChange,
  disabled = false,
  placeholder,
}: {
  initialHtml: string;
  onChange: (html: string) => void;
  disabled?: boolean;
  placeholder?: string;
}) {
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);
  const range = useRef<Range | null>(null);
  const [linking, setLinking] = useState(false);
  const [url, setUrl] = useState('https://');
  const [badUrl, setBadUrl] = useState(false);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the starting text only; later text is the user's
  useLayoutEffect(() => {
    ref.current?.replaceChildren(importHtml(initialHtml));
  }, []);

  const emit = () => onChange(ref.current?.innerHTML ?? '');
  const exec = (command: string, value?: string) => {
    if (disabled) return;
    ref.current?.focus();
    document.execCommand(command, false, value);
    emit();
  };

  const rememberSelection = () => {
    const selection = window.getSelection();
    const current = selection && selection.rangeCount > 0 ? selection.getRangeAt(0) : null;
    range.current = current && ref.current?.contains(current.commonAncestorContainer) ? current : null;
  };

  const openLink = () => {
    rememberSelection();
    setUrl('https://');
    setBadUrl(false);
    setLinking(true);
  };

  const applyLink = () => {
    const href = safeHref(url);
    if (!href) {
      setBadUrl(true);
      return;
    }
    setLinking(false);
    ref.current?.focus();
    const selection = window.getSelection();
    if (range.current && selection) {
      selection.removeAllRanges();
      selection.addRange(range.current);
    }
    if (!range.current || range.current.collapsed) {
      const a = document.createElement('a');
      a.href = href;
      a.textContent = href;
      exec('insertHTML', a.outerHTML);
    } else {
      exec('createLink', href);
    }
  };

  const tools: (Tool | 'sep')[] = [
    { key: 'h2', label: 'kb.editor.h2', icon: <b>H2</b>, run: () => exec('formatBlock', 'h2') },
    { key: 'h3', label: 'kb.editor.h3', icon: <b>H3</b>, run: () => exec('formatBlock', 'h3') },
    { key: 'p', label: 'kb.editor.paragraph', icon: <b>¶</b>, run: () => exec('formatBlock', 'p') },
    'sep',
    { key: 'bold', label: 'kb.editor.bold', icon: <BoldOutlined />, run: () => exec('bold') },
    { key: 'italic', label: 'kb.editor.italic', icon: <ItalicOutlined />, run: () => exec('italic') },
    {
      key: 'underline',
      label: 'kb.editor.underline',
      icon: <UnderlineOutlined />,
      run: () => exec('underline'),
    },
    'sep',
    {
      key: 'ul',
      label: 'kb.editor.bullets',
      icon: <UnorderedListOutlined />,
      run: () => exec('insertUnorderedList'),
    },
    {
      key: 'ol',
      label: 'kb.editor.numbers',
      icon: <OrderedListOutlined />,
      run: () => exec('insertOrderedList'),
    },
    { key: 'quote', label: 'kb.editor.quote', icon: <b>❝</b>, run: () => exec('formatBlock', 'blockquote') },
    'sep',
    { key: 'link', label: 'kb.editor.link', icon: <LinkOutlined />, run: openLink },
    { key: 'unlink', label: 'kb.editor.unlink', icon: <DisconnectOutlined />, run: () => exec('unlink') },
    { key: 'clear', label: 'kb.editor.clear', icon: <ClearOutlined />, run: () => exec('removeFormat') },
  ];

  return (
    <div data-testid="kb-editor-wrap">
      <div className={styles.toolbar} role="toolbar" aria-label={t('kb.editor.toolbar')}>
        {tools.map((tool, index) =>
          tool === 'sep' ? (
            // biome-ignore lint/suspicious/noArrayIndexKey: separators have no identity
            <span key={`sep-${index}`} className={styles.separator} />
          ) : (
            <Tooltip key={tool.key} title={t(tool.label)}>
              <Button
                type="text"
                size="small"
                icon={tool.icon}
                disabled={disabled}
                aria-label={t(tool.label)}
                onMouseDown={(e) => e.preventDefault()}
                onClick={tool.run}
                data-testid={`kb-editor-${tool.key}`}
              />
            </Tooltip>
          ),
        )}
      </div>
      {/* biome-ignore lint/a11y/useSemanticElements: a rich-text area has no native element */}
      <div
        ref={ref}
        className={styles.editor}
        contentEditable={!disabled}
        suppressContentEditableWarning
        role="textbox"
        aria-multiline="true"
        aria-label={t('kb.editor.body')}
        tabIndex={0}
        data-placeholder={placeholder}
        onFocus={() => document.execCommand('defaultParagraphSeparator', false, 'p')}
        onInput={emit}
        onPaste={(e) => {
          e.preventDefault();
          const html = e.clipboardData.getData('text/html');
          if (html) exec('insertHTML', cleanHtml(html));
          else exec('insertText', e.clipboardData.getData('text/plain'));
        }}
        onDrop={(e) => e.preventDefault()}
        data-testid="kb-editor"
      />
      <Modal
        open={linking}
        title={t('kb.editor.link')}
        onCancel={() => setLinking(false)}
        onOk={applyLink}
        okText={t('common.save')}
        destroyOnHidden
      >
        <Input
          autoFocus
          value={url}
          onChange={(e) => {
            setUrl(e.target.value);
            setBadUrl(false);
          }}
          onPressEnter={applyLink}
          status={badUrl ? 'error' : undefined}
          placeholder="https://"
          data-testid="kb-editor-link-url"
        />
        <Typography.Text type={badUrl ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
          {t('kb.editor.linkHint')}
        </Typography.Text>
      </Modal>
    </div>
  );
}
