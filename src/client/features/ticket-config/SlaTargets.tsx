import { Form, InputNumber, Typography } from 'antd';
import { PRIORITIES, type Priority } from '../../../shared/tickets/ticket-status.ts';
import { useI18n } from '../../i18n/context.ts';
import styles from './admin.module.css';
import { priorityLabel } from './labels.ts';
import { readableMinutes } from './sla-time.ts';

const KINDS = ['firstResponse', 'nextResponse', 'resolution'] as const;
type Kind = (typeof KINDS)[number];

function Cell({
  priority,
  kind,
  clock,
  dayMinutes,
}: {
  priority: Priority;
  kind: Kind;
  clock: 'business' | 'calendar';
  dayMinutes: number;
}) {
  const { t } = useI18n();
  const path = ['targets', priority, kind];
  const value = Form.useWatch(path) as number | null | undefined;
  const optional = kind === 'nextResponse';
  return (
    <>
      <Form.Item
        name={path}
        noStyle
        rules={optional ? [] : [{ required: true, message: t('ticketAdmin.sla.targetRequired') }]}
      >
        <InputNumber
          min={1}
          max={525_600}
          precision={0}
          style={{ width: '100%', minWidth: 120 }}
          suffix={t('ticketAdmin.sla.min')}
          placeholder={optional ? (priority === 'urgent' ? t('ticketAdmin.sla.detailed') : '—') : undefined}
          aria-label={`${priority} ${kind}`}
          data-testid={`sla-${priority}-${kind}`}
        />
      </Form.Item>
      <Form.Item noStyle shouldUpdate>
        {({ getFieldError }) => {
          const errors = getFieldError(path);
          return errors.length > 0 ? (
            <Typography.Text type="danger" style={{ fontSize: 12 }}>
              {errors[0]}
            </Typography.Text>
          ) : (
            <span className={styles.hint}>{readableMinutes(t, value, clock, dayMinutes) || ' '}</span>
          );
        }}
      </Form.Item>
    </>
  );
}

/**
 * Targets per priority in minutes, each also shown as hours and (business) days. The urgent row's
 * "next response" is the detailed solution of the response-time standard (002 §四).
 */
export function SlaTargets({ clock, dayMinutes }: { clock: 'business' | 'calendar'; dayMinutes: number }) {
  const { t, locale } = useI18n();
  return (
    <table className={styles.targets} data-testid="sla-targets">
      <thead>
        <tr>
          <th style={{ width: 90 }}>{t('ticketAdmin.sla.priority')}</th>
          <th>{t('ticketAdmin.sla.firstResponse')}</th>
          <th>{t('ticketAdmin.sla.nextResponse')}</th>
          <th>{t('ticketAdmin.sla.resolution')}</th>
        </tr>
      </thead>
      <tbody>
        {PRIORITIES.map((priority) => (
          <tr key={priority}>
            <td>
              <Typography.Text strong>{priorityLabel(priority, locale)}</Typography.Text>
            </td>
            {KINDS.map((kind) => (
              <td key={kind}>
                <Cell priority={priority} kind={kind} clock={clock} dayMinutes={dayMinutes} />
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
