import { App, Checkbox, Col, DatePicker, Flex, Form, Input, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { CONTACT_CHANNELS, contactCreate } from '../../../shared/schemas/customers.ts';
import {
  type ContactInput,
  type ContactView,
  useCreateContact,
  useUpdateContact,
} from '../../api/customers.ts';
import { FormDrawer } from '../../components/FormDrawer.tsx';
import { useFormErrors, zodRule } from '../../components/form-errors.ts';
import { useT } from '../../i18n/context.ts';
import { dayjs } from '../../i18n/format.ts';
import { useCustomerLabels } from './labels.tsx';

interface Values {
  name: string;
  title?: string;
  department?: string;
  mobile?: string;
  phone?: string;
  email?: string;
  wechat?: string;
  birthday?: Dayjs | null;
  preferredChannel?: (typeof CONTACT_CHANNELS)[number] | null;
  isPrimary?: boolean;
  isActive?: boolean;
  notes?: string;
}

const shape = contactCreate.shape;
const text = (v: string | undefined) => (v?.trim() ? v.trim() : null);
const MASKABLE = ['mobile', 'phone', 'email', 'wechat'] as const;

function toInput(v: Values): ContactInput {
  return {
    name: v.name.trim(),
    title: text(v.title),
    department: text(v.department),
    mobile: text(v.mobile),
    phone: text(v.phone),
    email: text(v.email),
    wechat: text(v.wechat),
    birthday: v.birthday ? v.birthday.format('YYYY-MM-DD') : null,
    preferredChannel: v.preferredChannel ?? null,
    isPrimary: v.isPrimary ?? false,
    isActive: v.isActive ?? true,
    notes: text(v.notes),
  };
}

/** Add or edit a contact. Masked phones and emails start blank and are kept unless a new value is typed. */
export function ContactDrawer({
  customerId,
  contact,
  open,
  onClose,
}: {
  customerId: number;
  contact: ContactView | null;
  open: boolean;
  onClose: () => void;
}) {
  const t = useT();
  const labels = useCustomerLabels();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const create = useCreateContact(customerId);
  const update = useUpdateContact();
  const formErrors = useFormErrors();
  const masked = contact?.masked ?? false;
  const hidden = (v: string | null) => (masked ? '' : (v ?? ''));
  const initial: Values = contact
    ? {
        name: contact.name,
        title: contact.title ?? '',
        department: contact.department ?? '',
        mobile: hidden(contact.mobile),
        phone: hidden(contact.phone),
        email: hidden(contact.email),
        wechat: hidden(contact.wechat),
        birthday: contact.birthday ? dayjs(contact.birthday) : null,
        preferredChannel: (contact.preferredChannel as Values['preferredChannel']) ?? null,
        isPrimary: contact.isPrimary,
        isActive: contact.isActive,
        notes: contact.notes ?? '',
      }
    : { name: '', isPrimary: false, isActive: true };
  const maskedExtra = (field: (typeof MASKABLE)[number]) =>
    masked && contact?.[field] ? t('customers.f.maskedHint', { masked: contact[field] ?? '' }) : undefined;

  const done = (text: string) => {
    void message.success(text);
    onClose();
  };
  const submit = (values: Values) => {
    const onError = (error: unknown) => formErrors(form, error);
    const input = toInput(values);
    if (!contact) {
      create.mutate(input, { onSuccess: () => done(t('customers.contact.created')), onError });
      return;
    }
    const before = toInput(initial);
    const patch = Object.fromEntries(
      Object.entries(input).filter(
        ([key, value]) => JSON.stringify(value) !== JSON.stringify(before[key as keyof ContactInput]),
      ),
    );
    if (Object.keys(patch).length === 0) return onClose();
    update.mutate({ id: contact.id, patch }, { onSuccess: () => done(t('common.saved')), onError });
  };

  const field = (name: keyof Values & keyof typeof shape, label: string, extra?: string) => (
    <Form.Item name={name} label={label} rules={[zodRule(shape[name])]} extra={extra}>
      <Input maxLength={100} data-testid={`contact-${name}`} />
    </Form.Item>
  );

  return (
    <FormDrawer<Values>
      open={open}
      onClose={onClose}
      size={560}
      title={contact ? t('customers.contact.edit') : t('customers.contact.add')}
      testId="contact-drawer"
      form={form}
      onFinish={submit}
      pending={create.isPending || update.isPending}
      submitTestId="contact-save"
      formProps={{ name: 'contact', initialValues: initial }}
    >
      <Form.Item
        name="name"
        label={t('customers.contact.name')}
        rules={[{ required: true, whitespace: true }, zodRule(shape.name)]}
      >
        <Input maxLength={100} data-testid="contact-name" />
      </Form.Item>
      <Row gutter={16}>
        <Col span={12}>{field('title', t('customers.contact.title'))}</Col>
        <Col span={12}>{field('department', t('customers.contact.department'))}</Col>
        <Col span={12}>{field('mobile', t('customers.contact.mobile'), maskedExtra('mobile'))}</Col>
        <Col span={12}>{field('phone', t('customers.contact.phone'), maskedExtra('phone'))}</Col>
        <Col span={12}>
          <Form.Item
            name="email"
            label={t('customers.contact.email')}
            rules={[zodRule(shape.email, t('common.invalidEmail'))]}
            extra={maskedExtra('email')}
          >
            <Input inputMode="email" maxLength={200} data-testid="contact-email" />
          </Form.Item>
        </Col>
        <Col span={12}>{field('wechat', t('customers.contact.wechat'), maskedExtra('wechat'))}</Col>
        <Col span={12}>
          <Form.Item name="birthday" label={t('customers.contact.birthday')}>
            <DatePicker style={{ width: '100%' }} data-testid="contact-birthday" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="preferredChannel" label={t('customers.contact.preferredChannel')}>
            <Select
              allowClear
              options={CONTACT_CHANNELS.map((c) => ({ value: c, label: labels.channel(c) }))}
              data-testid="contact-channel"
            />
          </Form.Item>
        </Col>
      </Row>
      <Flex gap={24}>
        <Form.Item name="isPrimary" valuePropName="checked">
          <Checkbox data-testid="contact-primary">{t('customers.contact.isPrimary')}</Checkbox>
        </Form.Item>
        <Form.Item name="isActive" valuePropName="checked">
          <Checkbox>{t('customers.contact.isActive')}</Checkbox>
        </Form.Item>
      </Flex>
      <Form.Item name="notes" label={t('customers.contact.notes')} rules={[zodRule(shape.notes)]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={2000} />
      </Form.Item>
    </FormDrawer>
  );
}
