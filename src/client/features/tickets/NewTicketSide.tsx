import { Card, Form, Input, Segmented, Select } from 'antd';
import { ticketCreate } from '../../../shared/schemas/tickets.ts';
import { useCan } from '../../api/session.ts';
import { useTeams } from '../../api/tickets-lookups.ts';
import { zodRule } from '../../components/form-errors.ts';
import { StaffSelect } from '../../components/StaffSelect.tsx';
import { useT } from '../../i18n/context.ts';
import { ContactSelect } from './ContactSelect.tsx';

export type ContactMode = 'existing' | 'new';

const contactShape = ticketCreate.shape.newContact.unwrap().unwrap().shape;

/** The side column of the new-request form: who it is from (on file or new) and who handles it. */
export function NewTicketSide({
  mode,
  onModeChange,
  prefilled,
}: {
  mode: ContactMode;
  onModeChange: (mode: ContactMode) => void;
  prefilled: { id: number; name: string } | null;
}) {
  const t = useT();
  const can = useCan();
  const teams = useTeams();
  return (
    <>
      <Card title={t('tickets.new.contact')} style={{ marginBottom: 16 }}>
        <Segmented
          block
          value={mode}
          onChange={onModeChange}
          options={[
            {
              value: 'existing',
              label: <span data-testid="contact-mode-existing">{t('tickets.new.existingContact')}</span>,
            },
            {
              value: 'new',
              label: <span data-testid="contact-mode-new">{t('tickets.new.newContact')}</span>,
            },
          ]}
          style={{ marginBottom: 16 }}
        />
        {mode === 'existing' ? (
          <Form.Item name="contactId" label={t('tickets.customer.contact')}>
            <ContactSelect initial={prefilled} />
          </Form.Item>
        ) : (
          <>
            <Form.Item
              name={['newContact', 'name']}
              label={t('tickets.new.contactName')}
              rules={[
                { required: true, whitespace: true, message: t('tickets.new.contactNameRequired') },
                zodRule(contactShape.name),
              ]}
            >
              <Input maxLength={100} data-testid="new-contact-name" />
            </Form.Item>
            <Form.Item
              name={['newContact', 'phone']}
              label={t('tickets.customer.phone')}
              rules={[zodRule(contactShape.phone)]}
            >
              <Input maxLength={50} data-testid="new-contact-phone" />
            </Form.Item>
            <Form.Item
              name={['newContact', 'email']}
              label={t('tickets.customer.email')}
              rules={[zodRule(contactShape.email, t('common.invalidEmail'))]}
            >
              <Input inputMode="email" maxLength={200} data-testid="new-contact-email" />
            </Form.Item>
            <Form.Item
              name={['newContact', 'company']}
              label={t('tickets.new.company')}
              rules={[zodRule(contactShape.company)]}
            >
              <Input maxLength={200} data-testid="new-contact-company" />
            </Form.Item>
          </>
        )}
      </Card>
      <Card title={t('tickets.new.handling')} style={{ marginBottom: 16 }}>
        {/* Naming the assignee is assigning (ticket.assign); without it the queue rules decide. */}
        {can('ticket.assign') && (
          <Form.Item
            name="assigneeId"
            label={t('tickets.field.assignee')}
            extra={t('tickets.new.assigneeHint')}
          >
            <StaffSelect placeholder={t('tickets.new.auto')} testId="new-assignee" />
          </Form.Item>
        )}
        <Form.Item name="teamId" label={t('tickets.field.team')}>
          <Select
            allowClear
            placeholder={t('tickets.new.auto')}
            options={(teams.data ?? []).map((team) => ({ value: team.id, label: team.name }))}
            data-testid="new-team"
          />
        </Form.Item>
      </Card>
    </>
  );
}
