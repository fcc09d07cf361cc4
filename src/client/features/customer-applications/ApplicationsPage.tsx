import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Input, Select, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { APPLICATION_STATUSES } from '../../../shared/schemas/customer-applications.ts';
import {
  type ApplicationStatus,
  type ApplicationView,
  useApplications,
} from '../../api/customer-applications.ts';
import { useCan } from '../../api/session.ts';
import { PagedTable, rowOpens } from '../../components/PagedTable.tsx';
import { PageHeader } from '../../components/PageHeader.tsx';
import { EmptyState } from '../../components/states.tsx';
import { oneOf, useUrlFilters } from '../../components/url-filters.ts';
import { useT } from '../../i18n/context.ts';
import { useDateFormat } from '../../i18n/format.ts';
import { CurrentStep } from '../approvals/CurrentStep.tsx';
import { ApplicationStatusTag, LevelTag } from './labels.tsx';

function parse(params: URLSearchParams) {
  return { status: oneOf(APPLICATION_STATUSES, params.get('status')), q: params.get('q') ?? undefined };
}

/** 新客户申请: the applications the caller may see (applicants their own), by status and number/name. */
export default function ApplicationsPage() {
  const t = useT();
  const can = useCan();
  const fmt = useDateFormat();
  const navigate = useNavigate();
  const { filter, update: setFilter } = useUrlFilters(parse);
  const { status, q } = filter;
  const [typed, setTyped] = useState(q ?? '');
  const list = useApplications(filter);

  const columns: TableColumnsType<ApplicationView> = [
    {
      title: t('admission.col.number'),
      dataIndex: 'number',
      width: 160,
      render: (number: string, r) => (
        <Link to={`/admission/${r.id}`} style={{ fontFamily: 'monospace', whiteSpace: 'nowrap' }}>
          {number}
        </Link>
      ),
    },
    {
      title: t('admission.col.customer'),
      dataIndex: 'customerName',
      render: (name: string, r) => (
        <Link to={`/admission/${r.id}`} style={{ color: 'inherit' }}>
          <Typography.Text strong>{name}</Typography.Text>
        </Link>
      ),
    },
    {
      title: t('admission.col.level'),
      dataIndex: 'requestedCreditLevel',
      width: 110,
      render: (level: ApplicationView['requestedCreditLevel']) => <LevelTag level={level} />,
    },
    {
      title: t('admission.col.applicant'),
      dataIndex: 'applicantName',
      width: 110,
      render: (name: string | null) => name ?? '—',
    },
    {
      title: t('approvals.col.status'),
      dataIndex: 'status',
      width: 100,
      render: (value: ApplicationStatus) => <ApplicationStatusTag status={value} />,
    },
    {
      title: t('approvals.col.step'),
      key: 'step',
      width: 240,
      responsive: ['lg'],
      render: (_, r) => (r.status === 'submitted' ? <CurrentStep approvalId={r.approvalRequestId} /> : '—'),
    },
    {
      title: t('admission.col.updated'),
      dataIndex: 'updatedAt',
      width: 150,
      render: (at: string) => (
        <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
          {fmt.dateTime(at)}
        </Typography.Text>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('admission.title')}
        subtitle={t('admission.subtitle')}
        extra={
          can('admission.apply') ? (
            <Link to="/admission/new">
              <Button type="primary" icon={<PlusOutlined />} data-testid="admission-new">
                {t('admission.new')}
              </Button>
            </Link>
          ) : null
        }
      />
      <Card>
        <Flex gap={8} wrap style={{ marginBottom: 12 }}>
          <Select<ApplicationStatus | 'all'>
            value={status ?? 'all'}
            onChange={(v) => setFilter({ status: v === 'all' ? undefined : v })}
            style={{ width: 140 }}
            data-testid="admission-filter-status"
            options={[
              { value: 'all', label: t('admission.status.all') },
              ...APPLICATION_STATUSES.map((s) => ({ value: s, label: t(`admission.status.${s}`) })),
            ]}
          />
          <Input.Search
            allowClear
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            onSearch={(v) => setFilter({ q: v.trim() || undefined })}
            placeholder={t('admission.search')}
            style={{ width: 320 }}
            data-testid="admission-search"
          />
        </Flex>
        <PagedTable<ApplicationView>
          list={list}
          columns={columns}
          scrollX={900}
          rowProps={(r) => ({
            'data-testid': 'admission-row',
            'data-number': r.number,
            ...rowOpens(`/admission/${r.id}`, navigate),
          })}
          empty={<EmptyState text={status || q ? t('admission.emptyFiltered') : t('admission.empty')} />}
          shown={(count) => t('approvals.shown', { count })}
          moreLabel={t('approvals.loadMore')}
        />
      </Card>
    </>
  );
}
