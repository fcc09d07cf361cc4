import { EditOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { ComplaintDetail } from '../../api/complaints.ts';
import { useCan } from '../../api/session.ts';
import { dash } from '../../components/states.tsx';
import { useT } from '../../i18n/context.ts';
import { useDateFormat } from '../../i18n/format.ts';
import { useTicketLabels } from '../tickets/labels.ts';
import { CategoryTag, SeverityTag, useComplaintLabels } from './labels.tsx';
import { RecordEditDrawer } from './RecordEditDrawer.tsx';

const pre = (text: string | null) => (text ? <span style={{ whiteSpace: 'pre-wrap' }}>{text}</span> : dash);

/** 《客户投诉记录表》: the record's fields; complaint handlers edit them while the complaint is open. */
export function RecordCard({ complaint: c }: { complaint: ComplaintDetail }) {
  const t = useT();
  const fmt = useDateFormat();
  const can = useCan();
  const labels = useComplaintLabels();
  const ticketLabels = useTicketLabels();
  const [editing, setEditing] = useState(false);
  const editable = c.stage !== 'closed' && can('complaint.handle');

  return (
    <Card
      title={t('complaints.record')}
      data-testid="complaint-record"
      extra={
        editable ? (
          <Button
            size="small"
            icon={<EditOutlined />}
            onClick={() => setEditing(true)}
            data-testid="complaint-record-edit"
          >
            {t('common.edit')}
          </Button>
        ) : null
      }
    >
      <Descriptions
        size="small"
        column={1}
        styles={{ label: { width: 110 } }}
        items={[
          {
            key: 'receivedAt',
            label: t('complaints.field.receivedAt'),
            children: fmt.dateTime(c.receivedAt),
          },
          { key: 'channel', label: t('complaints.field.channel'), children: ticketLabels.channel(c.channel) },
          {
            key: 'customer',
            label: t('complaints.field.customer'),
            children: c.customerId ? (
              <Link to={`/customers/${c.customerId}`}>
                {c.customerName}
                {c.customerClass ? ` (${c.customerClass})` : ''}
              </Link>
            ) : (
              dash
            ),
          },
          { key: 'contact', label: t('complaints.field.contact'), children: c.contactName ?? dash },
          {
            key: 'contactDetails',
            label: t('complaints.field.contactDetails'),
            children: c.contactDetails ?? dash,
          },
          {
            key: 'object',
            label: t('complaints.field.objectType'),
            children: [labels.object(c.objectType), c.objectRef].filter(Boolean).join(' · '),
          },
          { key: 'product', label: t('complaints.field.product'), children: c.product ?? dash },
          {
            key: 'category',
            label: t('complaints.field.category'),
            children: <CategoryTag category={c.category} />,
          },
          {
            key: 'severity',
            label: t('complaints.field.severity'),
            children: <SeverityTag severity={c.severity} />,
          },
          { key: 'content', label: t('complaints.field.content'), children: pre(c.content) },
          { key: 'reason', label: t('complaints.field.reason'), children: pre(c.reason) },
          { key: 'demand', label: t('complaints.field.demand'), children: pre(c.demand) },
          {
            key: 'promisedAt',
            label: t('complaints.field.promisedAt'),
            children: c.promisedAt ? fmt.dateTime(c.promisedAt) : dash,
          },
          { key: 'owner', label: t('complaints.field.owner'), children: c.ownerName ?? dash },
          {
            key: 'department',
            label: t('complaints.field.department'),
            children: c.responsibleDepartmentName ?? dash,
          },
        ]}
      />
      {editable ? <RecordEditDrawer complaint={c} open={editing} onClose={() => setEditing(false)} /> : null}
    </Card>
  );
}
