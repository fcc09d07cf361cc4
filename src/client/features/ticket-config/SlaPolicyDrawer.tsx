import { Alert, App, Flex, Form, Input, InputNumber, Radio, Select, Switch, Typography } from 'antd';
import { slaPolicyCreate } from '../../../shared/schemas/ticket-config.ts';
import { useCan } from '../../api/session.ts';
import {
  type SlaPolicyInput,
  type SlaPolicyView,
  useCalendarChoices,
  useCreateSlaPolicy,
  useUpdateSlaPolicy,
} from '../../api/ticket-config.ts';
import { FormDrawer } from '../../components/FormDrawer.tsx';
import { useFormErrors, zodRule } from '../../components/form-errors.ts';
import { useT } from '../../i18n/context.ts';
import { ConditionFields, cleanConditions } from './ConditionFields.tsx';
import { SlaTargets } from './SlaTargets.tsx';
import { workingDayMinutes } from './sla-time.ts';

type Values = Omit<SlaPolicyInput, 'calendarId'> & { calendarId?: number | null };

/** The response-time standard of 002 §四 as a starting point for a new policy. */
const DEFAULT_TARGETS: SlaPolicyInput['targets'] = {
  urgent: { firstResponse: 15, nextResponse: 120, resolution: 240 },
  high: { firstResponse: 30, resolution: 480 },
  normal: { firstResponse: 60, resolution: 1440 },
  low: { firstResponse: 120, resolution: 2400 },
};

/** Create (policy === null) or edit an SLA policy. */
export function SlaPolicyDrawer({
  policy,
  nextPosition,
  canManage,
  onClose,
}: {
  policy: SlaPolicyView | null;
  nextPosition: number;
  canManage: boolean;
  onClose: () => void;
}) {
  const t = useT();
  const can = useCan();
  const [form] = Form.useForm<Values>();
  const create = useCreateSlaPolicy();
  const update = useUpdateSlaPolicy();
  const formErrors = useFormErrors();
  const { message } = App.useApp();
  const calendars = useCalendarChoices(can('calendar.read'));
  const clock = (Form.useWatch('clock', form) ?? policy?.clock ?? 'business') as Values['clock'];
  const calendarId = Form.useWatch('calendarId', form) as number | null | undefined;
  const calendar =
    calendars.data?.find((c) => c.id === calendarId) ?? calendars.data?.find((c) => c.isDefault);

  const submit = (values: Values) => {
    const targets = Object.fromEntries(
      Object.entries(values.targets).map(([priority, target]) => [
        priority,
        {
          firstResponse: target.firstResponse,
          resolution: target.resolution,
          ...(target.nextResponse ? { nextResponse: target.nextResponse } : {}),
        },
      ]),
    ) as SlaPolicyInput['targets'];
    const body: SlaPolicyInput = {
      ...values,
      name: values.name.trim(),
      conditions: cleanConditions(values.conditions),
      targets,
      calendarId: values.clock === 'business' ? (values.calendarId ?? null) : null,
    };
    const handlers = {
      onSuccess: () => {
        void message.success(policy ? t('common.saved') : t('common.created'));
        onClose();
      },
      onError: (error: unknown) => formErrors(form, error),
    };
    if (policy) update.mutate({ id: policy.id, patch: body }, handlers);
    else create.mutate(body, handlers);
  };

  return (
    <FormDrawer<Values>
      onClose={onClose}
      size={860}
      title={policy ? policy.name : t('ticketAdmin.sla.create')}
      testId="sla-drawer"
      form={form}
      onFinish={submit}
      pending={create.isPending || update.isPending}
      readOnly={!canManage}
      submitTestId="sla-save"
      formProps={{
        name: 'sla-policy',
        disabled: !canManage,
        initialValues: policy ?? {
          name: '',
          position: nextPosition,
          conditions: {},
          targets: DEFAULT_TARGETS,
          clock: 'business',
          calendarId: null,
          warningPercent: 80,
          isActive: true,
        },
      }}
    >
      <Flex gap={12} wrap>
        <Form.Item
          name="name"
          label={t('ticketAdmin.sla.name')}
          rules={[{ required: true, whitespace: true }, zodRule(slaPolicyCreate.shape.name)]}
          style={{ flex: '1 1 320px' }}
        >
          <Input maxLength={100} placeholder={t('ticketAdmin.sla.namePlaceholder')} data-testid="sla-name" />
        </Form.Item>
        <Form.Item
          name="position"
          label={t('ticketAdmin.position')}
          extra={t('ticketAdmin.positionHint')}
          rules={[{ required: true }]}
          style={{ flex: '0 1 160px' }}
        >
          <InputNumber min={0} max={100_000} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="isActive" label={t('common.status')} valuePropName="checked">
          <Switch checkedChildren={t('common.active')} unCheckedChildren={t('common.disabled')} />
        </Form.Item>
      </Flex>
      <Typography.Title level={5}>{t('ticketAdmin.sla.appliesTo')}</Typography.Title>
      <ConditionFields />
      <Typography.Title level={5}>{t('ticketAdmin.sla.targets')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('ticketAdmin.sla.targetsHint')}</Typography.Paragraph>
      <SlaTargets clock={clock} dayMinutes={workingDayMinutes(clock === 'business' ? calendar : undefined)} />
      <Flex gap={12} wrap style={{ marginTop: 16 }}>
        <Form.Item name="clock" label={t('ticketAdmin.sla.clock')} style={{ flex: '1 1 260px' }}>
          <Radio.Group
            options={[
              { value: 'business', label: t('ticketAdmin.sla.clockBusiness') },
              { value: 'calendar', label: t('ticketAdmin.sla.clockCalendar') },
            ]}
            data-testid="sla-clock"
          />
        </Form.Item>
        {clock === 'business' ? (
          <Form.Item
            name="calendarId"
            label={t('ticketAdmin.sla.calendar')}
            extra={can('calendar.read') ? undefined : t('ticketAdmin.sla.calendarNoAccess')}
            style={{ flex: '1 1 240px' }}
          >
            <Select
              allowClear
              loading={calendars.isFetching}
              placeholder={t('ticketAdmin.sla.calendarDefault')}
              options={(calendars.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
            />
          </Form.Item>
        ) : null}
        <Form.Item
          name="warningPercent"
          label={t('ticketAdmin.sla.warning')}
          extra={t('ticketAdmin.sla.warningHint')}
          rules={[{ required: true }]}
          style={{ flex: '0 1 200px' }}
        >
          <InputNumber min={1} max={99} precision={0} suffix="%" style={{ width: '100%' }} />
        </Form.Item>
      </Flex>
      {clock === 'calendar' ? (
        <Alert type="info" showIcon title={t('ticketAdmin.sla.calendarClockHint')} />
      ) : null}
    </FormDrawer>
  );
}
