import { Card, Col, Progress, Row, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { MonthlyAnalysis } from '../../api/complaint-analysis.ts';
import { useT } from '../../i18n/context.ts';
import { useDateFormat } from '../../i18n/format.ts';
import { useAnalysisLabels } from './labels.ts';

type ProductRow = MonthlyAnalysis['byProduct'][number];
type DepartmentRow = MonthlyAnalysis['byDepartment'][number];
type RepeatRow = MonthlyAnalysis['repeatProblems'][number];
type OpenComplaint = MonthlyAnalysis['openComplaints']['items'][number];
type OpenCapa = MonthlyAnalysis['openCapas']['items'][number];

function Section({ title, extra, children }: { title: string; extra?: ReactNode; children: ReactNode }) {
  return (
    <Card size="small" title={title} extra={extra} style={{ height: '100%' }}>
      {children}
    </Card>
  );
}

/** Products, departments, repeat problems, and what is still open (complaints and CAPAs, oldest first). */
export function AnalysisTables({ analysis }: { analysis: MonthlyAnalysis }) {
  const t = useT();
  const labels = useAnalysisLabels();
  const fmt = useDateFormat();
  const received = analysis.totals.received;
  const shareColumn = {
    title: t('complaintAnalysis.col.share'),
    key: 'share',
    width: 160,
    render: (_: unknown, row: { count: number }) => (
      <Progress size="small" percent={received ? Math.round((row.count / received) * 1000) / 10 : 0} />
    ),
  };
  const countColumn = {
    title: t('complaintAnalysis.col.count'),
    dataIndex: 'count',
    width: 70,
    align: 'right' as const,
  };
  const empty = (key: Parameters<typeof t>[0]) => ({ emptyText: t(key) });
  const shownOf = (list: { total: number; items: unknown[] }) =>
    list.total > list.items.length ? (
      <Typography.Text type="secondary">
        {t('complaintAnalysis.shownOf', { shown: list.items.length, total: list.total })}
      </Typography.Text>
    ) : null;
  const days = (n: number) => (
    <Tag color={n > 30 ? 'error' : n > 7 ? 'warning' : 'default'}>
      {t('complaintAnalysis.days', { days: n })}
    </Tag>
  );

  const productColumns: TableColumnsType<ProductRow> = [
    {
      title: t('complaintAnalysis.col.product'),
      key: 'product',
      render: (_, r) => labels.product(r.product, r.other),
    },
    countColumn,
    shareColumn,
  ];
  const departmentColumns: TableColumnsType<DepartmentRow> = [
    {
      title: t('complaintAnalysis.col.department'),
      key: 'name',
      render: (_, r) => labels.department(r.name),
    },
    countColumn,
    shareColumn,
  ];
  const repeatColumns: TableColumnsType<RepeatRow> = [
    { title: t('complaintAnalysis.col.product'), dataIndex: 'product' },
    {
      title: t('complaintAnalysis.col.category'),
      key: 'category',
      render: (_, r) => labels.category(r.category),
    },
    countColumn,
    {
      title: t('complaintAnalysis.col.complaints'),
      key: 'complaints',
      render: (_, r) => (
        <Space size={4} wrap>
          {r.complaints.map((c) => (
            <Link key={c.id} to={`/complaints/${c.id}`}>
              {c.number}
            </Link>
          ))}
        </Space>
      ),
    },
    {
      title: t('complaintAnalysis.col.capa'),
      key: 'capas',
      render: (_, r) =>
        r.capas.length ? (
          <Space size={4} wrap>
            {r.capas.map((c) => (
              <Link key={c.id} to={`/capas/${c.id}`} data-testid={`analysis-capa-${c.number}`}>
                {c.number} <Tag>{labels.capaStatus(c.status)}</Tag>
              </Link>
            ))}
          </Space>
        ) : (
          <Tag color="warning">{t('complaintAnalysis.noCapa')}</Tag>
        ),
    },
  ];
  const openColumns: TableColumnsType<OpenComplaint> = [
    {
      title: t('complaintAnalysis.col.number'),
      dataIndex: 'number',
      render: (number: string, r) => <Link to={`/complaints/${r.id}`}>{number}</Link>,
    },
    { title: t('complaintAnalysis.col.customer'), dataIndex: 'customerName' },
    {
      title: t('complaintAnalysis.col.category'),
      key: 'category',
      render: (_, r) => labels.category(r.category),
    },
    { title: t('complaintAnalysis.col.stage'), key: 'stage', render: (_, r) => labels.step(r.stage) },
    {
      title: t('complaintAnalysis.col.department'),
      key: 'dept',
      render: (_, r) => labels.department(r.departmentName),
    },
    { title: t('complaintAnalysis.col.receivedAt'), key: 'at', render: (_, r) => fmt.dateTime(r.receivedAt) },
    {
      title: t('complaintAnalysis.col.ageDays'),
      key: 'age',
      align: 'right',
      render: (_, r) => days(r.ageDays),
    },
  ];
  const capaColumns: TableColumnsType<OpenCapa> = [
    {
      title: t('complaintAnalysis.col.number'),
      dataIndex: 'number',
      render: (number: string, r) => <Link to={`/capas/${r.id}`}>{number}</Link>,
    },
    { title: t('complaintAnalysis.col.title'), dataIndex: 'title', ellipsis: true },
    {
      title: t('complaintAnalysis.col.status'),
      key: 'status',
      render: (_, r) => labels.capaStatus(r.status),
    },
    { title: t('complaintAnalysis.col.dueDate'), dataIndex: 'dueDate' },
    {
      title: t('complaintAnalysis.col.ageDays'),
      key: 'age',
      align: 'right',
      render: (_, r) => days(r.ageDays),
    },
  ];

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={12}>
        <Section title={t('complaintAnalysis.table.product')}>
          <Table<ProductRow>
            rowKey={(r) => `${r.other}-${r.product ?? ''}`}
            size="small"
            columns={productColumns}
            dataSource={analysis.byProduct}
            pagination={false}
            locale={empty('complaintAnalysis.empty.table')}
            data-testid="analysis-table-product"
          />
        </Section>
      </Col>
      <Col xs={24} lg={12}>
        <Section title={t('complaintAnalysis.table.department')}>
          <Table<DepartmentRow>
            rowKey={(r) => String(r.departmentId)}
            size="small"
            columns={departmentColumns}
            dataSource={analysis.byDepartment}
            pagination={false}
            locale={empty('complaintAnalysis.empty.table')}
            data-testid="analysis-table-department"
          />
        </Section>
      </Col>
      <Col span={24}>
        <Section title={t('complaintAnalysis.table.repeats')}>
          <Table<RepeatRow>
            rowKey={(r) => `${r.product}-${r.category}`}
            size="small"
            columns={repeatColumns}
            dataSource={analysis.repeatProblems}
            pagination={false}
            locale={empty('complaintAnalysis.empty.repeats')}
            data-testid="analysis-table-repeats"
          />
        </Section>
      </Col>
      <Col span={24}>
        <Section title={t('complaintAnalysis.table.openComplaints')} extra={shownOf(analysis.openComplaints)}>
          <Table<OpenComplaint>
            rowKey="id"
            size="small"
            columns={openColumns}
            dataSource={analysis.openComplaints.items}
            pagination={false}
            scroll={{ x: 900 }}
            locale={empty('complaintAnalysis.empty.open')}
            data-testid="analysis-table-open-complaints"
          />
        </Section>
      </Col>
      <Col span={24}>
        <Section title={t('complaintAnalysis.table.openCapas')} extra={shownOf(analysis.openCapas)}>
          <Table<OpenCapa>
            rowKey="id"
            size="small"
            columns={capaColumns}
            dataSource={analysis.openCapas.items}
            pagination={false}
            locale={empty('complaintAnalysis.empty.openCapas')}
            data-testid="analysis-table-open-capas"
          />
        </Section>
      </Col>
    </Row>
  );
}
