import { AlertOutlined } from '@ant-design/icons';
import { App, Button, Card, Popconfirm, Skeleton, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import { useRegisterTicketComplaint, useTicketComplaint } from '../../api/complaints.ts';
import { useCan } from '../../api/session.ts';
import type { TicketView } from '../../api/tickets.ts';
import { useNotifyError } from '../../components/form-errors.ts';
import { useT } from '../../i18n/context.ts';

/**
 * On the request page: a request of type 投诉 links to its complaint; any other request can be registered
 * as a complaint by a complaint handler (it becomes type 投诉 and gets its 《客户投诉记录表》).
 */
export function TicketComplaintCard({ ticket }: { ticket: TicketView }) {
  const t = useT();
  const can = useCan();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const isComplaint = ticket.typeCode === 'complaint';
  const mayRead = can('complaint.read');
  const linked = useTicketComplaint(ticket.id, mayRead && isComplaint);
  const register = useRegisterTicketComplaint(ticket.id);
  const mayRegister = can('complaint.handle') && ticket.status !== 'closed';

  if (!mayRead || (!isComplaint && !mayRegister)) return null;
  if (isComplaint && linked.isPending) return <Skeleton active paragraph={{ rows: 1 }} />;
  const complaint = linked.data ?? null;
  if (!complaint && !mayRegister) return null;

  const registerButton = (
    <Popconfirm
      title={t('complaints.ticket.registerConfirm')}
      description={isComplaint ? undefined : t('complaints.ticket.registerHint')}
      onConfirm={() =>
        register.mutate(undefined, {
          onSuccess: (created) => {
            void message.success(t('complaints.created', { number: created.number }));
            void navigate(`/complaints/${created.id}`);
          },
          onError: notifyError,
        })
      }
      okButtonProps={{ loading: register.isPending }}
    >
      <Button icon={<AlertOutlined />} loading={register.isPending} data-testid="ticket-register-complaint">
        {t('complaints.ticket.register')}
      </Button>
    </Popconfirm>
  );

  return (
    <Card size="small" title={t('complaints.ticket.card')} data-testid="ticket-complaint-card">
      {complaint ? (
        <Link to={`/complaints/${complaint.id}`} data-testid="ticket-open-complaint">
          {t('complaints.ticket.open', { number: complaint.number })}
        </Link>
      ) : (
        <>
          {linked.error ? (
            <Typography.Text type="danger" style={{ display: 'block', marginBottom: 8 }}>
              {linked.error.message}
            </Typography.Text>
          ) : null}
          {registerButton}
        </>
      )}
    </Card>
  );
}
