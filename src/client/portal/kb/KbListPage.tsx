import { Button, Flex, Input, Select, Skeleton, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { isLocale, LOCALES } from '../../../shared/locale.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { useI18n } from '../../i18n/context.ts';
import { LOCALE_NAMES } from '../../i18n/locale-preference.ts';
import { PortalEmpty, PortalError } from '../components/states.tsx';
import { ArticleItem, categoryLabel } from './ArticleItem.tsx';
import { type KbPublicCategory, usePublicArticles, usePublicCategories } from './api.ts';

/** Parents first, each followed by its children ("Parent › Child"). */
function ordered(categories: KbPublicCategory[], locale: Parameters<typeof categoryLabel>[1]) {
  const byParent = new Map<number | null, KbPublicCategory[]>();
  for (const c of categories) byParent.set(c.parentId, [...(byParent.get(c.parentId) ?? []), c]);
  const out: { id: number; label: string }[] = [];
  const walk = (parent: number | null, prefix: string) => {
    for (const c of byParent.get(parent) ?? []) {
      if (c.articleCount === 0) continue;
      const label = `${prefix}${categoryLabel(c.name, locale)}`;
      out.push({ id: c.id, label });
      walk(c.id, `${label} › `);
    }
  };
  walk(null, '');
  return out;
}

/** 知识库: search, browse by category, read. The address keeps the search (shareable, back button). */
export default function KbListPage() {
  const { t, locale } = useI18n();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const categoryParam = Number(params.get('category'));
  const category = Number.isInteger(categoryParam) && categoryParam > 0 ? categoryParam : undefined;
  const languageParam = params.get('language');
  const language = isLocale(languageParam) ? languageParam : undefined;
  const [text, setText] = useState(q);
  useEffect(() => setText(q), [q]);

  const categories = usePublicCategories();
  const articles = usePublicArticles({ q: q || undefined, category, language });
  const items = articles.data?.pages.flatMap((p) => p.items) ?? [];
  const names = new Map((categories.data ?? []).map((c) => [c.id, categoryLabel(c.name, locale)]));

  const update = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    setParams(next, { replace: true });
  };

  return (
    <div data-testid="portal-kb">
      <PageHeader title={t('portal.kb.title')} subtitle={t('portal.kb.subtitle')} />
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Input.Search
          size="large"
          value={text}
          onChange={(e) => setText(e.target.value)}
          onSearch={(value) => update({ q: value.trim() || undefined })}
          placeholder={t('portal.kb.searchPlaceholder')}
          allowClear
          enterButton={t('common.search')}
          style={{ flex: '1 1 280px' }}
          data-testid="portal-kb-search"
        />
        <Select
          size="large"
          value={language ?? ''}
          onChange={(value: string) => update({ language: value || undefined })}
          options={[
            { value: '', label: t('portal.kb.allLanguages') },
            ...LOCALES.map((l) => ({ value: l, label: LOCALE_NAMES[l] })),
          ]}
          style={{ width: 150 }}
          aria-label={t('portal.kb.language')}
          data-testid="portal-kb-language"
        />
      </Flex>
      <Flex wrap gap={6} style={{ marginBottom: 16 }} data-testid="portal-kb-categories">
        <Tag.CheckableTag checked={!category} onChange={() => update({ category: undefined })}>
          {t('portal.kb.allCategories')}
        </Tag.CheckableTag>
        {ordered(categories.data ?? [], locale).map((c) => (
          <Tag.CheckableTag
            key={c.id}
            checked={category === c.id}
            onChange={(checked) => update({ category: checked ? String(c.id) : undefined })}
            data-testid="portal-kb-category"
          >
            {c.label}
          </Tag.CheckableTag>
        ))}
      </Flex>
      {articles.isPending ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : articles.error && items.length === 0 ? (
        <PortalError error={articles.error} onRetry={() => void articles.refetch()} />
      ) : items.length === 0 ? (
        <PortalEmpty text={q ? t('portal.kb.noMatch', { q }) : t('portal.kb.empty')}>
          <Link to="/portal/requests/new">
            <Button type="primary">{t('portal.nav.newRequest')}</Button>
          </Link>
        </PortalEmpty>
      ) : (
        <Flex vertical gap={10} style={{ opacity: articles.isPlaceholderData ? 0.6 : 1 }}>
          {items.map((a) => (
            <ArticleItem
              key={a.id}
              article={a}
              locale={locale}
              categoryName={a.categoryId ? names.get(a.categoryId) : undefined}
            />
          ))}
          {articles.hasNextPage ? (
            <Button
              block
              onClick={() => void articles.fetchNextPage()}
              loading={articles.isFetchingNextPage}
              data-testid="portal-kb-more"
            >
              {t('portal.loadMore')}
            </Button>
          ) : null}
        </Flex>
      )}
    </div>
  );
}
