import { CarOutlined, CheckCircleOutlined, LockOutlined, ToolOutlined } from '@ant-design/icons';
import { Alert, App, Button, Descriptions, Flex, Popconfirm, Typography } from 'antd';
import type { ReactNode } from 'react';
import {
  type ReturnDetail,
  useCloseReturn,
  useReplacementDelivered,
  useReworkDone,
} from '../../api/returns.ts';
import { useCan } from '../../api/session.ts';
import { useNotifyError } from '../../components/form-errors.ts';
import { useI18n, useT } from '../../i18n/context.ts';
import { useDateFormat } from '../../i18n/format.ts';
import { CompensationStatusTag, DispositionTag } from './labels.tsx';

/** What the disposition still waits for, the buttons that record it, and closing once it is all done. */
export function DispositionProgress({ notice }: { notice: ReturnDetail }) {
  const t = useT();
  const { locale } = useI18n();
  const can = useCan();
  const fmt = useDateFormat();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const reworkDone = useReworkDone();
  const delivered = useReplacementDelivered();
  const close = useCloseReturn();
  const refund = notice.compensations.at(-1);
  const money = new Intl.NumberFormat(locale, { style: 'currency', currency: 'CNY' });
  const done = (text: string) => () => void message.success(text);

  const rows: { key: string; label: ReactNode; children: ReactNode }[] = [
    {
      key: 'kind',
      label: t('returns.dispose.kind'),
      children: <DispositionTag disposition={notice.disposition} />,
    },
  ];
  let action: ReactNode = null;
  if (notice.rework) {
    rows.push(
      { key: 'no', label: t('returns.detail.reworkNumber'), children: notice.rework.number },
      { key: 'due', label: t('returns.dispose.reworkDueDate'), children: notice.rework.dueDate ?? '—' },
      {
        key: 'done',
        label: t('returns.progress.reworkDone'),
        children: notice.rework.doneAt ? fmt.dateTime(notice.rework.doneAt) : t('returns.progress.notYet'),
      },
    );
    if (!notice.rework.doneAt && (can('return.inspect') || can('return.manage')))
      action = (
        <Popconfirm
          title={t('returns.progress.reworkDoneConfirm')}
          onConfirm={() =>
            reworkDone
              .mutateAsync({ id: notice.id, input: {} })
              .then(done(t('returns.progress.recorded')), notifyError)
          }
        >
          <Button icon={<ToolOutlined />} loading={reworkDone.isPending} data-testid="return-rework-done">
            {t('returns.progress.reworkDoneButton')}
          </Button>
        </Popconfirm>
      );
  }
  if (notice.replacement) {
    rows.push(
      {
        key: 'planned',
        label: t('returns.dispose.replacementPlannedDate'),
        children: notice.replacement.plannedDate ?? '—',
      },
      {
        key: 'delivered',
        label: t('returns.progress.delivered'),
        children: notice.replacement.deliveredAt
          ? fmt.dateTime(notice.replacement.deliveredAt)
          : t('returns.progress.notYet'),
      },
    );
    if (!notice.replacement.deliveredAt && (can('return.receive') || can('return.manage')))
      action = (
        <Popconfirm
          title={t('returns.progress.deliveredConfirm')}
          onConfirm={() =>
            delivered
              .mutateAsync({ id: notice.id, input: {} })
              .then(done(t('returns.progress.recorded')), notifyError)
          }
        >
          <Button icon={<CarOutlined />} loading={delivered.isPending} data-testid="return-delivered">
            {t('returns.progress.deliveredButton')}
          </Button>
        </Popconfirm>
      );
  }
  if (notice.disposition === 'refund') {
    rows.push(
      {
        key: 'amount',
        label: t('returns.dispose.refundAmount'),
        children: notice.refundAmount === null ? '—' : money.format(notice.refundAmount),
      },
      {
        key: 'approval',
        label: t('returns.progress.approval'),
        children: refund ? <CompensationStatusTag status={refund.status} /> : '—',
      },
    );
  }
  if (notice.disposed.note)
    rows.push({
      key: 'note',
      label: t('returns.dispose.note'),
      children: <span style={{ whiteSpace: 'pre-wrap' }}>{notice.disposed.note}</span>,
    });

  return (
    <Flex vertical gap={16} data-testid="return-progress">
      <Descriptions column={1} size="small" bordered items={rows} />
      {notice.disposition === 'refund' && refund?.status === 'pending' ? (
        <Alert type="info" showIcon title={t('returns.progress.refundPending')} />
      ) : null}
      <Flex gap={8} wrap align="center">
        {action}
        {can('return.manage') ? (
          <Popconfirm
            title={t('returns.progress.closeConfirm')}
            disabled={!notice.closable}
            onConfirm={() =>
              close
                .mutateAsync({ id: notice.id, input: {} })
                .then(done(t('returns.progress.closed')), notifyError)
            }
          >
            <Button
              type="primary"
              icon={notice.closable ? <CheckCircleOutlined /> : <LockOutlined />}
              disabled={!notice.closable}
              loading={close.isPending}
              data-testid="return-close"
            >
              {t('returns.progress.close')}
            </Button>
          </Popconfirm>
        ) : null}
        {!notice.closable ? (
          <Typography.Text type="secondary">{t('returns.progress.closeBlocked')}</Typography.Text>
        ) : null}
      </Flex>
    </Flex>
  );
}
