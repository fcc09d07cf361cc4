import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, TimePicker, Tooltip, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import type { Interval } from '../../api/calendar.ts';
import { useT } from '../../i18n/context.ts';
import { dayjs } from '../../i18n/format.ts';
import { nextInterval } from './intervals.ts';

const FORMAT = 'HH:mm';
/** Time pickers cannot show 24:00; 23:59 stands for "until midnight". */
const toPicker = (hhmm: string) => dayjs(`2000-01-01T${hhmm === '24:00' ? '23:59' : hhmm}`);
const fromPicker = (value: Dayjs, isEnd: boolean) => {
  const text = value.format(FORMAT);
  return isEnd && text === '23:59' ? '24:00' : text;
};

export function IntervalsEditor({
  value,
  onChange,
  disabled,
  label,
}: {
  value: Interval[];
  onChange: (next: Interval[]) => void;
  disabled: boolean;
  label: string;
}) {
  const t = useT();
  return (
    <Flex gap={8} wrap align="center">
      {value.length === 0 ? <Typography.Text type="secondary">{t('calendar.rest')}</Typography.Text> : null}
      {value.map((interval, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a period is identified by its position in the day
        <Flex key={index} gap={2} align="center">
          <TimePicker.RangePicker
            format={FORMAT}
            minuteStep={5}
            allowClear={false}
            disabled={disabled}
            value={[toPicker(interval.start), toPicker(interval.end)]}
            onChange={(range) => {
              const [start, end] = range ?? [];
              if (!start || !end) return;
              onChange(
                value.map((old, i) =>
                  i === index ? { start: fromPicker(start, false), end: fromPicker(end, true) } : old,
                ),
              );
            }}
            style={{ width: 190 }}
            aria-label={`${label} ${index + 1}`}
          />
          {disabled ? null : (
            <Tooltip title={t('calendar.removeInterval')}>
              <Button
                type="text"
                size="small"
                icon={<DeleteOutlined />}
                aria-label={`${t('calendar.removeInterval')} ${label} ${index + 1}`}
                onClick={() => onChange(value.filter((_, i) => i !== index))}
              />
            </Tooltip>
          )}
        </Flex>
      ))}
      {disabled || value.length >= 6 ? null : (
        <Button
          size="small"
          type="dashed"
          icon={<PlusOutlined />}
          onClick={() => onChange([...value, nextInterval(value)])}
          aria-label={`${t('calendar.addInterval')} ${label}`}
        >
          {t('calendar.addInterval')}
        </Button>
      )}
    </Flex>
  );
}
