import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Input, Segmented, Select } from 'antd';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { COMPLAINT_CATEGORIES, type ComplaintCategory } from '../../../shared/complaints/complaint-flow.ts';
import { type ComplaintFilter, type ComplaintValidity, useComplaintList } from '../../api/complaints.ts';
import { useCan } from '../../api/session.ts';
import { ListFooter } from '../../components/ListFooter.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ErrorState } from '../../components/states.tsx';
import { useT } from '../../i18n/context.ts';
import { ComplaintCreateDrawer } from './ComplaintCreateDrawer.tsx';
import { ComplaintTable } from './ComplaintTable.tsx';
import { useComplaintLabels } from './labels.tsx';

const VIEWS = ['open', 'mine', 'overdue', 'closed', 'all'] as const;
type View = (typeof VIEWS)[number];
const VALIDITIES: readonly ComplaintValidity[] = ['pending', 'valid', 'not_valid'];

interface PageState {
  view: View;
  category: ComplaintCategory | undefined;
  validity: ComplaintValidity | undefined;
  q: string | undefined;
}

function parse(params: URLSearchParams): PageState {
  const view = params.get('view') ?? '';
  const category = params.get('category') ?? '';
  const validity = params.get('validity') ?? '';
  return {
    view: (VIEWS as readonly string[]).includes(view) ? (view as View) : 'open',
    category: (COMPLAINT_CATEGORIES as readonly string[]).includes(category)
      ? (category as ComplaintCategory)
      : undefined,
    validity: (VALIDITIES as readonly string[]).includes(validity)
      ? (validity as ComplaintValidity)
      : undefined,
    q: params.get('q')?.trim() || undefined,
  };
}

function filterOf(state: PageState): ComplaintFilter {
  const base = { category: state.category, validity: state.validity, q: state.q };
  switch (state.view) {
    case 'open':
      return { ...base, stage: 'open' };
    case 'mine':
      return { ...base, stage: 'open', mine: true };
    case 'overdue':
      return { ...base, stage: 'open', overdue: true };
    case 'closed':
      return { ...base, stage: 'closed' };
    default:
      return base;
  }
}

/** 投诉工作台: open / mine / overdue / closed complaints with their current step and its clock. */
export default function ComplaintsPage() {
  const t = useT();
  const can = useCan();
  const labels = useComplaintLabels();
  const [params, setParams] = useSearchParams();
  const state = parse(params);
  const list = useComplaintList(filterOf(state));
  const items = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  const [typed, setTyped] = useState(state.q ?? '');
  const [creating, setCreating] = useState(false);
  const filtered = !!(state.category || state.validity || state.q);

  const change = (patch: Partial<PageState>) => {
    const next = { ...parse(new URLSearchParams(window.location.search)), ...patch };
    const search = new URLSearchParams();
    if (next.view !== 'open') search.set('view', next.view);
    if (next.category) search.set('category', next.category);
    if (next.validity) search.set('validity', next.validity);
    if (next.q) search.set('q', next.q);
    setParams(search, { replace: true });
  };

  return (
    <>
      <PageHeader
        title={t('complaints.title')}
        subtitle={t('complaints.subtitle')}
        extra={
          can('complaint.handle') ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="complaint-new"
            >
              {t('complaints.new')}
            </Button>
          ) : null
        }
      />
      <Card>
        <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
          <Segmented<View>
            value={state.view}
            onChange={(view) => change({ view })}
            options={VIEWS.map((v) => ({
              value: v,
              label: <span data-testid={`complaint-view-${v}`}>{t(`complaints.view.${v}`)}</span>,
            }))}
          />
          <Select
            allowClear
            placeholder={t('complaints.field.category')}
            aria-label={t('complaints.field.category')}
            value={state.category}
            onChange={(category: ComplaintCategory | undefined) => change({ category })}
            options={COMPLAINT_CATEGORIES.map((c) => ({ value: c, label: labels.category(c) }))}
            popupMatchSelectWidth={false}
            style={{ width: 170 }}
            data-testid="complaint-filter-category"
          />
          <Select
            allowClear
            placeholder={t('complaints.field.validity')}
            aria-label={t('complaints.field.validity')}
            value={state.validity}
            onChange={(validity: ComplaintValidity | undefined) => change({ validity })}
            options={VALIDITIES.map((v) => ({ value: v, label: t(`complaints.validity.${v}`) }))}
            style={{ width: 140 }}
            data-testid="complaint-filter-validity"
          />
          <Input.Search
            allowClear
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            onSearch={(value) => change({ q: value.trim() || undefined })}
            placeholder={t('complaints.search')}
            aria-label={t('complaints.search')}
            style={{ width: 280 }}
            data-testid="complaint-search"
          />
          {filtered ? (
            <Button
              onClick={() => {
                setTyped('');
                change({ category: undefined, validity: undefined, q: undefined });
              }}
            >
              {t('common.reset')}
            </Button>
          ) : null}
        </Flex>
        {list.error && !list.data ? (
          <ErrorState error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <>
            <ComplaintTable
              items={items}
              loading={list.isPending || (list.isFetching && list.isPlaceholderData)}
              pending={list.isPending}
              emptyText={filtered ? t('complaints.emptyFiltered') : t(`complaints.empty.${state.view}`)}
            />
            <ListFooter
              shown={items.length > 0 ? t('complaints.shown', { count: items.length }) : null}
              hasMore={list.hasNextPage}
              loading={list.isFetchingNextPage}
              onMore={() => void list.fetchNextPage()}
              moreLabel={t('complaints.loadMore')}
              moreTestId="complaint-load-more"
            />
          </>
        )}
      </Card>
      <ComplaintCreateDrawer open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
