import { Typography } from 'antd';
import { dash } from '../../components/states.tsx';

/** Who a request (or complaint) is from: the customer with the contact under it, or just the one known. */
export function CustomerContactCell({
  customerName,
  contactName,
}: {
  customerName: string | null;
  contactName: string | null;
}) {
  if (!customerName && !contactName) return dash;
  return (
    <div>
      <div>{customerName ?? contactName}</div>
      {customerName && contactName ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {contactName}
        </Typography.Text>
      ) : null}
    </div>
  );
}
