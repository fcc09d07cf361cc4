import { AuditOutlined } from '@ant-design/icons';
import { Alert, App, Button, DatePicker, Flex, Form, Input, InputNumber, Radio, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { RETURN_DISPOSITIONS } from '../../../shared/schemas/returns.ts';
import { type ReturnDetail, type ReturnDisposition, useDisposeReturn } from '../../api/returns.ts';
import { useFormErrors } from '../../components/form-errors.ts';
import { moneyInput } from '../../components/money.ts';
import { useT } from '../../i18n/context.ts';

interface Values {
  disposition?: ReturnDisposition;
  note?: string;
  reworkInstructions?: string;
  reworkDueDate?: Dayjs | null;
  replacementPlannedDate?: Dayjs | null;
  refundAmount?: number | null;
}

const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);

/**
 * 处置 (营业部): rework with a 《返工通知单》 for 生产部, replacement with 资材部's planned delivery,
 * scrap, or a refund that goes to compensation approval first.
 */
export function DisposeForm({ notice }: { notice: ReturnDetail }) {
  const t = useT();
  const { message } = App.useApp();
  const formErrors = useFormErrors();
  const [form] = Form.useForm<Values>();
  const dispose = useDisposeReturn();
  const disposition = Form.useWatch('disposition', form);

  const submit = async () => {
    const v = await form.validateFields();
    if (!v.disposition) return;
    dispose.mutate(
      {
        id: notice.id,
        input: {
          disposition: v.disposition,
          note: v.note ?? null,
          reworkInstructions: v.disposition === 'rework' ? (v.reworkInstructions ?? null) : null,
          reworkDueDate: v.disposition === 'rework' ? day(v.reworkDueDate) : null,
          replacementPlannedDate: v.disposition === 'replace' ? day(v.replacementPlannedDate) : null,
          refundAmount: v.disposition === 'refund' ? (v.refundAmount ?? null) : null,
        },
      },
      {
        onSuccess: () => void message.success(t('returns.dispose.done')),
        onError: (error) => formErrors(form, error),
      },
    );
  };

  return (
    <Form<Values> form={form} layout="vertical" name="return-dispose" data-testid="return-dispose-form">
      {notice.inspected.defectConfirmed === false ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('returns.defectNotConfirmed')}
          description={t('returns.defectNotConfirmedHint')}
        />
      ) : null}
      <Form.Item
        name="disposition"
        label={t('returns.dispose.kind')}
        rules={[{ required: true, message: t('returns.dispose.kindRequired') }]}
      >
        <Radio.Group data-testid="return-dispose-kind">
          <Flex vertical gap={8}>
            {RETURN_DISPOSITIONS.map((d) => (
              <Radio key={d} value={d} data-testid={`return-dispose-${d}`}>
                <Typography.Text strong>{t(`returns.disposition.${d}`)}</Typography.Text>
                <Typography.Text type="secondary"> — {t(`returns.dispositionHint.${d}`)}</Typography.Text>
              </Radio>
            ))}
          </Flex>
        </Radio.Group>
      </Form.Item>
      {disposition === 'rework' ? (
        <>
          <Form.Item
            name="reworkInstructions"
            label={t('returns.dispose.reworkInstructions')}
            rules={[
              { required: true, whitespace: true, message: t('returns.dispose.reworkInstructionsRequired') },
            ]}
          >
            <Input.TextArea rows={3} maxLength={4000} data-testid="return-rework-instructions" />
          </Form.Item>
          <Form.Item
            name="reworkDueDate"
            label={t('returns.dispose.reworkDueDate')}
            rules={[{ required: true, message: t('returns.dispose.dateRequired') }]}
          >
            <DatePicker style={{ width: 200 }} data-testid="return-rework-due" />
          </Form.Item>
        </>
      ) : null}
      {disposition === 'replace' ? (
        <Form.Item
          name="replacementPlannedDate"
          label={t('returns.dispose.replacementPlannedDate')}
          extra={t('returns.dispose.replacementHint')}
          rules={[{ required: true, message: t('returns.dispose.dateRequired') }]}
        >
          <DatePicker style={{ width: 200 }} data-testid="return-replacement-date" />
        </Form.Item>
      ) : null}
      {disposition === 'refund' ? (
        <Form.Item
          name="refundAmount"
          label={t('returns.dispose.refundAmount')}
          extra={t('returns.dispose.refundHint')}
          rules={[
            { required: true, type: 'number', min: 0.01, message: t('returns.dispose.refundRequired') },
          ]}
        >
          <InputNumber<number>
            min={0}
            precision={2}
            prefix="¥"
            style={{ width: 220 }}
            {...moneyInput}
            data-testid="return-refund-amount"
          />
        </Form.Item>
      ) : null}
      <Form.Item name="note" label={t('returns.dispose.note')}>
        <Input.TextArea rows={2} maxLength={2000} data-testid="return-dispose-note" />
      </Form.Item>
      <Button
        type="primary"
        icon={<AuditOutlined />}
        loading={dispose.isPending}
        onClick={() => void submit().catch(() => undefined)}
        data-testid="return-dispose-submit"
      >
        {t('returns.dispose.submit')}
      </Button>
    </Form>
  );
}
