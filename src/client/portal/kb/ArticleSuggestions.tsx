import { BulbOutlined, ExportOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Modal, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useDebounced } from '../../components/hooks.ts';
import { useI18n } from '../../i18n/context.ts';
import { ArticleBody } from '../components/ArticleBody.tsx';
import { PortalError } from '../components/states.tsx';
import { usePublicArticle, useSuggestions } from './api.ts';

const SUGGESTION_BUTTON = {
  display: 'block',
  width: '100%',
  padding: '4px 0',
  border: 0,
  background: 'none',
  font: 'inherit',
  textAlign: 'left',
  cursor: 'pointer',
} as const;

function Preview({ id, onClose }: { id: number; onClose: () => void }) {
  const { t, locale } = useI18n();
  const article = usePublicArticle(id);
  return (
    <Modal
      open
      onCancel={onClose}
      title={article.data?.title ?? t('portal.kb.article')}
      width={720}
      footer={
        <Flex justify="space-between" wrap gap={8}>
          <Link to={`/portal/kb/${id}`} target="_blank" rel="noopener">
            <Button icon={<ExportOutlined />}>{t('portal.suggest.openNew')}</Button>
          </Link>
          <Button type="primary" onClick={onClose} data-testid="portal-suggestion-close">
            {t('portal.suggest.backToForm')}
          </Button>
        </Flex>
      }
      data-testid="portal-suggestion-preview"
    >
      {article.isPending ? (
        <Skeleton active />
      ) : article.error ? (
        <PortalError error={article.error} onRetry={() => void article.refetch()} />
      ) : (
        <ArticleBody html={article.data.bodyHtml} locale={locale} title={article.data.title} />
      )}
    </Modal>
  );
}

/**
 * "这些文章也许能帮到您": knowledge-base articles matching what the customer is typing, fetched once
 * they pause. An article opens over the form, so the draft is never lost.
 */
export function ArticleSuggestions({ text }: { text: string }) {
  const { t, locale } = useI18n();
  const settled = useDebounced(text, 500);
  const suggestions = useSuggestions(settled, locale);
  const [open, setOpen] = useState<number | null>(null);
  const items = settled.trim().length >= 2 ? (suggestions.data ?? []) : [];
  if (items.length === 0) return null;
  return (
    <Card
      size="small"
      style={{ background: '#fffaf2', borderColor: '#f3dcb6', marginBottom: 16 }}
      title={
        <Flex align="center" gap={8}>
          <BulbOutlined style={{ color: '#d97a1e' }} />
          {t('portal.suggest.title')}
        </Flex>
      }
      data-testid="portal-suggestions"
    >
      <Flex vertical gap={6}>
        {items.map((s) => (
          <button
            type="button"
            key={s.id}
            onClick={() => setOpen(s.id)}
            style={SUGGESTION_BUTTON}
            data-testid="portal-suggestion"
          >
            <Typography.Link>{s.title}</Typography.Link>
            {s.excerpt ? (
              <Typography.Paragraph
                type="secondary"
                ellipsis={{ rows: 1 }}
                style={{ margin: 0, fontSize: 13 }}
              >
                {s.excerpt}
              </Typography.Paragraph>
            ) : null}
          </button>
        ))}
      </Flex>
      {open !== null ? <Preview id={open} onClose={() => setOpen(null)} /> : null}
    </Card>
  );
}
