import { FolderOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Flex, Row, Skeleton, Table, Tag, Tree, Typography } from 'antd';
import { useMemo } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { isLocale, LOCALES } from '../../../shared/locale.ts';
import { KB_KINDS, KB_STATUSES, KB_VISIBILITIES } from '../../../shared/schemas/knowledge.ts';
import {
  type KbArticleFilter,
  type KbArticleSummary,
  type KbCategoryView,
  useKbArticles,
  useKbCategories,
} from '../../api/knowledge.ts';
import { useCan } from '../../api/session.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { EmptyState, ErrorState } from '../../components/states.tsx';
import { useI18n } from '../../i18n/context.ts';
import { useDateFormat } from '../../i18n/format.ts';
import { LOCALE_NAMES } from '../../i18n/locale-preference.ts';
import { KbFilters } from './KbFilters.tsx';
import { KindTag, kbCategoryTree, StatusTag, VisibilityTag } from './labels.tsx';

/** Articles in each category and all categories below it. */
function subtreeCounts(list: KbCategoryView[]): Map<number, number> {
  const totals = new Map<number, number>();
  const visit = (id: number, seen: Set<number>): number => {
    const known = totals.get(id);
    if (known !== undefined) return known;
    if (seen.has(id)) return 0;
    seen.add(id);
    const own = list.find((c) => c.id === id)?.articleCount ?? 0;
    const total = own + list.filter((c) => c.parentId === id).reduce((n, c) => n + visit(c.id, seen), 0);
    totals.set(id, total);
    return total;
  };
  for (const c of list) visit(c.id, new Set());
  return totals;
}

const oneOf = <T extends string>(list: readonly T[], value: string | null): T | undefined =>
  list.find((x) => x === value);

/** 知识库: articles by category with search and filters; drafts and the archive for writers/publishers. */
export default function KbListPage() {
  const { t, locale } = useI18n();
  const can = useCan();
  const fmt = useDateFormat();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const seesDrafts = can('kb.write') || can('kb.publish');
  const filter: KbArticleFilter = {
    categoryId: Number(params.get('category')) || undefined,
    kind: oneOf(KB_KINDS, params.get('kind')),
    visibility: oneOf(KB_VISIBILITIES, params.get('visibility')),
    status: seesDrafts ? oneOf(KB_STATUSES, params.get('status')) : undefined,
    language: oneOf(LOCALES, params.get('language')),
    tag: params.get('tag') || undefined,
    q: params.get('q') || undefined,
  };
  const categories = useKbCategories();
  const articles = useKbArticles(filter);
  const items = articles.data?.pages.flatMap((p) => p.items) ?? [];
  const tree = useMemo(() => kbCategoryTree(categories.data ?? [], locale), [categories.data, locale]);
  const totals = useMemo(() => subtreeCounts(categories.data ?? []), [categories.data]);
  const categoryOf = (id: number | null) => categories.data?.find((c) => c.id === id);
  const filtered = Object.values(filter).some((v) => v !== undefined);

  const update = (patch: Partial<KbArticleFilter>) => {
    const names: Record<string, string> = { categoryId: 'category' };
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(patch)) {
      const name = names[key] ?? key;
      if (value === undefined || value === null || value === '') next.delete(name);
      else next.set(name, String(value));
    }
    setParams(next, { replace: true });
  };

  return (
    <>
      <PageHeader
        title={t('kb.title')}
        subtitle={t('kb.subtitle')}
        extra={
          <>
            <Button
              icon={<FolderOutlined />}
              onClick={() => navigate('/kb/categories')}
              data-testid="kb-categories"
            >
              {t('kb.categories.manage')}
            </Button>
            {can('kb.write') ? (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => navigate('/kb/articles/new')}
                data-testid="kb-create"
              >
                {t('kb.create')}
              </Button>
            ) : null}
          </>
        }
      />
      <Row gutter={16}>
        <Col xs={24} lg={7} xxl={5}>
          <Card size="small" title={t('kb.categories.title')} style={{ marginBottom: 16 }}>
            {categories.error ? (
              <ErrorState error={categories.error} onRetry={() => void categories.refetch()} />
            ) : categories.isPending ? (
              <Skeleton active paragraph={{ rows: 4 }} />
            ) : (
              <>
                <Button
                  type={filter.categoryId ? 'text' : 'link'}
                  block
                  style={{ justifyContent: 'flex-start', paddingInline: 8 }}
                  onClick={() => update({ categoryId: undefined })}
                  data-testid="kb-category-all"
                >
                  {t('kb.categories.all')}
                </Button>
                <Tree
                  blockNode
                  defaultExpandAll
                  treeData={tree}
                  selectedKeys={filter.categoryId ? [filter.categoryId] : []}
                  onSelect={(keys) => {
                    const id = keys[0];
                    update({ categoryId: typeof id === 'number' ? id : undefined });
                  }}
                  titleRender={(node) => (
                    <Flex justify="space-between" gap={8}>
                      <span>{node.title}</span>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {totals.get(node.item.id) ?? 0}
                      </Typography.Text>
                    </Flex>
                  )}
                  data-testid="kb-category-tree"
                />
                {categories.data?.length === 0 ? (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('kb.categories.none')}
                  </Typography.Text>
                ) : null}
              </>
            )}
          </Card>
        </Col>
        <Col xs={24} lg={17} xxl={19}>
          <Card>
            <KbFilters value={filter} onChange={update} showStatus={seesDrafts} />
            {articles.error && !articles.data ? (
              <ErrorState error={articles.error} onRetry={() => void articles.refetch()} />
            ) : (
              <Table<KbArticleSummary>
                rowKey="id"
                dataSource={items}
                loading={articles.isPending || (articles.isFetching && !articles.isFetchingNextPage)}
                pagination={false}
                scroll={{ x: 760 }}
                data-testid="kb-table"
                locale={{
                  emptyText: articles.isPending ? (
                    ' '
                  ) : (
                    <EmptyState text={filtered ? t('kb.list.noMatch') : t('kb.list.empty')} />
                  ),
                }}
                columns={[
                  {
                    title: t('kb.field.title'),
                    key: 'title',
                    render: (_, a) => (
                      <div>
                        <Link to={`/kb/articles/${a.id}`} data-testid={`kb-article-${a.id}`}>
                          <Typography.Text strong style={{ color: 'inherit' }}>
                            {a.title}
                          </Typography.Text>
                        </Link>
                        <Typography.Paragraph
                          type="secondary"
                          ellipsis={{ rows: 2 }}
                          style={{ margin: '2px 0 0', fontSize: 12 }}
                        >
                          {a.excerpt}
                        </Typography.Paragraph>
                        <Flex gap={4} wrap style={{ marginTop: 4 }}>
                          {categoryOf(a.categoryId) ? (
                            <Tag icon={<FolderOutlined />} variant="filled">
                              {categoryOf(a.categoryId)?.name[locale] ||
                                categoryOf(a.categoryId)?.name['zh-CN']}
                            </Tag>
                          ) : null}
                          {a.tags.map((tag) => (
                            <Tag
                              key={tag}
                              style={{ cursor: 'pointer', marginInlineEnd: 0 }}
                              onClick={() => update({ tag })}
                            >
                              #{tag}
                            </Tag>
                          ))}
                        </Flex>
                      </div>
                    ),
                  },
                  {
                    title: t('kb.list.type'),
                    key: 'kind',
                    width: 200,
                    render: (_, a) => (
                      <Flex gap={4} wrap>
                        <KindTag kind={a.kind} />
                        <VisibilityTag visibility={a.visibility} />
                        <StatusTag status={a.status} />
                        <Tag variant="filled">
                          {isLocale(a.language) ? LOCALE_NAMES[a.language] : a.language}
                        </Tag>
                      </Flex>
                    ),
                  },
                  {
                    title: t('kb.list.updated'),
                    key: 'updated',
                    width: 190,
                    render: (_, a) => (
                      <Flex vertical gap={2}>
                        <span>{fmt.dateTime(a.updatedAt)}</span>
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {a.authorName ?? '—'} · v{a.version}
                        </Typography.Text>
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {t('kb.list.statsText', {
                            views: a.viewCount,
                            helpful: a.helpfulCount,
                            unhelpful: a.unhelpfulCount,
                          })}
                        </Typography.Text>
                      </Flex>
                    ),
                  },
                ]}
              />
            )}
            {items.length > 0 ? (
              <Flex justify="center" style={{ marginTop: 16 }}>
                {articles.hasNextPage ? (
                  <Button
                    onClick={() => void articles.fetchNextPage()}
                    loading={articles.isFetchingNextPage}
                    data-testid="kb-load-more"
                  >
                    {t('kb.list.loadMore')}
                  </Button>
                ) : (
                  <Typography.Text type="secondary">
                    {t('kb.list.allLoaded', { count: items.length })}
                  </Typography.Text>
                )}
              </Flex>
            ) : null}
          </Card>
        </Col>
      </Row>
    </>
  );
}
