import { App, Button, Card, Col, DatePicker, Flex, Form, Input, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { ACTIVITY_KINDS, activityCreate } from '../../../shared/schemas/customers.ts';
import { type CustomerDetail, useAddActivity } from '../../api/customers.ts';
import { useFormErrors, zodRule } from '../../components/form-errors.ts';
import { useT } from '../../i18n/context.ts';
import { dayjs } from '../../i18n/format.ts';

interface Values {
  kind: (typeof ACTIVITY_KINDS)[number];
  subject: string;
  body?: string;
  contactId?: number | null;
  occurredAt?: Dayjs | null;
}

const shape = activityCreate.shape;

/** 记录拜访/备注: a visit, call, meeting or note with this customer, into its timeline. */
export function ActivityForm({ customer, onDone }: { customer: CustomerDetail; onDone: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const add = useAddActivity(customer.id);
  const formErrors = useFormErrors();

  const submit = (v: Values) =>
    add.mutate(
      {
        kind: v.kind,
        subject: v.subject.trim(),
        body: v.body?.trim() || null,
        contactId: v.contactId ?? null,
        ...(v.occurredAt ? { occurredAt: v.occurredAt.toISOString() } : {}),
      },
      {
        onSuccess: () => {
          void message.success(t('customers.act.saved'));
          form.resetFields();
          onDone();
        },
        onError: (error) => formErrors(form, error),
      },
    );

  return (
    <Card size="small" style={{ marginBottom: 16, background: '#fafcff' }} data-testid="activity-form">
      <Form<Values>
        form={form}
        layout="vertical"
        name="activity"
        initialValues={{ kind: 'visit', occurredAt: dayjs() }}
        onFinish={submit}
      >
        <Row gutter={12}>
          <Col xs={24} md={6}>
            <Form.Item name="kind" label={t('customers.act.kind')} rules={[{ required: true }]}>
              <Select
                options={ACTIVITY_KINDS.map((k) => ({ value: k, label: t(`customers.act.${k}`) }))}
                data-testid="activity-kind"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={18}>
            <Form.Item
              name="subject"
              label={t('customers.act.subject')}
              rules={[{ required: true, whitespace: true }, zodRule(shape.subject)]}
            >
              <Input maxLength={200} data-testid="activity-subject" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="body" label={t('customers.act.body')} rules={[zodRule(shape.body)]}>
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 8 }}
            maxLength={8000}
            data-testid="activity-body"
          />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} md={12}>
            <Form.Item name="contactId" label={t('customers.act.contact')}>
              <Select
                allowClear
                options={customer.contacts.map((c) => ({
                  value: c.id,
                  label: c.title ? `${c.name} · ${c.title}` : c.name,
                }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="occurredAt" label={t('customers.act.occurredAt')}>
              <DatePicker
                showTime={{ format: 'HH:mm' }}
                format="YYYY-MM-DD HH:mm"
                disabledDate={(d) => d.isAfter(dayjs().endOf('day'))}
                style={{ width: '100%' }}
              />
            </Form.Item>
          </Col>
        </Row>
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onDone}>{t('common.cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={add.isPending} data-testid="activity-save">
            {t('customers.act.save')}
          </Button>
        </Flex>
      </Form>
    </Card>
  );
}
