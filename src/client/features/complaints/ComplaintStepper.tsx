import { Card, Flex, Steps, Typography } from 'antd';
import type { ComplaintDetail } from '../../api/complaints.ts';
import { useNow } from '../../components/hooks.ts';
import { useT } from '../../i18n/context.ts';
import { useDateFormat } from '../../i18n/format.ts';
import { isOverdue, openStepOf, StepDue, useComplaintLabels } from './labels.tsx';

type StepStatus = 'wait' | 'process' | 'finish' | 'error';

/**
 * The complaint's path as a stepper: done steps with who finished them and when, the current one with its
 * owner and clock (red when overdue), the rest waiting. A complaint found not to be the company's takes
 * the short path (acknowledge → investigate → written explanation).
 */
export function ComplaintStepper({ complaint }: { complaint: ComplaintDetail }) {
  const t = useT();
  const fmt = useDateFormat();
  const now = useNow();
  const labels = useComplaintLabels();
  const open = openStepOf(complaint);
  const closed = complaint.stage === 'closed';
  const currentIndex = closed ? complaint.path.length : complaint.path.indexOf(complaint.stage as never);

  const items = complaint.path.map((step, index) => {
    const done = [...complaint.steps].reverse().find((s) => s.step === step && s.completedAt);
    const current = !closed && index === currentIndex;
    let status: StepStatus = index < currentIndex ? 'finish' : current ? 'process' : 'wait';
    if (current && open && isOverdue(open.dueAt, open.breached, now)) status = 'error';
    const content = current ? (
      <Flex key="current" vertical gap={2} align="flex-start">
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {open?.ownerName ?? t('complaints.unowned')}
        </Typography.Text>
        {open ? <StepDue dueAt={open.dueAt} breached={open.breached} /> : null}
      </Flex>
    ) : done && index < currentIndex ? (
      <Flex key="done" vertical gap={0}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {done.completedByName ?? '—'}
        </Typography.Text>
        <Typography.Text type={done.breached ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
          {fmt.dateTime(done.completedAt)}
          {done.breached ? ` · ${t('complaints.late')}` : ''}
        </Typography.Text>
      </Flex>
    ) : null;
    return {
      key: step,
      status,
      title: (
        <span data-testid={`complaint-stepper-${step}`} data-status={status}>
          {labels.step(step)}
        </span>
      ),
      content,
    };
  });

  return (
    <Card size="small" style={{ marginBottom: 16 }} styles={{ body: { overflowX: 'auto' } }}>
      <div data-testid="complaint-stepper" data-stage={complaint.stage} style={{ minWidth: 980 }}>
        <Steps
          size="small"
          items={items}
          current={Math.min(currentIndex, complaint.path.length - 1)}
          titlePlacement="vertical"
        />
      </div>
      {complaint.validity === 'pending' && !closed ? (
        <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', marginTop: 8 }}>
          {t('complaints.pathHint')}
        </Typography.Text>
      ) : null}
    </Card>
  );
}
