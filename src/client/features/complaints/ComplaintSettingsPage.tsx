import { Alert, App, Button, Card, Col, Divider, Form, InputNumber, Radio, Row } from 'antd';
import { COMPLAINT_STEPS } from '../../../shared/complaints/complaint-flow.ts';
import {
  type ComplaintSettings,
  useComplaintSettings,
  useSaveComplaintSettings,
} from '../../api/complaints.ts';
import { useCan } from '../../api/session.ts';
import { useFormErrors } from '../../components/form-errors.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { LoadState } from '../../components/states.tsx';
import { useT } from '../../i18n/context.ts';
import { useComplaintLabels } from './labels.tsx';

/** The form holds step limits in hours (what a manager thinks in); the API keeps minutes. */
type FormValues = Omit<ComplaintSettings, 'stepMinutes'> & { stepHours: Record<string, number> };

const toForm = (s: ComplaintSettings): FormValues => {
  const { stepMinutes, ...rest } = s;
  return { ...rest, stepHours: Object.fromEntries(Object.entries(stepMinutes).map(([k, m]) => [k, m / 60])) };
};
const fromForm = (v: FormValues): ComplaintSettings => {
  const { stepHours, ...rest } = v;
  return {
    ...rest,
    stepMinutes: Object.fromEntries(
      Object.entries(stepHours).map(([k, h]) => [k, Math.round(h * 60)]),
    ) as ComplaintSettings['stepMinutes'],
  };
};

function SettingsForm({ settings, canManage }: { settings: ComplaintSettings; canManage: boolean }) {
  const t = useT();
  const labels = useComplaintLabels();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const save = useSaveComplaintSettings();
  const formErrors = useFormErrors();
  const number = { style: { width: '100%' } } as const;
  return (
    <Form<FormValues>
      form={form}
      layout="vertical"
      initialValues={toForm(settings)}
      disabled={!canManage}
      onFinish={(values) =>
        save.mutate(fromForm(values), {
          onSuccess: () => void message.success(t('common.saved')),
          onError: (error) => formErrors(form, error),
        })
      }
      style={{ maxWidth: 960 }}
      data-testid="complaint-settings-form"
    >
      {canManage ? null : (
        <Alert type="info" showIcon title={t('settings.readOnly')} style={{ marginBottom: 16 }} />
      )}
      <Divider titlePlacement="start">{t('complaints.settings.steps')}</Divider>
      <Form.Item name="clock" label={t('complaints.settings.clock')}>
        <Radio.Group
          optionType="button"
          options={[
            { value: 'business', label: t('complaints.settings.clock.business') },
            { value: 'calendar', label: t('complaints.settings.clock.calendar') },
          ]}
        />
      </Form.Item>
      <Row gutter={16}>
        {COMPLAINT_STEPS.map((step) => (
          <Col xs={12} md={6} key={step}>
            <Form.Item name={['stepHours', step]} label={labels.step(step)} rules={[{ required: true }]}>
              <InputNumber
                {...number}
                min={0.25}
                max={1440}
                step={0.5}
                suffix={t('complaints.settings.hours')}
                data-testid={`complaint-settings-${step}`}
              />
            </Form.Item>
          </Col>
        ))}
      </Row>
      <Row gutter={16}>
        <Col xs={12} md={6}>
          <Form.Item
            name="warningPercent"
            label={t('complaints.settings.warningPercent')}
            rules={[{ required: true }]}
          >
            <InputNumber {...number} min={1} max={99} suffix="%" />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item
            name="promiseDays"
            label={t('complaints.settings.promiseDays')}
            rules={[{ required: true }]}
          >
            <InputNumber {...number} min={1} max={90} />
          </Form.Item>
        </Col>
      </Row>
      <Divider titlePlacement="start">{t('complaints.settings.analysis')}</Divider>
      <Row gutter={16}>
        <Col xs={12} md={6}>
          <Form.Item
            name="repeatCount"
            label={t('complaints.settings.repeatCount')}
            rules={[{ required: true }]}
          >
            <InputNumber {...number} min={2} max={100} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item
            name="repeatDays"
            label={t('complaints.settings.repeatDays')}
            rules={[{ required: true }]}
          >
            <InputNumber {...number} min={1} max={730} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item
            name="rateTargetPercent"
            label={t('complaints.settings.rateTarget')}
            rules={[{ required: true }]}
          >
            <InputNumber {...number} min={0} max={100} step={0.1} suffix="%" />
          </Form.Item>
        </Col>
      </Row>
      {canManage ? (
        <Button
          type="primary"
          htmlType="submit"
          loading={save.isPending}
          data-testid="complaint-settings-save"
        >
          {t('common.save')}
        </Button>
      ) : null}
    </Form>
  );
}

/** 投诉设置: the time limit of each step, the warning share, repeat detection and the complaint-rate target. */
export default function ComplaintSettingsPage() {
  const t = useT();
  const can = useCan();
  const settings = useComplaintSettings();
  return (
    <>
      <PageHeader title={t('complaints.settings.title')} subtitle={t('complaints.settings.subtitle')} />
      <Card>
        <LoadState query={settings} rows={8}>
          {(s) => <SettingsForm settings={s} canManage={can('settings.manage')} />}
        </LoadState>
      </Card>
    </>
  );
}
