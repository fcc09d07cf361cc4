import { Steps } from 'antd';
import { RETURN_PATH } from '../../../shared/schemas/returns.ts';
import type { ReturnDetail } from '../../api/returns.ts';
import { useT } from '../../i18n/context.ts';
import { useDateFormat } from '../../i18n/format.ts';

/** 营业部通知 → 资材部签收点收 → 品保部确认 → 处置 → 结案, with who did each and when. */
export function ReturnSteps({ notice: n }: { notice: ReturnDetail }) {
  const t = useT();
  const fmt = useDateFormat();
  const cancelled = n.status === 'cancelled';
  const current = cancelled ? 0 : RETURN_PATH.indexOf(n.status as (typeof RETURN_PATH)[number]);
  const when: Record<(typeof RETURN_PATH)[number], string | null> = {
    notified: n.createdAt,
    received: n.received.at,
    inspected: n.inspected.at,
    disposed: n.disposed.at,
    closed: n.closedAt,
  };
  const who: Record<(typeof RETURN_PATH)[number], string | null> = {
    notified: n.requestedByName,
    received: n.received.byName,
    inspected: n.inspected.byName,
    disposed: n.disposed.byName,
    closed: null,
  };
  return (
    <Steps
      size="small"
      current={current}
      status={cancelled ? 'error' : n.status === 'closed' ? 'finish' : 'process'}
      data-testid="return-steps"
      items={RETURN_PATH.map((step) => ({
        key: step,
        title: t(`returns.step.${step}`),
        content: when[step] ? [who[step], fmt.dateTime(when[step])].filter(Boolean).join(' · ') : undefined,
      }))}
    />
  );
}
