import { CloudDownloadOutlined, LeftOutlined, PlusOutlined, RightOutlined } from '@ant-design/icons';
import { Alert, App, Button, Col, Flex, Row, Skeleton, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { fetchChinaPreset, type SpecialDay, useCalendarDays, useReplaceDays } from '../../api/calendar.ts';
import { isApiError } from '../../api/client.ts';
import type { CalendarView } from '../../api/types.ts';
import { useNotifyError } from '../../components/form-errors.ts';
import { EmptyState, ErrorState } from '../../components/states.tsx';
import { useT } from '../../i18n/context.ts';
import { dayjs } from '../../i18n/format.ts';
import { type DayKind, DayModal } from './DayModal.tsx';
import { YearView } from './YearView.tsx';

type Editing = { date: string | null; kind: DayKind; name: string | null } | null;

const byDate = (a: SpecialDay, b: SpecialDay) => a.date.localeCompare(b.date);

export function SpecialDays({ calendar, canManage }: { calendar: CalendarView; canManage: boolean }) {
  const t = useT();
  const { message, modal } = App.useApp();
  const notifyError = useNotifyError();
  const today = dayjs().tz(calendar.timeZone).format('YYYY-MM-DD');
  const [year, setYear] = useState(() => Number(today.slice(0, 4)));
  const [draft, setDraft] = useState<SpecialDay[] | null>(null);
  const [editing, setEditing] = useState<Editing>(null);
  const [importing, setImporting] = useState(false);
  const days = useCalendarDays(calendar.id, year);
  const replace = useReplaceDays();

  const current = useMemo(() => [...(draft ?? days.data ?? [])].sort(byDate), [draft, days.data]);
  const map = useMemo(() => new Map(current.map((d) => [d.date, d])), [current]);
  const dirty = draft !== null;
  const holidays = current.filter((d) => d.kind === 'holiday').length;

  const changeYear = (next: number) => {
    const go = () => {
      setDraft(null);
      setYear(next);
    };
    if (dirty)
      modal.confirm({
        title: t('roles.switchTitle'),
        content: t('common.unsaved'),
        onOk: go,
        okText: t('common.discard'),
      });
    else go();
  };

  const apply = (date: string, kind: DayKind, name: string | null) => {
    const rest = current.filter((d) => d.date !== date && d.date !== editing?.date);
    setDraft(kind === 'normal' ? rest : [...rest, { date, kind, name }].sort(byDate));
    setEditing(null);
  };

  const importPreset = async () => {
    setImporting(true);
    try {
      const preset = await fetchChinaPreset(year);
      const presetDates = new Set(preset.map((d) => d.date));
      setDraft([...current.filter((d) => !presetDates.has(d.date)), ...preset].sort(byDate));
      void message.info(t('calendar.imported', { count: preset.length }));
    } catch (error) {
      if (isApiError(error, 404)) void message.warning(t('calendar.importNoPreset', { year }));
      else notifyError(error);
    } finally {
      setImporting(false);
    }
  };

  const save = () =>
    replace.mutate(
      { id: calendar.id, year, days: current },
      {
        onSuccess: () => {
          setDraft(null);
          void message.success(t('common.saved'));
        },
        onError: notifyError,
      },
    );

  const pick = (date: string) => {
    if (!canManage) return;
    const found = map.get(date);
    setEditing({ date, kind: found?.kind ?? 'holiday', name: found?.name ?? null });
  };

  return (
    <Flex vertical gap={16} data-testid="special-days">
      <Flex justify="space-between" align="center" wrap gap={12}>
        <Flex align="center" gap={8}>
          <Button
            icon={<LeftOutlined />}
            onClick={() => changeYear(year - 1)}
            aria-label={String(year - 1)}
          />
          <Typography.Title
            level={4}
            style={{ margin: 0, minWidth: 64, textAlign: 'center' }}
            data-testid="calendar-year"
          >
            {year}
          </Typography.Title>
          <Button
            icon={<RightOutlined />}
            onClick={() => changeYear(year + 1)}
            aria-label={String(year + 1)}
          />
          <Tag color="red">{t('calendar.holidays', { count: holidays })}</Tag>
          <Tag color="blue">{t('calendar.workdays', { count: current.length - holidays })}</Tag>
        </Flex>
        {canManage ? (
          <Flex gap={8} wrap>
            <Button
              icon={<CloudDownloadOutlined />}
              loading={importing}
              onClick={() => void importPreset()}
              data-testid="import-china"
            >
              {t('calendar.importChina')}
            </Button>
            <Button
              icon={<PlusOutlined />}
              onClick={() => setEditing({ date: null, kind: 'holiday', name: null })}
            >
              {t('calendar.addDay')}
            </Button>
            <Button disabled={!dirty} onClick={() => setDraft(null)}>
              {t('common.reset')}
            </Button>
            <Button
              type="primary"
              disabled={!dirty}
              loading={replace.isPending}
              onClick={save}
              data-testid="days-save"
            >
              {t('calendar.saveYear', { year })}
            </Button>
          </Flex>
        ) : null}
      </Flex>
      {dirty ? <Alert type="warning" showIcon title={t('common.unsaved')} /> : null}
      {canManage ? <Typography.Text type="secondary">{t('calendar.clickHint')}</Typography.Text> : null}
      {days.error ? (
        <ErrorState error={days.error} onRetry={() => void days.refetch()} />
      ) : days.isPending ? (
        <Skeleton active paragraph={{ rows: 10 }} />
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} xxl={16}>
            <YearView year={year} days={map} today={today} onPick={canManage ? pick : undefined} />
          </Col>
          <Col xs={24} xxl={8}>
            <Table<SpecialDay>
              rowKey="date"
              size="small"
              dataSource={current}
              pagination={false}
              scroll={{ y: 640 }}
              locale={{ emptyText: <EmptyState text={t('calendar.noDays', { year })} /> }}
              columns={[
                {
                  title: t('calendar.date'),
                  dataIndex: 'date',
                  width: 150,
                  render: (date: string) => dayjs(date).format('YYYY-MM-DD ddd'),
                },
                {
                  title: t('calendar.kind'),
                  dataIndex: 'kind',
                  width: 110,
                  render: (kind: SpecialDay['kind']) =>
                    kind === 'holiday' ? (
                      <Tag color="red">{t('calendar.holidayLong')}</Tag>
                    ) : (
                      <Tag color="blue">{t('calendar.workdayLong')}</Tag>
                    ),
                },
                {
                  title: t('calendar.dayName'),
                  dataIndex: 'name',
                  render: (name: string | null) => name ?? '',
                },
                ...(canManage
                  ? [
                      {
                        title: t('common.actions'),
                        key: 'actions',
                        width: 120,
                        render: (_: unknown, day: SpecialDay) => (
                          <Flex>
                            <Button type="link" size="small" onClick={() => setEditing(day)}>
                              {t('common.edit')}
                            </Button>
                            <Button
                              type="link"
                              size="small"
                              danger
                              onClick={() => setDraft(current.filter((d) => d.date !== day.date))}
                            >
                              {t('common.delete')}
                            </Button>
                          </Flex>
                        ),
                      },
                    ]
                  : []),
              ]}
            />
          </Col>
        </Row>
      )}
      <DayModal
        open={editing !== null}
        year={year}
        initial={editing ?? { date: null, kind: 'holiday', name: null }}
        onClose={() => setEditing(null)}
        onApply={apply}
      />
    </Flex>
  );
}
