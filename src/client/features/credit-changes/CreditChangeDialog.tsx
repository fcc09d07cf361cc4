import { CreditCardOutlined } from '@ant-design/icons';
import { Alert, App, Button, Col, Flex, Form, Input, InputNumber, Modal, Radio, Row, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useCreditChanges, useRequestCreditChange } from '../../api/credit-changes.ts';
import { useCan } from '../../api/session.ts';
import { colon } from '../../components/labels.ts';
import { moneyInput } from '../../components/money.ts';
import { errorText } from '../../components/states.tsx';
import { useI18n, useT } from '../../i18n/context.ts';
import { useCreditFormat } from './labels.tsx';

type CreditLevel = 'I' | 'II' | 'III';
const LEVELS: CreditLevel[] = ['I', 'II', 'III'];

/** What the dialog needs of a customer (CustomerDetail has all of it). */
export interface CreditCustomer {
  id: number;
  name: string;
  creditLevel: CreditLevel | null;
  creditLimit: number | null;
  creditPeriodDays: number | null;
  lifecycle?: string;
}

interface Values {
  toLevel: CreditLevel;
  toLimit?: number | null;
  toPeriodDays?: number | null;
  reason: string;
}

const same = (a: number | null | undefined, b: number | null) => (a ?? null) === b;

/**
 * 信用级别调整 (001 §4.2.2): sales asks for new credit terms with a reason; the `credit_change` flow decides.
 * Shows the terms now beside the new ones; a change already in approval is pointed to instead.
 */
export function CreditChangeDialog({
  customer,
  open,
  onClose,
}: {
  customer: CreditCustomer;
  open: boolean;
  onClose: () => void;
}) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const fmt = useCreditFormat();
  const [form] = Form.useForm<Values>();
  const request = useRequestCreditChange();
  const pendingList = useCreditChanges({ customerId: customer.id, status: 'pending' }, open);
  const pending = pendingList.data?.pages[0]?.items[0];

  const submit = (v: Values) => {
    if (
      v.toLevel === customer.creditLevel &&
      same(v.toLimit, customer.creditLimit) &&
      same(v.toPeriodDays, customer.creditPeriodDays)
    ) {
      form.setFields([{ name: 'toLevel', errors: [t('creditChange.noChange')] }]);
      return;
    }
    request.mutate(
      {
        customerId: customer.id,
        input: {
          toLevel: v.toLevel,
          toLimit: v.toLimit ?? null,
          toPeriodDays: v.toPeriodDays ?? null,
          reason: v.reason.trim(),
        },
      },
      {
        onSuccess: () => {
          void message.success(t('creditChange.submitted'));
          onClose();
        },
      },
    );
  };

  const current = (value: string) => (
    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
      {t('creditChange.current')}
      {colon(locale)}
      {value}
    </Typography.Text>
  );

  return (
    <Modal
      open={open}
      onCancel={onClose}
      title={t('creditChange.title', { name: customer.name })}
      destroyOnHidden
      width={600}
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            loading={request.isPending}
            disabled={!!pending}
            onClick={() => form.submit()}
            data-testid="credit-change-submit"
          >
            {t('creditChange.submit')}
          </Button>
        </Flex>
      }
    >
      <div data-testid="credit-change-dialog">
        {pending ? (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            title={t('creditChange.pending')}
            description={
              pending.approvalRequestId ? (
                <Link to={`/approvals/${pending.approvalRequestId}`} onClick={onClose}>
                  {`${fmt.level(pending.fromLevel)} → ${fmt.level(pending.toLevel)} · ${t('admission.action.viewApproval')}`}
                </Link>
              ) : undefined
            }
          />
        ) : null}
        {request.error ? (
          <Alert type="error" showIcon title={errorText(request.error)} style={{ marginBottom: 12 }} />
        ) : null}
        <Form<Values>
          form={form}
          layout="vertical"
          onFinish={submit}
          disabled={!!pending}
          initialValues={{
            toLevel: customer.creditLevel ?? undefined,
            toLimit: customer.creditLimit,
            toPeriodDays: customer.creditPeriodDays,
          }}
        >
          <Form.Item
            name="toLevel"
            label={t('approvals.credit.level')}
            rules={[{ required: true }]}
            extra={current(fmt.level(customer.creditLevel))}
          >
            <Radio.Group data-testid="credit-change-level">
              {LEVELS.map((l) => (
                <Radio.Button key={l} value={l} style={{ height: 'auto' }}>
                  <span
                    data-testid={`credit-change-level-${l}`}
                    style={{ display: 'inline-block', padding: '4px 2px', lineHeight: 1.4 }}
                  >
                    <strong>{t('admission.level', { level: l })}</strong>
                    <br />
                    <span style={{ fontSize: 12, opacity: 0.75 }}>{t(`admission.levelHint.${l}`)}</span>
                  </span>
                </Radio.Button>
              ))}
            </Radio.Group>
          </Form.Item>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item
                name="toLimit"
                label={t('admission.f.creditLimit')}
                extra={current(fmt.money(customer.creditLimit))}
              >
                <InputNumber<number> min={0} step={10000} style={{ width: '100%' }} {...moneyInput} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="toPeriodDays"
                label={t('admission.f.creditPeriod')}
                extra={current(fmt.days(customer.creditPeriodDays))}
              >
                <InputNumber<number> min={0} max={3650} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item
            name="reason"
            label={t('creditChange.reason')}
            extra={t('creditChange.reasonHint')}
            rules={[{ required: true, whitespace: true }]}
          >
            <Input.TextArea rows={4} maxLength={2000} showCount data-testid="credit-change-reason" />
          </Form.Item>
        </Form>
      </div>
    </Modal>
  );
}

/** The "信用调整" button for a customer's header: only for credit.request and an admitted customer. */
export function CreditChangeButton({ customer }: { customer: CreditCustomer }) {
  const t = useT();
  const can = useCan();
  const [open, setOpen] = useState(false);
  if (!can('credit.request')) return null;
  if (customer.lifecycle && customer.lifecycle !== 'active' && customer.lifecycle !== 'dormant') return null;
  return (
    <>
      <Button icon={<CreditCardOutlined />} onClick={() => setOpen(true)} data-testid="credit-change-open">
        {t('creditChange.action')}
      </Button>
      <CreditChangeDialog customer={customer} open={open} onClose={() => setOpen(false)} />
    </>
  );
}
