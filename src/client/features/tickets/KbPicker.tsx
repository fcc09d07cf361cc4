import { BookOutlined } from '@ant-design/icons';
import { App, Button, Flex, Input, Popover, Spin, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { fetchKbArticle, useKbSearch, useKbSuggestions } from '../../api/tickets-conversation.ts';
import { useDebounced } from '../../components/hooks.ts';
import { EmptyState } from '../../components/states.tsx';
import { useT } from '../../i18n/context.ts';

interface Article {
  id: number;
  title: string;
  excerpt: string;
  visibility: 'internal' | 'public';
}

/** Knowledge-base articles for the reply: suggested from the request's text, or searched; inserted as a link or as text. */
export function KbPicker({ context, onInsert }: { context: string; onInsert: (text: string) => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 300);
  const suggested = useKbSuggestions(context.slice(0, 500), open && !q);
  const found = useKbSearch(q, open);
  const list: Article[] = q ? (found.data?.items ?? []) : (suggested.data ?? []);
  const loading = q
    ? found.isFetching && !found.data
    : suggested.isPending && suggested.fetchStatus !== 'idle';
  const [busy, setBusy] = useState<number | null>(null);

  const insertLink = (a: Article) => {
    onInsert(
      t('tickets.kb.linkText', { title: a.title, url: `${window.location.origin}/portal/kb/${a.id}` }),
    );
    setOpen(false);
  };
  const insertText = async (a: Article) => {
    setBusy(a.id);
    try {
      const article = await fetchKbArticle(a.id);
      onInsert(`${article.title}\n${article.bodyText}`);
      setOpen(false);
    } catch (error) {
      void message.error(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(null);
    }
  };

  const content = (
    <div style={{ width: 420 }}>
      <Input.Search
        allowClear
        value={search}
        onChange={(e) => setSearch(e.target.value)}
        placeholder={t('tickets.kb.search')}
        data-testid="kb-search"
      />
      <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', marginTop: 8 }}>
        {q ? t('tickets.kb.results') : t('tickets.kb.suggested')}
      </Typography.Text>
      <div style={{ maxHeight: 340, overflow: 'auto', marginTop: 4 }}>
        {loading ? (
          <Flex justify="center" style={{ padding: 16 }}>
            <Spin />
          </Flex>
        ) : list.length === 0 ? (
          <EmptyState text={t('tickets.kb.empty')} />
        ) : (
          list.map((a) => (
            <div
              key={a.id}
              style={{ padding: '6px 4px', borderBottom: '1px solid #f0f0f0' }}
              data-testid={`kb-article-${a.id}`}
            >
              <Flex gap={6} align="center">
                <Typography.Text strong ellipsis style={{ flex: 1 }}>
                  {a.title}
                </Typography.Text>
                {a.visibility === 'internal' ? <Tag color="gold">{t('tickets.kb.internal')}</Tag> : null}
              </Flex>
              <Typography.Paragraph
                type="secondary"
                ellipsis={{ rows: 2 }}
                style={{ margin: 0, fontSize: 12 }}
              >
                {a.excerpt}
              </Typography.Paragraph>
              <Flex gap={4}>
                <Tooltip title={a.visibility === 'internal' ? t('tickets.kb.internalNoLink') : undefined}>
                  <Button
                    size="small"
                    type="link"
                    disabled={a.visibility === 'internal'}
                    onClick={() => insertLink(a)}
                    data-testid={`kb-insert-link-${a.id}`}
                  >
                    {t('tickets.kb.insertLink')}
                  </Button>
                </Tooltip>
                <Button
                  size="small"
                  type="link"
                  loading={busy === a.id}
                  onClick={() => void insertText(a)}
                  data-testid={`kb-insert-text-${a.id}`}
                >
                  {t('tickets.kb.insertText')}
                </Button>
              </Flex>
            </div>
          ))
        )}
      </div>
    </div>
  );
  return (
    <Popover open={open} onOpenChange={setOpen} trigger="click" content={content} placement="topLeft">
      <Button icon={<BookOutlined />} data-testid="reply-kb">
        {t('tickets.reply.kb')}
      </Button>
    </Popover>
  );
}
