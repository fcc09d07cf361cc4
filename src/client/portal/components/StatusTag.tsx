import { Tag } from 'antd';
import { useT } from '../../i18n/context.ts';
import { isMessageKey } from '../../i18n/language-pack.ts';

/** Status colours as a customer reads them: orange means "your turn", green "done". */
const COLORS: Record<string, string> = {
  new: 'blue',
  assigned: 'blue',
  in_progress: 'processing',
  waiting_customer: 'orange',
  waiting_third_party: 'processing',
  resolved: 'green',
  revisited: 'green',
  closed: 'default',
};

/** A request's status in the customer's words (待您回复 rather than 等待客户). */
export function useStatusLabel(): (status: string) => string {
  const t = useT();
  return (status) => {
    const key = `portal.status.${status}`;
    return isMessageKey(key) ? t(key) : status;
  };
}

export function StatusTag({ status }: { status: string }) {
  const label = useStatusLabel();
  return (
    <Tag
      color={COLORS[status] ?? 'default'}
      data-testid="portal-status"
      data-status={status}
      variant="filled"
    >
      {label(status)}
    </Tag>
  );
}
