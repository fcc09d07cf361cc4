import { App, Flex, Form, Input, InputNumber, Radio, Select } from 'antd';
import { CALL_RESULTS, callCreate } from '../../../shared/schemas/calls.ts';
import { useLogCall } from '../../api/calls.ts';
import { FormDrawer } from '../../components/FormDrawer.tsx';
import { useFormErrors, zodRule } from '../../components/form-errors.ts';
import { useT } from '../../i18n/context.ts';
import { TicketPicker } from '../tickets/TicketPicker.tsx';

interface Values {
  direction: 'inbound' | 'outbound';
  number: string;
  minutes?: number;
  seconds?: number;
  purpose?: string;
  result?: (typeof CALL_RESULTS)[number];
  notes?: string;
  ticketId?: number;
}

const blank = (v: string | undefined) => (v?.trim() ? v.trim() : null);

/** 登记通话: an inbound or outbound call with its purpose, result and the request it belongs to. */
export function CallDrawer({
  open,
  onClose,
  initial,
}: {
  open: boolean;
  onClose: () => void;
  initial?: Partial<Values>;
}) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const log = useLogCall();
  const formErrors = useFormErrors();
  const { message } = App.useApp();
  const shape = callCreate.shape;

  const submit = (v: Values) => {
    const duration = (v.minutes ?? 0) * 60 + (v.seconds ?? 0);
    log.mutate(
      {
        direction: v.direction,
        number: v.number.trim(),
        durationSeconds: v.minutes === undefined && v.seconds === undefined ? null : duration,
        purpose: blank(v.purpose),
        result: v.result ?? null,
        notes: blank(v.notes),
        ticketId: v.ticketId ?? null,
      },
      {
        onSuccess: () => {
          void message.success(t('calls.logged'));
          onClose();
        },
        onError: (error) => formErrors(form, error),
      },
    );
  };

  return (
    <FormDrawer<Values>
      open={open}
      onClose={onClose}
      size={480}
      title={t('calls.log')}
      testId="call-drawer"
      form={form}
      onFinish={submit}
      pending={log.isPending}
      submitTestId="call-submit"
      formProps={{ initialValues: { direction: 'inbound', ...initial } }}
    >
      <Form.Item name="direction" label={t('calls.directionLabel')}>
        <Radio.Group
          optionType="button"
          options={[
            { value: 'inbound', label: t('calls.direction.inbound') },
            { value: 'outbound', label: t('calls.direction.outbound') },
          ]}
        />
      </Form.Item>
      <Form.Item
        name="number"
        label={t('calls.number')}
        rules={[{ required: true, whitespace: true }, zodRule(shape.number, t('calls.numberInvalid'))]}
      >
        <Input inputMode="tel" maxLength={40} data-testid="call-number" />
      </Form.Item>
      <Form.Item label={t('calls.duration')}>
        <Flex gap={8} align="center">
          <Form.Item name="minutes" noStyle>
            <InputNumber
              min={0}
              max={1440}
              suffix={t('calls.min')}
              style={{ width: 120 }}
              data-testid="call-minutes"
            />
          </Form.Item>
          <Form.Item name="seconds" noStyle>
            <InputNumber
              min={0}
              max={59}
              suffix={t('calls.sec')}
              style={{ width: 120 }}
              data-testid="call-seconds"
            />
          </Form.Item>
        </Flex>
      </Form.Item>
      <Form.Item name="purpose" label={t('calls.purpose')} rules={[zodRule(shape.purpose)]}>
        <Input maxLength={200} data-testid="call-purpose" />
      </Form.Item>
      <Form.Item name="result" label={t('calls.result')}>
        <Select
          allowClear
          options={CALL_RESULTS.map((r) => ({ value: r, label: t(`calls.result.${r}`) }))}
          data-testid="call-result"
        />
      </Form.Item>
      <Form.Item name="ticketId" label={t('calls.ticket')}>
        <TicketPicker excludeId={0} placeholder={t('tickets.picker.placeholder')} testId="call-ticket" />
      </Form.Item>
      <Form.Item name="notes" label={t('calls.notes')} rules={[zodRule(shape.notes)]}>
        <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={5000} data-testid="call-notes" />
      </Form.Item>
    </FormDrawer>
  );
}
