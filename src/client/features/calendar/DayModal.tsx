import { DatePicker, Form, Input, Modal, Radio } from 'antd';
import type { Dayjs } from 'dayjs';
import type { SpecialDay } from '../../api/calendar.ts';
import { useT } from '../../i18n/context.ts';
import { dayjs } from '../../i18n/format.ts';

export type DayKind = SpecialDay['kind'] | 'normal';

interface Values {
  date: Dayjs;
  kind: DayKind;
  name?: string;
}

/** Sets one date of the year to holiday, make-up working day, or back to normal. */
export function DayModal({
  open,
  year,
  initial,
  onClose,
  onApply,
}: {
  open: boolean;
  year: number;
  initial: { date: string | null; kind: DayKind; name: string | null };
  onClose: () => void;
  onApply: (date: string, kind: DayKind, name: string | null) => void;
}) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  return (
    <Modal
      open={open}
      title={initial.date ? t('calendar.editDay') : t('calendar.addDay')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        name="special-day"
        initialValues={{
          date: initial.date ? dayjs(initial.date) : undefined,
          kind: initial.kind,
          name: initial.name ?? '',
        }}
        onFinish={(values) =>
          onApply(
            values.date.format('YYYY-MM-DD'),
            values.kind,
            values.name?.trim() ? values.name.trim() : null,
          )
        }
      >
        <Form.Item
          name="date"
          label={t('calendar.date')}
          rules={[
            { required: true },
            {
              validator: async (_rule, value: Dayjs | undefined) => {
                if (value && value.year() !== year) throw new Error(t('calendar.wrongYear', { year }));
              },
            },
          ]}
        >
          <DatePicker
            style={{ width: '100%' }}
            format="YYYY-MM-DD dddd"
            disabledDate={(d) => d.year() !== year}
            defaultPickerValue={dayjs(new Date(year, 0, 1))}
          />
        </Form.Item>
        <Form.Item name="kind" label={t('calendar.kind')} rules={[{ required: true }]}>
          <Radio.Group
            options={[
              { value: 'holiday', label: t('calendar.holidayLong') },
              { value: 'workday', label: t('calendar.workdayLong') },
              { value: 'normal', label: t('calendar.normal') },
            ]}
          />
        </Form.Item>
        <Form.Item name="name" label={t('calendar.dayName')}>
          <Input maxLength={50} placeholder={t('calendar.dayNamePlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
