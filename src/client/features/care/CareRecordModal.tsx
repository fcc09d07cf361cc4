import { GiftOutlined } from '@ant-design/icons';
import { App, Button, Col, DatePicker, Form, Input, InputNumber, Modal, Radio, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { CARE_RECORDS, careRecordCreate } from '../../../shared/schemas/care.ts';
import { type CareRecordKind, useRecordCare } from '../../api/care.ts';
import type { CustomerDetail } from '../../api/customers.ts';
import { useCan } from '../../api/session.ts';
import { useFormErrors, zodRule } from '../../components/form-errors.ts';
import { moneyInput } from '../../components/money.ts';
import { testIdProps } from '../../components/test-id.ts';
import { useT } from '../../i18n/context.ts';
import { dayjs, useTimeZone } from '../../i18n/format.ts';

interface Values {
  event: CareRecordKind;
  contactId?: number | null;
  occasionOn: Dayjs;
  gift?: string | null;
  giftCost?: number | null;
  notes?: string | null;
}

const shape = careRecordCreate.shape;

/** 记录关怀/礼品: a gift, care visit or other care given to this customer, into its timeline. */
function CareRecordModal({ customer, onClose }: { customer: CustomerDetail; onClose: () => void }) {
  const t = useT();
  const zone = useTimeZone();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const event = Form.useWatch('event', form) ?? 'gift';
  const record = useRecordCare(customer.id);
  const formErrors = useFormErrors();
  const contacts = customer.contacts.filter((c) => c.isActive);
  const primary = contacts.find((c) => c.isPrimary) ?? contacts[0];

  const submit = (v: Values) =>
    record.mutate(
      {
        event: v.event,
        contactId: v.contactId ?? null,
        occasionOn: v.occasionOn.format('YYYY-MM-DD'),
        gift: v.gift?.trim() || null,
        giftCost: v.giftCost ?? null,
        notes: v.notes?.trim() || null,
      },
      {
        onSuccess: () => {
          void message.success(t('care.record.saved'));
          onClose();
        },
        onError: (error) => formErrors(form, error),
      },
    );

  return (
    <Modal
      open
      width={600}
      title={t('care.record.title', { name: customer.name })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('care.record.save')}
      okButtonProps={testIdProps('care-record-save')}
      confirmLoading={record.isPending}
      destroyOnHidden
      data-testid="care-record-modal"
    >
      <Form<Values>
        form={form}
        layout="vertical"
        name="care-record"
        style={{ marginTop: 16 }}
        initialValues={{ event: 'gift', contactId: primary?.id ?? null, occasionOn: dayjs().tz(zone) }}
        onFinish={submit}
      >
        <Form.Item name="event" label={t('care.record.kind')} rules={[{ required: true }]}>
          <Radio.Group
            optionType="button"
            options={CARE_RECORDS.map((k) => ({ value: k, label: t(`care.event.${k}`) }))}
            data-testid="care-record-kind"
          />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} md={12}>
            <Form.Item name="contactId" label={t('care.record.contact')}>
              <Select
                allowClear
                options={contacts.map((c) => ({
                  value: c.id,
                  label: c.title ? `${c.name} · ${c.title}` : c.name,
                }))}
                data-testid="care-record-contact"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="occasionOn" label={t('care.record.date')} rules={[{ required: true }]}>
              <DatePicker style={{ width: '100%' }} data-testid="care-record-date" />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item
              name="gift"
              label={t('care.record.gift')}
              rules={[{ required: event === 'gift', whitespace: true }, zodRule(shape.gift)]}
            >
              <Input maxLength={200} placeholder={t('care.record.giftHint')} data-testid="care-record-gift" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="giftCost" label={t('care.record.cost')}>
              <InputNumber<number>
                min={0}
                max={9_999_999}
                precision={2}
                style={{ width: '100%' }}
                {...moneyInput}
                data-testid="care-record-cost"
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="notes" label={t('care.record.notes')} rules={[zodRule(shape.notes)]}>
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 6 }}
            maxLength={1000}
            data-testid="care-record-notes"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The "记录关怀/礼品" action on a customer (care.manage); nothing for a merged file. */
export function CareRecordButton({ customer }: { customer: CustomerDetail }) {
  const t = useT();
  const can = useCan();
  const [open, setOpen] = useState(false);
  if (!can('care.manage') || customer.mergedIntoId !== null) return null;
  return (
    <>
      <Button icon={<GiftOutlined />} onClick={() => setOpen(true)} data-testid="care-record-open">
        {t('care.record.open')}
      </Button>
      {open ? <CareRecordModal customer={customer} onClose={() => setOpen(false)} /> : null}
    </>
  );
}
