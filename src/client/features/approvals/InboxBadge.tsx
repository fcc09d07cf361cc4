import { Badge } from 'antd';
import { useApprovalInbox } from '../../api/approvals.ts';

/** How many decisions wait for the signed-in user (first page: "25+" beyond), beside the menu item. */
export function InboxBadge() {
  const inbox = useApprovalInbox();
  const first = inbox.data?.pages[0];
  if (!first || first.items.length === 0) return null;
  const count = first.items.length;
  return (
    <Badge
      count={first.nextCursor ? `${count}+` : count}
      size="small"
      style={{ marginInlineStart: 8, boxShadow: 'none' }}
      data-testid="approvals-badge"
    />
  );
}
