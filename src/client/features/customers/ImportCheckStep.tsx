import { CheckCircleOutlined, CloudUploadOutlined, FileOutlined, ReloadOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Col,
  Flex,
  Row,
  Statistic,
  Table,
  type TableColumnsType,
  Typography,
} from 'antd';
import type { ImportExisting, ImportProblem, ImportSummary } from '../../api/customers-import.ts';
import { useI18n } from '../../i18n/context.ts';

const PAGE = { pageSize: 10, showSizeChanger: false, hideOnSinglePage: true } as const;

/** How many customers the import would create, and why it may not start yet. */
export function importPlan(summary: ImportSummary, skipExisting: boolean) {
  const fresh = summary.valid - summary.existing.length;
  const blocked = summary.problems.length > 0 || (summary.existing.length > 0 && !skipExisting) || fresh <= 0;
  return { fresh, blocked };
}

/** Step 2 检查结果: counts, every problem by row and column, the rows that are customers already. */
export function ImportCheckStep({
  fileName,
  summary,
  skipExisting,
  onSkipExisting,
  onRechoose,
  onRun,
}: {
  fileName: string;
  summary: ImportSummary;
  skipExisting: boolean;
  onSkipExisting: (skip: boolean) => void;
  onRechoose: () => void;
  onRun: () => void;
}) {
  const { t, locale } = useI18n();
  const problemRows = summary.rows - summary.valid;
  const { fresh, blocked } = importPlan(summary, skipExisting);

  const problemColumns: TableColumnsType<ImportProblem> = [
    { title: t('customers.import.col.row'), dataIndex: 'row', width: 80 },
    {
      title: t('customers.import.col.column'),
      dataIndex: 'column',
      width: 180,
      render: (column: string | null) => column ?? <Typography.Text type="secondary">—</Typography.Text>,
    },
    { title: t('customers.import.col.message'), dataIndex: 'message' },
  ];
  const existingColumns: TableColumnsType<ImportExisting> = [
    { title: t('customers.import.col.row'), dataIndex: 'row', width: 80 },
    { title: t('customers.import.col.name'), dataIndex: 'name' },
    {
      title: t('customers.import.col.code'),
      dataIndex: 'code',
      width: 180,
      render: (code: string) => <span style={{ fontFamily: 'monospace' }}>{code}</span>,
    },
  ];

  return (
    <Flex vertical gap={16} data-testid="import-check">
      <Flex justify="space-between" align="center" gap={8} wrap>
        <Typography.Text>
          <FileOutlined /> {t('customers.import.file', { name: fileName })}
        </Typography.Text>
        <Button icon={<ReloadOutlined />} onClick={onRechoose} data-testid="import-rechoose">
          {t('customers.import.rechoose')}
        </Button>
      </Flex>
      <Row gutter={16} data-testid="import-counts">
        <Col xs={12} md={6}>
          <Statistic title={t('customers.import.stat.rows')} value={summary.rows} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic
            title={t('customers.import.stat.valid')}
            value={summary.valid}
            styles={{ content: { color: '#389e0d' } }}
          />
        </Col>
        <Col xs={12} md={6}>
          <Statistic
            title={t('customers.import.stat.problemRows')}
            value={problemRows}
            styles={{ content: problemRows > 0 ? { color: '#cf1322' } : {} }}
          />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t('customers.import.stat.existing')} value={summary.existing.length} />
        </Col>
      </Row>
      {summary.problems.length > 0 ? (
        <Card
          size="small"
          title={<Typography.Text type="danger">{t('customers.import.problems.title')}</Typography.Text>}
          data-testid="import-problems"
        >
          <Typography.Paragraph type="secondary">
            {t('customers.import.problems.hint')}
            {summary.problems.length >= 1000 ? ` ${t('customers.import.problems.truncated')}` : ''}
          </Typography.Paragraph>
          <Table<ImportProblem>
            size="small"
            rowKey={(p) => `${p.row}:${p.column ?? ''}:${p.message}`}
            columns={problemColumns}
            dataSource={summary.problems}
            pagination={PAGE}
            onRow={(p) => ({ 'data-testid': `import-problem-${p.row}` }) as React.HTMLAttributes<HTMLElement>}
          />
        </Card>
      ) : (
        <Alert
          type="success"
          showIcon
          icon={<CheckCircleOutlined />}
          title={t('customers.import.noProblems')}
        />
      )}
      {summary.existing.length > 0 ? (
        <Card size="small" title={t('customers.import.existing.title')} data-testid="import-existing">
          <Typography.Paragraph type="secondary">{t('customers.import.existing.hint')}</Typography.Paragraph>
          <Table<ImportExisting>
            size="small"
            rowKey="row"
            columns={existingColumns}
            dataSource={summary.existing}
            pagination={PAGE}
          />
          <Checkbox
            checked={skipExisting}
            onChange={(e) => onSkipExisting(e.target.checked)}
            style={{ marginTop: 12 }}
            data-testid="import-skip-existing"
          >
            {t('customers.import.existing.skip')}
          </Checkbox>
        </Card>
      ) : null}
      <Flex justify="flex-end" align="center" gap={12} wrap>
        {summary.problems.length === 0 && summary.existing.length > 0 && !skipExisting ? (
          <Typography.Text type="warning">{t('customers.import.existing.mustSkip')}</Typography.Text>
        ) : summary.problems.length === 0 && fresh <= 0 ? (
          <Typography.Text type="secondary">{t('customers.import.nothing')}</Typography.Text>
        ) : null}
        <Button
          type="primary"
          icon={<CloudUploadOutlined />}
          disabled={blocked}
          onClick={onRun}
          data-testid="import-run"
        >
          {summary.problems.length > 0 || fresh <= 0
            ? t('customers.import.step.run')
            : t('customers.import.run', { n: fresh.toLocaleString(locale) })}
        </Button>
      </Flex>
    </Flex>
  );
}
