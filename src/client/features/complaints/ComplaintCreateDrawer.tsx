import { App, Col, DatePicker, Form, Input, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { complaintCreate } from '../../../shared/schemas/complaints.ts';
import { CHANNELS, type Channel } from '../../../shared/tickets/ticket-status.ts';
import { useCreateComplaint } from '../../api/complaints.ts';
import { FormDrawer } from '../../components/FormDrawer.tsx';
import { useFormErrors, zodRule } from '../../components/form-errors.ts';
import { useT } from '../../i18n/context.ts';
import { useTimeZone } from '../../i18n/format.ts';
import { ContactSelect } from '../tickets/ContactSelect.tsx';
import { useTicketLabels } from '../tickets/labels.ts';
import { CustomerSelect, type PickedCustomer } from './CustomerSelect.tsx';
import { fromPicker, type RecordValues, recordPayload, toPicker } from './form-values.ts';
import { RecordFields } from './RecordFields.tsx';

interface Values extends RecordValues {
  subject: string;
  content: string;
  channel: Channel;
  receivedAt?: Dayjs | null;
  customerId?: number | null;
  contactId?: number | null;
}

const shape = complaintCreate.shape;

/**
 * 登记投诉 (phone, letter, visit…): the complaint's request and its 《客户投诉记录表》 at once; the
 * registering specialist owns it unless someone else is named. Opens the new complaint when done.
 */
export function ComplaintCreateDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const zone = useTimeZone();
  const ticketLabels = useTicketLabels();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const create = useCreateComplaint();
  const formErrors = useFormErrors();
  const [knownCustomer, setKnownCustomer] = useState<PickedCustomer | null>(null);

  const submit = (v: Values) => {
    create.mutate(
      {
        subject: v.subject,
        content: v.content,
        channel: v.channel,
        receivedAt: v.receivedAt ? fromPicker(v.receivedAt, zone) : null,
        customerId: v.customerId ?? null,
        contactId: v.contactId ?? null,
        ...recordPayload(v, zone),
      },
      {
        onSuccess: (complaint) => {
          void message.success(t('complaints.created', { number: complaint.number }));
          form.resetFields();
          onClose();
          void navigate(`/complaints/${complaint.id}`);
        },
        onError: (error) => formErrors(form, error),
      },
    );
  };

  return (
    <FormDrawer<Values>
      open={open}
      onClose={onClose}
      title={t('complaints.new')}
      size={760}
      actionsInHeader
      form={form}
      onFinish={submit}
      pending={create.isPending}
      submitLabel={t('complaints.register')}
      submitTestId="complaint-form-submit"
      formTestId="complaint-form"
      formProps={{
        scrollToFirstError: true,
        initialValues: {
          channel: 'phone',
          receivedAt: toPicker(new Date().toISOString(), zone),
          objectType: 'product',
          category: 'other',
          severity: 'normal',
        },
      }}
    >
      <Form.Item
        name="subject"
        label={t('complaints.field.subject')}
        rules={[{ required: true, whitespace: true }, zodRule(shape.subject)]}
      >
        <Input maxLength={200} data-testid="complaint-field-subject" />
      </Form.Item>
      <Form.Item
        name="content"
        label={t('complaints.field.content')}
        rules={[{ required: true, whitespace: true }, zodRule(shape.content)]}
      >
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} data-testid="complaint-field-content" />
      </Form.Item>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item name="channel" label={t('complaints.field.channel')} rules={[{ required: true }]}>
            <Select
              options={CHANNELS.map((c) => ({ value: c, label: ticketLabels.channel(c) }))}
              data-testid="complaint-field-channel"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="receivedAt" label={t('complaints.field.receivedAt')}>
            <DatePicker
              showTime={{ format: 'HH:mm' }}
              format="YYYY-MM-DD HH:mm"
              style={{ width: '100%' }}
              data-testid="complaint-field-receivedAt"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="customerId" label={t('complaints.field.customer')}>
            <CustomerSelect known={knownCustomer} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="contactId" label={t('complaints.field.contact')}>
            <ContactSelect
              onPick={(contact) => {
                // The contact's company is the complainant unless one was chosen already.
                if (contact?.customerId && contact.customerName && !form.getFieldValue('customerId')) {
                  setKnownCustomer({ id: contact.customerId, label: contact.customerName });
                  form.setFieldValue('customerId', contact.customerId);
                }
                // Masked values (no customer.view_sensitive) are copied as shown: the server stores the
                // contact's own phone and email in their place.
                if (contact && !form.getFieldValue('contactDetails')) {
                  const details = [contact.phone, contact.email].filter(Boolean).join(' / ');
                  if (details) form.setFieldValue('contactDetails', details);
                }
              }}
            />
          </Form.Item>
        </Col>
      </Row>
      <RecordFields />
    </FormDrawer>
  );
}
