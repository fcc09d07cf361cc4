import { CopyOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Col,
  Divider,
  Flex,
  Form,
  Input,
  Radio,
  Row,
  Switch,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { type Interval, useUpdateCalendar, type WeeklyHours } from '../../api/calendar.ts';
import type { CalendarView } from '../../api/types.ts';
import { useNotifyError } from '../../components/form-errors.ts';
import { TimeZoneSelect } from '../../components/TimeZoneSelect.tsx';
import { useT } from '../../i18n/context.ts';
import { IntervalsEditor } from './IntervalsEditor.tsx';
import { sortIntervals, validIntervals, WEEKDAYS, type Weekday, weekMinutes } from './intervals.ts';

const DEFAULT_DAY: Interval[] = [
  { start: '09:00', end: '12:00' },
  { start: '13:00', end: '18:00' },
];

export function WeeklyHoursEditor({ calendar, canManage }: { calendar: CalendarView; canManage: boolean }) {
  const t = useT();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const update = useUpdateCalendar();
  const [name, setName] = useState(calendar.name);
  const [timeZone, setTimeZone] = useState(calendar.timeZone);
  const [week, setWeek] = useState<WeeklyHours>(calendar.weeklyHours);
  const [makeup, setMakeup] = useState<Interval[] | null>(calendar.makeupDayHours);

  const setDay = (day: Weekday, intervals: Interval[]) => setWeek((w) => ({ ...w, [day]: intervals }));
  const invalidDays = WEEKDAYS.filter((d) => !validIntervals(week[d]));
  const makeupInvalid = makeup !== null && (makeup.length === 0 || !validIntervals(makeup));
  const dirty =
    name !== calendar.name ||
    timeZone !== calendar.timeZone ||
    JSON.stringify(week) !== JSON.stringify(calendar.weeklyHours) ||
    JSON.stringify(makeup) !== JSON.stringify(calendar.makeupDayHours);
  const canSave = canManage && dirty && invalidDays.length === 0 && !makeupInvalid && name.trim() !== '';

  const save = () => {
    const sorted: WeeklyHours = {
      1: sortIntervals(week[1]),
      2: sortIntervals(week[2]),
      3: sortIntervals(week[3]),
      4: sortIntervals(week[4]),
      5: sortIntervals(week[5]),
      6: sortIntervals(week[6]),
      7: sortIntervals(week[7]),
    };
    update.mutate(
      {
        id: calendar.id,
        patch: {
          name: name.trim(),
          timeZone,
          weeklyHours: sorted,
          makeupDayHours: makeup ? sortIntervals(makeup) : null,
        },
      },
      { onSuccess: () => void message.success(t('common.saved')), onError: notifyError },
    );
  };

  const hours = Math.round((weekMinutes(week) / 60) * 10) / 10;

  return (
    <Flex vertical gap={16} data-testid="weekly-hours">
      {canManage ? null : <Alert type="info" showIcon title={t('calendar.manageHint')} />}
      <Row gutter={16}>
        <Col xs={24} md={10}>
          <Form.Item label={t('calendar.name')} layout="vertical">
            <Input
              value={name}
              onChange={(e) => setName(e.target.value)}
              disabled={!canManage}
              maxLength={100}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={14}>
          <Form.Item label={t('calendar.timeZone')} layout="vertical">
            <TimeZoneSelect value={timeZone} onChange={setTimeZone} disabled={!canManage} />
          </Form.Item>
        </Col>
      </Row>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Text type="secondary">{t('calendar.hoursHint')}</Typography.Text>
        <Flex gap={8} align="center">
          <Tag color="blue">{t('calendar.totalWeek', { hours })}</Tag>
          {canManage ? (
            <Button
              size="small"
              icon={<CopyOutlined />}
              onClick={() => setWeek((w) => ({ ...w, 2: w[1], 3: w[1], 4: w[1], 5: w[1] }))}
            >
              {t('calendar.copyMonday')}
            </Button>
          ) : null}
        </Flex>
      </Flex>
      <div>
        {WEEKDAYS.map((day) => {
          const label = t(`calendar.weekday.${day}`);
          const open = week[day].length > 0;
          return (
            <Flex
              key={day}
              gap={16}
              align="center"
              style={{ padding: '10px 0', borderBottom: '1px solid #f0f0f0' }}
              data-testid={`weekday-${day}`}
            >
              <Typography.Text strong style={{ width: 88, flex: 'none' }}>
                {label}
              </Typography.Text>
              <Switch
                checked={open}
                disabled={!canManage}
                onChange={(on) => setDay(day, on ? DEFAULT_DAY : [])}
                aria-label={label}
              />
              <div style={{ flex: 1 }}>
                <IntervalsEditor
                  value={week[day]}
                  onChange={(v) => setDay(day, v)}
                  disabled={!canManage}
                  label={label}
                />
                {invalidDays.includes(day) ? (
                  <Typography.Text type="danger">{t('calendar.overlap', { day: label })}</Typography.Text>
                ) : null}
              </div>
            </Flex>
          );
        })}
      </div>
      <Divider style={{ margin: '4px 0' }} />
      <Flex gap={16} align="flex-start" wrap>
        <Typography.Text strong style={{ width: 200 }}>
          {t('calendar.makeup')}
        </Typography.Text>
        <Flex vertical gap={8} style={{ flex: 1 }}>
          <Radio.Group
            disabled={!canManage}
            value={makeup === null ? 'same' : 'custom'}
            onChange={(e) =>
              setMakeup(e.target.value === 'same' ? null : week[1].length > 0 ? week[1] : DEFAULT_DAY)
            }
            options={[
              { value: 'same', label: t('calendar.makeupSame') },
              { value: 'custom', label: t('calendar.makeupCustom') },
            ]}
          />
          {makeup !== null ? (
            <IntervalsEditor
              value={makeup}
              onChange={setMakeup}
              disabled={!canManage}
              label={t('calendar.makeup')}
            />
          ) : null}
          {makeupInvalid ? (
            <Typography.Text type="danger">
              {t('calendar.overlap', { day: t('calendar.makeup') })}
            </Typography.Text>
          ) : null}
        </Flex>
      </Flex>
      {canManage ? (
        <Flex gap={8} justify="flex-end">
          {dirty ? <Tag color="orange">{t('common.unsaved')}</Tag> : null}
          <Button
            disabled={!dirty}
            onClick={() => {
              setName(calendar.name);
              setTimeZone(calendar.timeZone);
              setWeek(calendar.weeklyHours);
              setMakeup(calendar.makeupDayHours);
            }}
          >
            {t('common.reset')}
          </Button>
          <Button
            type="primary"
            disabled={!canSave}
            loading={update.isPending}
            onClick={save}
            data-testid="hours-save"
          >
            {t('common.save')}
          </Button>
        </Flex>
      ) : null}
    </Flex>
  );
}
