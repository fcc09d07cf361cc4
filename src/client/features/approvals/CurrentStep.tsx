import { Typography } from 'antd';
import { useApproval } from '../../api/approvals.ts';
import { useT } from '../../i18n/context.ts';
import { useApproverText } from './labels.tsx';

/** For a request still in approval: the step it waits on and who decides it ("初审（角色：执行副总助理）"). */
export function CurrentStep({ approvalId }: { approvalId: number | null }) {
  const t = useT();
  const approver = useApproverText();
  const request = useApproval(approvalId);
  const pending = request.data?.steps.find((s) => s.status === 'pending');
  if (!pending) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Typography.Text type="secondary" style={{ fontSize: 13 }}>
      {t('approvals.waitingFor', { step: pending.name, who: approver(pending) })}
    </Typography.Text>
  );
}
