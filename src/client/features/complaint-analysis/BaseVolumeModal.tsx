import { App, AutoComplete, Button, Form, InputNumber, Modal, Typography } from 'antd';
import { baseVolumeInput } from '../../../shared/schemas/complaint-analysis.ts';
import { type MonthlyAnalysis, useClearBaseVolume, useSetBaseVolume } from '../../api/complaint-analysis.ts';
import { useFormErrors, useNotifyError, zodRule } from '../../components/form-errors.ts';
import { testIdProps } from '../../components/test-id.ts';
import { useT } from '../../i18n/context.ts';

interface Values {
  volume: number | null;
  label: string;
}

/** 投诉率基数: the month's delivery or shipment lots (or orders delivered) that the rate is taken of. */
export function BaseVolumeModal({
  month,
  rate,
  onClose,
}: {
  month: string;
  /** The month's rate as loaded, for the base entered so far; undefined while another month shows. */
  rate: MonthlyAnalysis['rate'] | undefined;
  onClose: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSetBaseVolume(month);
  const clear = useClearBaseVolume(month);
  const formErrors = useFormErrors();
  const notifyError = useNotifyError();
  const entered = rate?.base.source === 'entered' ? rate.base : null;
  const suggestions = (['shipments', 'deliveries', 'orders'] as const).map((k) => ({
    value: t(`complaintAnalysis.base.${k}`),
  }));

  const submit = (values: Values) =>
    save.mutate(
      { volume: values.volume ?? 0, label: values.label?.trim() ? values.label.trim() : null },
      {
        onSuccess: () => {
          void message.success(t('complaintAnalysis.base.saved'));
          onClose();
        },
        onError: (error) => formErrors(form, error),
      },
    );

  return (
    <Modal
      open
      title={t('complaintAnalysis.base.title', { month })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('complaintAnalysis.base.save')}
      confirmLoading={save.isPending}
      okButtonProps={testIdProps('analysis-base-save')}
      destroyOnHidden
      data-testid="analysis-base-modal"
      footer={(buttons) => (
        <>
          {entered ? (
            <Button
              danger
              loading={clear.isPending}
              onClick={() =>
                clear.mutate(undefined, {
                  onSuccess: () => {
                    void message.success(t('complaintAnalysis.base.cleared'));
                    onClose();
                  },
                  onError: notifyError,
                })
              }
              data-testid="analysis-base-clear"
            >
              {t('complaintAnalysis.base.clear')}
            </Button>
          ) : null}
          {buttons}
        </>
      )}
    >
      <Typography.Paragraph type="secondary">{t('complaintAnalysis.base.intro')}</Typography.Paragraph>
      <Form<Values>
        form={form}
        layout="vertical"
        name="complaint-base"
        onFinish={submit}
        initialValues={{ volume: entered?.volume ?? null, label: entered?.label ?? '' }}
      >
        <Form.Item
          name="volume"
          label={t('complaintAnalysis.base.volume')}
          rules={[{ required: true }, zodRule(baseVolumeInput.shape.volume)]}
        >
          <InputNumber min={1} precision={0} style={{ width: '100%' }} data-testid="analysis-base-volume" />
        </Form.Item>
        <Form.Item name="label" label={t('complaintAnalysis.base.label')}>
          <AutoComplete
            options={suggestions}
            placeholder={t('complaintAnalysis.base.labelHint')}
            maxLength={60}
            data-testid="analysis-base-label"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
