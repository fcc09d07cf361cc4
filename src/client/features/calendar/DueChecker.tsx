import {
  Alert,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Flex,
  Form,
  InputNumber,
  Radio,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useDueCheck } from '../../api/calendar.ts';
import type { CalendarView } from '../../api/types.ts';
import { errorText } from '../../components/states.tsx';
import { useT } from '../../i18n/context.ts';
import { dayjs, useDateFormat } from '../../i18n/format.ts';

interface Values {
  start: Dayjs;
  minutes: number;
  mode: 'business' | 'calendar';
}

const PRESETS = [30, 60, 240, 480, 1440];
const hours = (minutes: number) => Math.round((minutes / 60) * 100) / 100;

/** "A request at Friday 17:00 with a 4-hour target is due …" — the server's arithmetic, shown. */
export function DueChecker({ calendar }: { calendar: CalendarView }) {
  const t = useT();
  const fmt = useDateFormat();
  const [form] = Form.useForm<Values>();
  const check = useDueCheck();
  const zone = calendar.timeZone;
  // The picker shows wall-clock time; it is read as wall-clock time in the calendar's zone.
  const nowHere = dayjs(dayjs().tz(zone).format('YYYY-MM-DDTHH:mm'));

  const submit = (values: Values) => {
    const start = dayjs.tz(values.start.format('YYYY-MM-DDTHH:mm:00'), zone).format();
    check.mutate({ id: calendar.id, start, minutes: values.minutes, mode: values.mode });
  };

  return (
    <Flex vertical gap={16} style={{ maxWidth: 760 }} data-testid="due-checker">
      <Typography.Text type="secondary">{t('calendar.dueIntro')}</Typography.Text>
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ start: nowHere, minutes: 240, mode: 'business' }}
        name="due-check"
      >
        <Flex gap={16} wrap align="flex-end">
          <Form.Item name="start" label={t('calendar.start')} rules={[{ required: true }]}>
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="minutes" label={t('calendar.minutes')} rules={[{ required: true }]}>
            <InputNumber min={0} max={1_000_000} step={30} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="mode" label={t('calendar.mode')}>
            <Radio.Group
              optionType="button"
              options={[
                { value: 'business', label: t('calendar.modeBusiness') },
                { value: 'calendar', label: t('calendar.modeCalendar') },
              ]}
            />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" loading={check.isPending} data-testid="due-calculate">
              {t('calendar.calculate')}
            </Button>
          </Form.Item>
        </Flex>
        <Flex gap={6} wrap style={{ marginTop: -8 }}>
          {PRESETS.map((m) => (
            <Button key={m} size="small" onClick={() => form.setFieldValue('minutes', m)}>
              {m >= 60 ? `${m / 60} h` : `${m} min`}
            </Button>
          ))}
        </Flex>
      </Form>
      {check.error ? <Alert type="error" showIcon title={errorText(check.error)} /> : null}
      {check.data ? (
        <Card size="small" data-testid="due-result">
          <Descriptions
            column={1}
            size="small"
            items={[
              {
                key: 'due',
                label: t('calendar.due'),
                children: <Typography.Text strong>{fmt.long(check.data.due, zone)}</Typography.Text>,
              },
              {
                key: 'business',
                label: t('calendar.businessMinutes'),
                children: t('calendar.minutesValue', {
                  minutes: check.data.businessMinutes,
                  hours: hours(check.data.businessMinutes),
                }),
              },
              {
                key: 'calendar',
                label: t('calendar.calendarMinutes'),
                children: t('calendar.minutesValue', {
                  minutes: check.data.calendarMinutes,
                  hours: hours(check.data.calendarMinutes),
                }),
              },
            ]}
          />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('calendar.inZone', { zone })}
          </Typography.Text>
        </Card>
      ) : null}
    </Flex>
  );
}
