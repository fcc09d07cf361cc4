import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Input, Segmented, Select } from 'antd';
import { useState } from 'react';
import { COMPLAINT_CATEGORIES, type ComplaintCategory } from '../../../shared/complaints/complaint-flow.ts';
import { type ComplaintFilter, type ComplaintValidity, useComplaintList } from '../../api/complaints.ts';
import { useCan } from '../../api/session.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { oneOf, useUrlFilters } from '../../components/url-filters.ts';
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
  return {
    view: oneOf(VIEWS, params.get('view')) ?? 'open',
    category: oneOf(COMPLAINT_CATEGORIES, params.get('category')),
    validity: oneOf(VALIDITIES, params.get('validity')),
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
  const { filter: state, update: change } = useUrlFilters(parse, { view: 'open' });
  const list = useComplaintList(filterOf(state));
  const [typed, setTyped] = useState(state.q ?? '');
  const [creating, setCreating] = useState(false);
  const filtered = !!(state.category || state.validity || state.q);

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
        <ComplaintTable
          list={list}
          emptyText={filtered ? t('complaints.emptyFiltered') : t(`complaints.empty.${state.view}`)}
        />
      </Card>
      <ComplaintCreateDrawer open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
