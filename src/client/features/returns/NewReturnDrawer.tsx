import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Col, Form, Input, InputNumber, Row, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { type ReturnCreateInput, useComplaintSummary, useCreateReturn } from '../../api/returns.ts';
import { useCan } from '../../api/session.ts';
import { FormDrawer } from '../../components/FormDrawer.tsx';
import { useFormErrors } from '../../components/form-errors.ts';
import { useT } from '../../i18n/context.ts';
import { ComplaintPicker, CustomerPicker, type Picked } from './Pickers.tsx';

interface ItemValues {
  product?: string;
  spec?: string;
  unit?: string;
  quantity?: number | null;
}
interface Values {
  customerId?: number;
  complaintId?: number;
  orderRef?: string;
  reason?: string;
  items: ItemValues[];
}

const MAX_ITEMS = 100;
const BLANK_ITEM: ItemValues = { product: '', spec: '', unit: '', quantity: null };

/** 《退货通知单》: customer (or the complaint's), order, reason and the goods coming back. */
export function NewReturnDrawer({
  open,
  complaintId,
  onClose,
  onCreated,
}: {
  open: boolean;
  complaintId: number | undefined;
  onClose: () => void;
  onCreated: (id: number) => void;
}) {
  const t = useT();
  const can = useCan();
  const { message } = App.useApp();
  const formErrors = useFormErrors();
  const [form] = Form.useForm<Values>();
  const create = useCreateReturn();
  const [customer, setCustomer] = useState<Picked | null>(null);
  const [complaint, setComplaint] = useState<Picked | null>(null);
  const customerId = Form.useWatch('customerId', form);
  const mayPickComplaint = can('complaint.read');
  const preset = useComplaintSummary(complaintId, open && mayPickComplaint);

  // Opened from a complaint: link it and take its customer.
  useEffect(() => {
    const c = preset.data;
    if (!open || !c) return;
    setComplaint({ id: c.id, label: [c.number, c.customerName].filter(Boolean).join(' · ') });
    form.setFieldValue('complaintId', c.id);
    if (c.customerId && c.customerName && !form.getFieldValue('customerId')) {
      setCustomer({ id: c.customerId, label: c.customerName });
      form.setFieldValue('customerId', c.customerId);
    }
  }, [open, preset.data, form]);

  const submit = (v: Values) => {
    const input: ReturnCreateInput = {
      customerId: v.customerId ?? null,
      complaintId: v.complaintId ?? null,
      orderRef: v.orderRef ?? null,
      reason: v.reason ?? '',
      items: v.items.map((i) => ({
        product: i.product ?? '',
        spec: i.spec ?? null,
        unit: i.unit ?? null,
        quantity: i.quantity ?? 0,
      })),
    };
    create.mutate(input, {
      onSuccess: (notice) => {
        void message.success(t('returns.created', { number: notice.number }));
        form.resetFields();
        onCreated(notice.id);
      },
      onError: (error) => formErrors(form, error),
    });
  };

  return (
    <FormDrawer<Values>
      open={open}
      onClose={onClose}
      size={760}
      title={t('returns.new')}
      testId="return-drawer"
      form={form}
      onFinish={submit}
      pending={create.isPending}
      submitLabel={t('returns.form.create')}
      submitTestId="return-create-submit"
      formProps={{ initialValues: { items: [BLANK_ITEM] }, name: 'return-new' }}
    >
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item
            name="customerId"
            label={t('returns.field.customer')}
            extra={mayPickComplaint ? t('returns.form.customerHint') : undefined}
          >
            <CustomerPicker known={customer} />
          </Form.Item>
        </Col>
        {mayPickComplaint ? (
          <Col xs={24} md={12}>
            <Form.Item name="complaintId" label={t('returns.field.complaint')}>
              <ComplaintPicker
                customerId={customerId}
                known={complaint}
                onPick={(picked) => {
                  if (!picked || form.getFieldValue('customerId')) return;
                  setCustomer(picked);
                  form.setFieldValue('customerId', picked.id);
                }}
              />
            </Form.Item>
          </Col>
        ) : null}
        <Col xs={24} md={12}>
          <Form.Item name="orderRef" label={t('returns.field.orderRef')} rules={[{ max: 100 }]}>
            <Input maxLength={100} data-testid="return-order-ref" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        name="reason"
        label={t('returns.field.reason')}
        rules={[{ required: true, whitespace: true, message: t('returns.form.reasonRequired') }]}
      >
        <Input.TextArea rows={3} maxLength={2000} showCount data-testid="return-reason" />
      </Form.Item>
      <Typography.Title level={5}>{t('returns.section.items')}</Typography.Title>
      <Form.List
        name="items"
        rules={[
          {
            validator: async (_, items: ItemValues[] | undefined) => {
              if (!items?.length) throw new Error(t('returns.form.itemsRequired'));
            },
          },
        ]}
      >
        {(fields, { add, remove }, { errors }) => (
          <div data-testid="return-items-editor">
            {fields.map((field, index) => (
              <Row gutter={8} key={field.key} align="top" data-testid="return-item-row">
                <Col flex="24px" style={{ paddingTop: 5 }}>
                  <Typography.Text type="secondary">{index + 1}</Typography.Text>
                </Col>
                <Col flex="2 1 160px">
                  <Form.Item
                    name={[field.name, 'product']}
                    rules={[{ required: true, whitespace: true, message: t('returns.form.productRequired') }]}
                  >
                    <Input
                      placeholder={t('returns.field.product')}
                      maxLength={200}
                      data-testid={`return-item-product-${index}`}
                    />
                  </Form.Item>
                </Col>
                <Col flex="1 1 110px">
                  <Form.Item name={[field.name, 'spec']}>
                    <Input placeholder={t('returns.field.spec')} maxLength={200} />
                  </Form.Item>
                </Col>
                <Col flex="0 0 80px">
                  <Form.Item name={[field.name, 'unit']}>
                    <Input placeholder={t('returns.field.unit')} maxLength={20} />
                  </Form.Item>
                </Col>
                <Col flex="0 0 120px">
                  <Form.Item
                    name={[field.name, 'quantity']}
                    rules={[
                      {
                        required: true,
                        type: 'number',
                        min: 0.001,
                        message: t('returns.form.quantityRequired'),
                      },
                    ]}
                  >
                    <InputNumber
                      min={0}
                      placeholder={t('returns.field.quantity')}
                      style={{ width: '100%' }}
                      data-testid={`return-item-quantity-${index}`}
                    />
                  </Form.Item>
                </Col>
                <Col flex="32px">
                  <Button
                    type="text"
                    icon={<DeleteOutlined />}
                    disabled={fields.length <= 1}
                    onClick={() => remove(field.name)}
                    aria-label={t('returns.form.removeItem')}
                  />
                </Col>
              </Row>
            ))}
            <Form.ErrorList errors={errors} />
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              disabled={fields.length >= MAX_ITEMS}
              onClick={() => add({ ...BLANK_ITEM })}
              data-testid="return-item-add"
              block
            >
              {t('returns.form.addItem')}
            </Button>
          </div>
        )}
      </Form.List>
    </FormDrawer>
  );
}
