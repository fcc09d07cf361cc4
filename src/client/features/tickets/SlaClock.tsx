import {
  CheckCircleOutlined,
  ClockCircleOutlined,
  PauseCircleOutlined,
  WarningOutlined,
} from '@ant-design/icons';
import { Tag, Tooltip } from 'antd';
import type { TicketView } from '../../api/tickets.ts';
import { useNow } from '../../components/hooks.ts';
import { durationText } from '../../components/labels.ts';
import { useT } from '../../i18n/context.ts';
import { useDateFormat } from '../../i18n/format.ts';

export type SlaClockValue = TicketView['firstResponse'];
export type SlaState = SlaClockValue['state'];

/** The server's state, moved to "breached" when the due time passed since the request was loaded. */
export function liveState(clock: SlaClockValue, now: number): SlaState {
  if ((clock.state === 'ok' || clock.state === 'warning') && clock.dueAt && Date.parse(clock.dueAt) < now)
    return 'breached';
  return clock.state;
}

const COLORS: Record<SlaState, string> = {
  ok: 'success',
  warning: 'warning',
  breached: 'error',
  paused: 'default',
  done: 'cyan',
  none: 'default',
};

/** One SLA clock as a coloured tag with a live countdown ("剩 2小时" / "超时 15分钟"). */
export function SlaClock({ clock, label, testId }: { clock: SlaClockValue; label: string; testId?: string }) {
  const t = useT();
  const fmt = useDateFormat();
  const now = useNow();
  const state = liveState(clock, now);
  if (state === 'none') return null;
  const due = clock.dueAt ? Date.parse(clock.dueAt) : now;
  let text: string;
  let icon = <ClockCircleOutlined />;
  if (state === 'paused') {
    text = t('tickets.sla.paused');
    icon = <PauseCircleOutlined />;
  } else if (state === 'done') {
    text = t('tickets.sla.done');
    icon = <CheckCircleOutlined />;
  } else if (state === 'breached') {
    text = clock.doneAt
      ? t('tickets.sla.doneLate')
      : t('tickets.sla.over', { time: durationText(now - due, t) });
    icon = <WarningOutlined />;
  } else {
    text = t('tickets.sla.left', { time: durationText(due - now, t) });
  }
  const tip = [
    `${label} · ${t('tickets.sla.dueAt')} ${fmt.dateTime(clock.dueAt)}`,
    clock.doneAt ? `${t('tickets.sla.doneAt')} ${fmt.dateTime(clock.doneAt)}` : '',
  ]
    .filter(Boolean)
    .join('\n');
  return (
    <Tooltip title={<span style={{ whiteSpace: 'pre-line' }}>{tip}</span>}>
      <Tag
        color={COLORS[state]}
        icon={icon}
        data-testid={testId}
        data-state={state}
        style={{ marginInlineEnd: 0 }}
      >
        {label} {text}
      </Tag>
    </Tooltip>
  );
}

/** The clock that matters now: first response until answered, then resolution. */
export function currentClock(ticket: TicketView): {
  kind: 'firstResponse' | 'resolution';
  clock: SlaClockValue;
} {
  if (ticket.firstResponse.state !== 'none' && !ticket.firstResponse.doneAt)
    return { kind: 'firstResponse', clock: ticket.firstResponse };
  return { kind: 'resolution', clock: ticket.resolution };
}
