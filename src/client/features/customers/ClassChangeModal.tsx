import { BulbOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Form, Input, Modal, Select, Skeleton, Typography } from 'antd';
import { CUSTOMER_CLASSES, classChange } from '../../../shared/schemas/customers.ts';
import {
  type ClassSuggestion,
  type CustomerDetail,
  useChangeClass,
  useClassSuggestion,
  useCustomerSettings,
} from '../../api/customers.ts';
import { useFormErrors, zodRule } from '../../components/form-errors.ts';
import { formatMoney } from '../../components/money.ts';
import { testIdProps } from '../../components/test-id.ts';
import { useI18n } from '../../i18n/context.ts';
import { ClassTag, useCustomerLabels } from './labels.tsx';

interface Values {
  class: 'A' | 'B' | 'C' | 'none';
  reason: string;
}

const RULES = ['sales_a', 'sales_b', 'requests_b', 'sales_c', 'no_sales'] as const;

/** "建议：A 类" and the facts it rests on: sales, requests in the last year, days since the last contact. */
function SuggestionCard({ suggestion, onApply }: { suggestion: ClassSuggestion; onApply: () => void }) {
  const { t, locale } = useI18n();
  const settings = useCustomerSettings();
  const s = settings.data;
  const f = suggestion.facts;
  const rule = (RULES as readonly string[]).includes(f.rule) ? (f.rule as (typeof RULES)[number]) : null;
  const min =
    rule === 'sales_a'
      ? formatMoney(s?.classAMinSales, locale)
      : rule === 'sales_b' || rule === 'sales_c'
        ? formatMoney(s?.classBMinSales, locale)
        : String(s?.classBMinRequests ?? '—');
  const same = suggestion.current === suggestion.suggested;
  return (
    <Card size="small" style={{ marginBottom: 16, background: '#fffbe6' }} data-testid="class-suggestion">
      <Flex justify="space-between" align="center" gap={8} wrap>
        <Flex gap={8} align="center">
          <BulbOutlined style={{ color: '#d48806' }} />
          <Typography.Text strong>
            {t('customers.cls.suggested', { class: suggestion.suggested })}
          </Typography.Text>
          {same ? <Typography.Text type="secondary">{t('customers.cls.same')}</Typography.Text> : null}
        </Flex>
        {same ? null : (
          <Button size="small" onClick={onApply} data-testid="class-suggestion-apply">
            {t('customers.cls.apply')}
          </Button>
        )}
      </Flex>
      <ul style={{ margin: '8px 0 0', paddingInlineStart: 20 }}>
        <li>
          {f.annualSales === null
            ? t('customers.cls.facts.noSales')
            : t('customers.cls.facts.sales', { amount: formatMoney(f.annualSales, locale) })}
        </li>
        <li>{t('customers.cls.facts.requests', { n: f.requestsLastYear })}</li>
        <li>
          {f.daysSinceActivity === null
            ? t('customers.cls.facts.noActivity')
            : t('customers.cls.facts.days', { n: f.daysSinceActivity })}
        </li>
        {rule ? (
          <li>
            <Typography.Text type="secondary">{t(`customers.cls.rule.${rule}`, { min })}</Typography.Text>
          </li>
        ) : null}
      </ul>
    </Card>
  );
}

/** 调整客户等级: the new class, why, and what sales and activity suggest. */
export function ClassChangeModal({
  customer,
  open,
  onClose,
}: {
  customer: CustomerDetail;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const labels = useCustomerLabels();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const suggestion = useClassSuggestion(customer.id, open);
  const change = useChangeClass(customer.id);
  const formErrors = useFormErrors();

  const submit = (values: Values) =>
    change.mutate(
      { class: values.class === 'none' ? null : values.class, reason: values.reason.trim() },
      {
        onSuccess: () => {
          void message.success(t('customers.cls.done'));
          onClose();
        },
        onError: (error) => formErrors(form, error),
      },
    );

  return (
    <Modal
      open={open}
      title={t('customers.cls.title')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      confirmLoading={change.isPending}
      okButtonProps={testIdProps('customer-class-submit')}
      destroyOnHidden
    >
      <Flex gap={8} align="center" style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary">{t('customers.cls.current')}</Typography.Text>
        <ClassTag value={customer.class} />
        {customer.classReason ? (
          <Typography.Text type="secondary" ellipsis style={{ maxWidth: 300 }}>
            {customer.classReason}
          </Typography.Text>
        ) : null}
      </Flex>
      {suggestion.isPending ? (
        <Skeleton active paragraph={{ rows: 2 }} />
      ) : suggestion.data ? (
        <SuggestionCard
          suggestion={suggestion.data}
          onApply={() => form.setFieldValue('class', suggestion.data.suggested)}
        />
      ) : null}
      <Form<Values>
        form={form}
        layout="vertical"
        name="class-change"
        initialValues={{ class: customer.class ?? 'none', reason: '' }}
        onFinish={submit}
      >
        <Form.Item name="class" label={t('customers.cls.class')} rules={[{ required: true }]}>
          <Select
            options={[
              ...CUSTOMER_CLASSES.map((c) => ({ value: c, label: labels.classLong(c) })),
              { value: 'none', label: t('customers.class.none') },
            ]}
            data-testid="customer-class-select"
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('customers.cls.reason')}
          rules={[{ required: true, whitespace: true }, zodRule(classChange.shape.reason)]}
        >
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 5 }}
            maxLength={500}
            placeholder={t('customers.cls.reasonHint')}
            data-testid="customer-class-reason"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
