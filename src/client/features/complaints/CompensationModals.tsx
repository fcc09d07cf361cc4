import { App, Form, Input, InputNumber, Modal, Select, Typography } from 'antd';
import { COMPENSATION_KINDS, type CompensationKind } from '../../../shared/complaints/complaint-flow.ts';
import {
  type CompensationView,
  useExecuteCompensation,
  useRequestCompensation,
} from '../../api/complaints.ts';
import { useFormErrors } from '../../components/form-errors.ts';
import { moneyInput } from '../../components/money.ts';
import { testIdProps } from '../../components/test-id.ts';
import { useT } from '../../i18n/context.ts';
import { useComplaintLabels } from './labels.tsx';

interface RequestValues {
  kind: CompensationKind;
  amount: number;
  description: string;
}

/** 补货、补偿及赔偿 申请: goes to approval (the amount decides how far up). */
export function CompensationRequestModal({
  complaintId,
  open,
  onClose,
}: {
  complaintId: number;
  open: boolean;
  onClose: () => void;
}) {
  const t = useT();
  const labels = useComplaintLabels();
  const { message } = App.useApp();
  const [form] = Form.useForm<RequestValues>();
  const request = useRequestCompensation(complaintId);
  const formErrors = useFormErrors();
  const required = { required: true, message: t('complaints.step.required') };

  const submit = (v: RequestValues) =>
    request.mutate(
      { kind: v.kind, amount: v.amount, description: v.description.trim() },
      {
        onSuccess: () => {
          void message.success(t('complaints.comp.requested'));
          onClose();
        },
        onError: (error) => formErrors(form, error),
      },
    );

  return (
    <Modal
      open={open}
      title={t('complaints.comp.request')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('complaints.comp.submit')}
      confirmLoading={request.isPending}
      okButtonProps={testIdProps('compensation-submit')}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('complaints.comp.requestHint')}</Typography.Paragraph>
      <Form<RequestValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        preserve={false}
        initialValues={{ kind: 'replenishment' }}
      >
        <Form.Item name="kind" label={t('complaints.comp.kind')} rules={[required]}>
          <Select
            options={COMPENSATION_KINDS.map((k) => ({ value: k, label: labels.compensationKind(k) }))}
            data-testid="compensation-field-kind"
          />
        </Form.Item>
        <Form.Item name="amount" label={t('complaints.comp.amount')} rules={[required]}>
          <InputNumber<number>
            min={0}
            max={99_999_999_999_999}
            style={{ width: 220 }}
            prefix="¥"
            {...moneyInput}
            data-testid="compensation-field-amount"
          />
        </Form.Item>
        <Form.Item
          name="description"
          label={t('complaints.comp.description')}
          rules={[{ ...required, whitespace: true }]}
        >
          <Input.TextArea
            autoSize={{ minRows: 3, maxRows: 8 }}
            maxLength={2000}
            data-testid="compensation-field-description"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 已执行: the approved compensation was delivered (goods sent, money paid…), with a note of how. */
export function CompensationExecuteModal({
  compensation,
  onClose,
}: {
  compensation: CompensationView | null;
  onClose: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ note: string }>();
  const execute = useExecuteCompensation();
  const formErrors = useFormErrors();

  const submit = (v: { note: string }) => {
    if (!compensation) return;
    execute.mutate(
      { id: compensation.id, note: v.note.trim() },
      {
        onSuccess: () => {
          void message.success(t('complaints.comp.executed'));
          onClose();
        },
        onError: (error) => formErrors(form, error),
      },
    );
  };

  return (
    <Modal
      open={compensation !== null}
      title={t('complaints.comp.execute')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('complaints.comp.execute')}
      confirmLoading={execute.isPending}
      okButtonProps={testIdProps('compensation-execute-submit')}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit} preserve={false}>
        <Form.Item
          name="note"
          label={t('complaints.comp.executionNote')}
          rules={[{ required: true, whitespace: true, message: t('complaints.step.required') }]}
        >
          <Input.TextArea
            autoSize={{ minRows: 3, maxRows: 8 }}
            maxLength={2000}
            data-testid="compensation-execute-note"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
