import { Descriptions, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { ReturnDetail } from '../../api/returns.ts';
import { useT } from '../../i18n/context.ts';
import { useDateFormat } from '../../i18n/format.ts';

const pre = (text: string | null) => (text ? <span style={{ whiteSpace: 'pre-wrap' }}>{text}</span> : '—');

/** The notice's facts and who did what when: notified, received, inspected. */
export function ReturnRecord({ notice: n }: { notice: ReturnDetail }) {
  const t = useT();
  const fmt = useDateFormat();
  const by = (name: string | null, at: string | null) =>
    at ? t('returns.detail.byAt', { name: name ?? '—', at: fmt.dateTime(at) }) : '—';
  const items: { key: string; label: ReactNode; children: ReactNode; span?: number }[] = [
    {
      key: 'customer',
      label: t('returns.field.customer'),
      children: <Link to={`/customers/${n.customerId}`}>{n.customerName}</Link>,
    },
    {
      key: 'complaint',
      label: t('returns.field.complaint'),
      children: n.complaintId ? (
        <Link to={`/complaints/${n.complaintId}`} data-testid="return-complaint-link">
          {n.complaintNumber}
        </Link>
      ) : (
        '—'
      ),
    },
    { key: 'order', label: t('returns.field.orderRef'), children: n.orderRef ?? '—' },
    {
      key: 'requested',
      label: t('returns.detail.requestedBy'),
      children: by(n.requestedByName, n.createdAt),
    },
    { key: 'reason', label: t('returns.field.reason'), children: pre(n.reason), span: 2 },
    {
      key: 'received',
      label: t('returns.detail.receivedBy'),
      children: by(n.received.byName, n.received.at),
    },
    { key: 'receiptNote', label: t('returns.receive.note'), children: pre(n.received.note) },
    {
      key: 'inspected',
      label: t('returns.detail.inspectedBy'),
      children: by(n.inspected.byName, n.inspected.at),
    },
    {
      key: 'defect',
      label: t('returns.inspect.defectConfirmed'),
      children:
        n.inspected.defectConfirmed === null ? (
          '—'
        ) : n.inspected.defectConfirmed ? (
          t('returns.inspect.confirmed')
        ) : (
          <Typography.Text type="warning" strong data-testid="return-defect-not-confirmed">
            {t('returns.inspect.notConfirmed')}
          </Typography.Text>
        ),
    },
    { key: 'finding', label: t('returns.inspect.note'), children: pre(n.inspected.note), span: 2 },
  ];
  if (n.disposed.at)
    items.push({
      key: 'disposed',
      label: t('returns.detail.disposedBy'),
      children: by(n.disposed.byName, n.disposed.at),
    });
  if (n.closedAt)
    items.push({ key: 'closed', label: t('returns.detail.closedAt'), children: fmt.dateTime(n.closedAt) });
  return <Descriptions column={{ xs: 1, md: 2 }} size="small" items={items} data-testid="return-record" />;
}
