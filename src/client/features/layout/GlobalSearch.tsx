import { SearchOutlined } from '@ant-design/icons';
import { Alert, Button, Empty, Input, type InputRef, Modal, Spin, Tag, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { type GlobalSearchHit, hitPath, type SearchKind, useGlobalSearch } from '../../api/search.ts';
import { useDebounced } from '../../components/hooks.ts';
import { useT } from '../../i18n/context.ts';

interface Row {
  kind: SearchKind;
  hit: GlobalSearchHit;
  path: string;
}

/** A key typed into a field is the field's, not a shortcut. */
function typingInField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * The header's search: Ctrl+K (⌘K) or "/" opens a panel that searches requests, customers, contacts,
 * complaints, CAPA, returns and the knowledge base at once (only the kinds the user may read), grouped
 * by kind; ↑↓ and Enter open a hit.
 */
export function GlobalSearch() {
  const t = useT();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [active, setActive] = useState(0);
  const input = useRef<InputRef>(null);
  const q = useDebounced(text.trim(), 250);
  const result = useGlobalSearch(open ? q : '');

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const ctrlK = (event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k';
      const slash = event.key === '/' && !event.ctrlKey && !event.metaKey && !typingInField(event.target);
      if (!ctrlK && !slash) return;
      event.preventDefault();
      setOpen(true);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const groups = result.data?.groups.filter((g) => g.items.length > 0) ?? [];
  const rows: Row[] = groups.flatMap((g) =>
    g.items.flatMap((hit) => {
      const path = hitPath(g.kind, hit);
      return path ? [{ kind: g.kind, hit, path }] : [];
    }),
  );

  const go = (row: Row | undefined) => {
    if (!row) return;
    setOpen(false);
    setText('');
    navigate(row.path);
  };

  const onInputKey = (event: React.KeyboardEvent) => {
    if (event.key === 'ArrowDown') setActive((i) => Math.min(i + 1, Math.max(rows.length - 1, 0)));
    else if (event.key === 'ArrowUp') setActive((i) => Math.max(i - 1, 0));
    else if (event.key === 'Enter') go(rows[active]);
    else return;
    event.preventDefault();
  };

  let body: React.ReactNode;
  if (!q) body = <Typography.Text type="secondary">{t('search.hint')}</Typography.Text>;
  else if (result.isError) body = <Alert type="error" showIcon message={t('search.error')} />;
  else if (result.isPending || (result.isFetching && result.isPlaceholderData))
    body = (
      <div style={{ textAlign: 'center', padding: 24 }} data-testid="global-search-loading">
        <Spin />
        <div>
          <Typography.Text type="secondary">{t('search.loading')}</Typography.Text>
        </div>
      </div>
    );
  else if (rows.length === 0)
    body = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('search.empty', { q })} />;
  else
    body = (
      <div
        data-testid="global-search-results"
        role="listbox"
        style={{ maxHeight: '60vh', overflowY: 'auto' }}
      >
        {groups.map((g) => (
          <section key={g.kind} data-testid={`global-search-group-${g.kind}`}>
            <Typography.Text type="secondary" strong style={{ display: 'block', margin: '8px 0 4px' }}>
              {t(`search.kind.${g.kind}`)}
            </Typography.Text>
            {rows
              .filter((row) => row.kind === g.kind)
              .map((row) => {
                const index = rows.indexOf(row);
                return (
                  <div
                    key={`${row.kind}-${row.hit.id}`}
                    role="option"
                    aria-selected={index === active}
                    tabIndex={-1}
                    data-testid={`global-search-hit-${row.kind}-${row.hit.id}`}
                    onMouseEnter={() => setActive(index)}
                    onClick={() => go(row)}
                    onKeyDown={(event) => event.key === 'Enter' && go(row)}
                    style={{
                      padding: '6px 8px',
                      borderRadius: 6,
                      cursor: 'pointer',
                      background: index === active ? 'rgba(30, 91, 184, 0.08)' : undefined,
                    }}
                  >
                    {row.hit.number && <Tag>{row.hit.number}</Tag>}
                    <Typography.Text strong>{row.hit.title}</Typography.Text>
                    {row.hit.subtitle && (
                      <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
                        {row.hit.subtitle}
                      </Typography.Text>
                    )}
                  </div>
                );
              })}
          </section>
        ))}
      </div>
    );

  return (
    <>
      <Button
        icon={<SearchOutlined />}
        onClick={() => setOpen(true)}
        data-testid="global-search-open"
        aria-label={t('search.open')}
        aria-keyshortcuts="Control+K /"
      >
        <Typography.Text type="secondary" keyboard>
          {t('search.shortcut')}
        </Typography.Text>
      </Button>
      <Modal
        open={open}
        onCancel={() => setOpen(false)}
        footer={<Typography.Text type="secondary">{t('search.keys')}</Typography.Text>}
        closable={false}
        destroyOnHidden
        afterOpenChange={(visible) => visible && input.current?.focus()}
        title={null}
        width={640}
      >
        <Input
          ref={input}
          autoFocus
          size="large"
          allowClear
          prefix={<SearchOutlined />}
          placeholder={t('search.placeholder')}
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            setActive(0);
          }}
          onKeyDown={onInputKey}
          data-testid="global-search-input"
          aria-label={t('search.open')}
        />
        <div style={{ marginTop: 12, minHeight: 80 }}>{body}</div>
      </Modal>
    </>
  );
}
