import { Alert, App, Button, Flex, Input, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { DEFAULT_NUMBER_PATTERNS, datePartsIn, formatRecordNumber } from '../../../shared/record-number.ts';
import { numberPatternSchema } from '../../../shared/schemas/organisation.ts';
import { type NumberPattern, useSaveNumberPattern } from '../../api/organisation.ts';
import { useNotifyError } from '../../components/form-errors.ts';
import type { MessageKey } from '../../i18n/catalogue.ts';
import { useT } from '../../i18n/context.ts';
import { useTimeZone } from '../../i18n/format.ts';

const TOKENS: { token: string; help: MessageKey }[] = [
  { token: '{yyyy}', help: 'numbers.token.yyyy' },
  { token: '{yy}', help: 'numbers.token.yy' },
  { token: '{MM}', help: 'numbers.token.MM' },
  { token: '{dd}', help: 'numbers.token.dd' },
  { token: '{yyyyMMdd}', help: 'numbers.token.yyyyMMdd' },
  { token: '{yyyyMM}', help: 'numbers.token.yyyyMM' },
  { token: '{seqN}', help: 'numbers.token.seq' },
];

const KIND_LABELS: Record<string, MessageKey> = {
  ticket: 'numbers.kind.ticket',
  complaint: 'numbers.kind.complaint',
  capa: 'numbers.kind.capa',
  return: 'numbers.kind.return',
  rework: 'numbers.kind.rework',
  customer: 'numbers.kind.customer',
  customer_application: 'numbers.kind.customer_application',
  order: 'numbers.kind.order',
  shipment: 'numbers.kind.shipment',
  service_receipt: 'numbers.kind.service_receipt',
  survey: 'numbers.kind.survey',
};

function PatternEditor({ row, zone, canManage }: { row: NumberPattern; zone: string; canManage: boolean }) {
  const t = useT();
  const [draft, setDraft] = useState(row.pattern);
  const save = useSaveNumberPattern();
  const notifyError = useNotifyError();
  const { message } = App.useApp();
  const valid = numberPatternSchema.safeParse(draft).success;
  const example = valid ? formatRecordNumber(draft.trim(), datePartsIn(zone, new Date()), 1) : null;
  const changed = draft.trim() !== row.pattern;
  const fallback = DEFAULT_NUMBER_PATTERNS[row.kind];

  return (
    <Flex vertical gap={4}>
      <Flex gap={8} wrap align="center">
        <Input
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          status={valid ? undefined : 'error'}
          disabled={!canManage}
          maxLength={60}
          style={{ width: 280, fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace' }}
          aria-label={`${t(KIND_LABELS[row.kind] ?? 'numbers.pattern')} · ${t('numbers.pattern')}`}
          data-testid={`pattern-${row.kind}`}
        />
        <Typography.Text type="secondary">→</Typography.Text>
        <Typography.Text code data-testid={`pattern-example-${row.kind}`}>
          {example ?? '—'}
        </Typography.Text>
        {canManage ? (
          <Flex gap={4} style={{ marginInlineStart: 'auto' }}>
            {fallback && draft.trim() !== fallback ? (
              <Button size="small" type="link" onClick={() => setDraft(fallback)}>
                {t('numbers.restoreDefault')}
              </Button>
            ) : null}
            {changed ? (
              <Button size="small" onClick={() => setDraft(row.pattern)}>
                {t('common.reset')}
              </Button>
            ) : null}
            <Button
              size="small"
              type="primary"
              disabled={!changed || !valid}
              loading={save.isPending}
              onClick={() =>
                save.mutate(
                  { kind: row.kind, pattern: draft.trim() },
                  { onSuccess: () => void message.success(t('common.saved')), onError: notifyError },
                )
              }
            >
              {t('common.save')}
            </Button>
          </Flex>
        ) : null}
      </Flex>
      {valid ? null : <Typography.Text type="danger">{t('numbers.invalid')}</Typography.Text>}
    </Flex>
  );
}

export function NumberPatterns({ patterns, canManage }: { patterns: NumberPattern[]; canManage: boolean }) {
  const t = useT();
  const zone = useTimeZone();
  return (
    <Flex vertical gap={16}>
      <Alert
        type="info"
        showIcon
        title={t('numbers.intro')}
        description={
          <Flex vertical gap={6}>
            <Flex gap={8} wrap>
              {TOKENS.map((token) => (
                <span key={token.token}>
                  <Tag style={{ fontFamily: 'ui-monospace, monospace' }}>{token.token}</Tag>
                  <Typography.Text type="secondary">{t(token.help)}</Typography.Text>
                </span>
              ))}
            </Flex>
            <Typography.Text type="secondary">{t('numbers.resetHint')}</Typography.Text>
          </Flex>
        }
      />
      <Table<NumberPattern>
        rowKey="kind"
        pagination={false}
        dataSource={patterns}
        data-testid="number-patterns"
        columns={[
          {
            title: t('numbers.kind'),
            key: 'kind',
            width: 240,
            render: (_, row) => (
              <div>
                <Typography.Text strong>
                  {KIND_LABELS[row.kind] ? t(KIND_LABELS[row.kind]!) : row.kind}
                </Typography.Text>
                <div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {row.kind}
                  </Typography.Text>
                </div>
              </div>
            ),
          },
          {
            title: `${t('numbers.pattern')} → ${t('numbers.example')}`,
            key: 'pattern',
            render: (_, row) => (
              <PatternEditor key={row.pattern} row={row} zone={zone} canManage={canManage} />
            ),
          },
        ]}
      />
    </Flex>
  );
}
