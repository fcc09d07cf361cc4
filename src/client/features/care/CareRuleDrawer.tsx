import { App, Checkbox, Col, DatePicker, Form, Input, InputNumber, Radio, Row, Select, Switch } from 'antd';
import type { Dayjs } from 'dayjs';
import { CARE_EVENTS, careRuleCreate } from '../../../shared/schemas/care.ts';
import { CUSTOMER_CLASSES } from '../../../shared/schemas/customers.ts';
import { type CareRule, type CareRuleEvent, useCreateCareRule, useUpdateCareRule } from '../../api/care.ts';
import { FormDrawer } from '../../components/FormDrawer.tsx';
import { useFormErrors, zodRule } from '../../components/form-errors.ts';
import { useT } from '../../i18n/context.ts';
import { dayjs } from '../../i18n/format.ts';

type ClassName = (typeof CUSTOMER_CLASSES)[number];

interface Values {
  name: string;
  event: CareRuleEvent;
  holidayOn?: Dayjs | null;
  classes: ClassName[];
  channel: 'email' | 'sms';
  daysBefore: number;
  gift?: string | null;
  isActive: boolean;
}

const shape = careRuleCreate.shape;

const isClass = (c: string): c is ClassName => (CUSTOMER_CLASSES as readonly string[]).includes(c);

function initialOf(rule: CareRule | null): Values {
  if (!rule)
    return {
      name: '',
      event: 'birthday',
      classes: ['A', 'B'],
      channel: 'sms',
      daysBefore: 0,
      isActive: true,
    };
  return {
    name: rule.name,
    event: rule.event,
    holidayOn: rule.holidayOn ? dayjs(rule.holidayOn) : null,
    classes: rule.classes.filter(isClass),
    channel: rule.channel,
    daysBefore: rule.daysBefore,
    gift: rule.gift,
    isActive: rule.isActive,
  };
}

/** 新建/编辑关怀规则: occasion (with the holiday's date), classes, channel, days ahead, default gift. */
export function CareRuleDrawer({ rule, onClose }: { rule: CareRule | null; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const event = Form.useWatch('event', form) ?? rule?.event ?? 'birthday';
  const create = useCreateCareRule();
  const update = useUpdateCareRule();
  const formErrors = useFormErrors();
  const done = {
    onSuccess: () => {
      void message.success(rule ? t('common.saved') : t('care.rule.created'));
      onClose();
    },
    onError: (error: unknown) => formErrors(form, error),
  };

  const submit = (v: Values) => {
    const input = {
      name: v.name.trim(),
      event: v.event,
      holidayOn: v.event === 'holiday' && v.holidayOn ? v.holidayOn.format('YYYY-MM-DD') : null,
      classes: v.classes,
      channel: v.channel,
      daysBefore: v.daysBefore,
      gift: v.gift?.trim() || null,
      isActive: v.isActive,
    };
    if (rule) update.mutate({ id: rule.id, patch: input }, done);
    else create.mutate(input, done);
  };

  return (
    <FormDrawer<Values>
      onClose={onClose}
      size={560}
      title={rule ? t('care.rule.editTitle', { name: rule.name }) : t('care.rule.createTitle')}
      testId="care-rule-drawer"
      form={form}
      onFinish={submit}
      pending={create.isPending || update.isPending}
      submitTestId="care-rule-save"
      formProps={{ name: 'care-rule', initialValues: initialOf(rule), scrollToFirstError: true }}
    >
      <Form.Item
        name="event"
        label={t('care.f.event')}
        rules={[{ required: true }]}
        extra={t(`care.f.eventHint.${event}`)}
      >
        <Select
          options={CARE_EVENTS.map((e) => ({ value: e, label: t(`care.event.${e}`) }))}
          data-testid="care-rule-event"
        />
      </Form.Item>
      <Form.Item
        name="name"
        label={t('care.f.name')}
        rules={[{ required: true, whitespace: true }, zodRule(shape.name)]}
        extra={event === 'holiday' ? t('care.f.nameHolidayHint') : undefined}
      >
        <Input maxLength={100} data-testid="care-rule-name" />
      </Form.Item>
      {event === 'holiday' ? (
        <Form.Item
          name="holidayOn"
          label={t('care.f.holidayOn')}
          rules={[{ required: true }]}
          extra={t('care.f.holidayOnHint')}
        >
          <DatePicker style={{ width: '100%' }} data-testid="care-rule-holiday-on" />
        </Form.Item>
      ) : null}
      <Form.Item
        name="classes"
        label={t('care.f.classes')}
        rules={[{ required: true, type: 'array', min: 1 }]}
      >
        <Checkbox.Group
          options={CUSTOMER_CLASSES.map((c) => ({ value: c, label: t(`customers.class.${c}`) }))}
          data-testid="care-rule-classes"
        />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} md={12}>
          <Form.Item name="channel" label={t('care.f.channel')} rules={[{ required: true }]}>
            <Radio.Group
              optionType="button"
              options={(['sms', 'email'] as const).map((c) => ({
                value: c,
                label: t(`care.channel.${c}`),
              }))}
              data-testid="care-rule-channel"
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="daysBefore"
            label={t('care.f.daysBefore')}
            rules={[{ required: true }]}
            extra={t('care.f.daysBeforeHint')}
          >
            <InputNumber
              min={0}
              max={60}
              precision={0}
              style={{ width: '100%' }}
              data-testid="care-rule-days"
            />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item
        name="gift"
        label={t('care.f.gift')}
        extra={t('care.f.giftHint')}
        rules={[zodRule(shape.gift)]}
      >
        <Input maxLength={200} data-testid="care-rule-gift" />
      </Form.Item>
      <Form.Item name="isActive" label={t('care.f.isActive')} valuePropName="checked">
        <Switch data-testid="care-rule-active" />
      </Form.Item>
    </FormDrawer>
  );
}
