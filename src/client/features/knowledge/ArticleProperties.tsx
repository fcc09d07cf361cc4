import { Card, Descriptions, Form, Radio, Select, TreeSelect } from 'antd';
import { useMemo } from 'react';
import { LOCALES } from '../../../shared/locale.ts';
import { KB_KINDS, KB_VISIBILITIES } from '../../../shared/schemas/knowledge.ts';
import { type KbArticleView, useKbCategories } from '../../api/knowledge.ts';
import { useI18n } from '../../i18n/context.ts';
import { useDateFormat } from '../../i18n/format.ts';
import { LOCALE_NAMES } from '../../i18n/locale-preference.ts';
import { kbCategoryTree } from './labels.tsx';

/** Category, kind, visibility, language and tags (fields of the surrounding article form), and facts. */
export function ArticleProperties({ article }: { article: KbArticleView | null }) {
  const { t, locale } = useI18n();
  const fmt = useDateFormat();
  const categories = useKbCategories();
  const tree = useMemo(() => kbCategoryTree(categories.data ?? [], locale), [categories.data, locale]);
  return (
    <Card size="small" title={t('kb.properties')} style={{ marginBottom: 16 }}>
      <Form.Item name="categoryId" label={t('kb.field.category')}>
        <TreeSelect
          allowClear
          treeDefaultExpandAll
          loading={categories.isPending}
          placeholder={t('kb.field.noCategory')}
          treeData={tree}
          showSearch={{ treeNodeFilterProp: 'title' }}
          data-testid="kb-category"
        />
      </Form.Item>
      <Form.Item name="kind" label={t('kb.field.kind')} extra={t('kb.field.kindHint')}>
        <Radio.Group
          optionType="button"
          options={KB_KINDS.map((k) => ({ value: k, label: t(`kb.kind.${k}`) }))}
          data-testid="kb-kind"
        />
      </Form.Item>
      <Form.Item name="visibility" label={t('kb.field.visibility')} extra={t('kb.field.visibilityHint')}>
        <Radio.Group
          optionType="button"
          options={KB_VISIBILITIES.map((v) => ({ value: v, label: t(`kb.visibility.${v}`) }))}
          data-testid="kb-visibility"
        />
      </Form.Item>
      <Form.Item name="language" label={t('kb.field.language')}>
        <Select
          options={LOCALES.map((l) => ({ value: l, label: LOCALE_NAMES[l] }))}
          data-testid="kb-language"
        />
      </Form.Item>
      <Form.Item name="tags" label={t('kb.field.tags')} extra={t('kb.field.tagsHint')}>
        <Select mode="tags" tokenSeparators={[',', '，']} maxCount={20} data-testid="kb-tags" />
      </Form.Item>
      {article ? (
        <Descriptions
          size="small"
          column={1}
          items={[
            { key: 'author', label: t('kb.meta.author'), children: article.authorName ?? '—' },
            { key: 'created', label: t('kb.meta.created'), children: fmt.dateTime(article.createdAt) },
            {
              key: 'updated',
              label: t('kb.meta.updated'),
              children: `${fmt.dateTime(article.updatedAt)} · ${article.updatedByName ?? '—'}`,
            },
            {
              key: 'published',
              label: t('kb.meta.published'),
              children: article.publishedAt
                ? `${fmt.dateTime(article.publishedAt)} · ${article.publishedByName ?? '—'}`
                : '—',
            },
            {
              key: 'stats',
              label: t('kb.list.stats'),
              children: t('kb.list.statsText', {
                views: article.viewCount,
                helpful: article.helpfulCount,
                unhelpful: article.unhelpfulCount,
              }),
            },
          ]}
        />
      ) : null}
    </Card>
  );
}
