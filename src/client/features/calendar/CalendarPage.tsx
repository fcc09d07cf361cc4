import { Card, Select, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useCalendars } from '../../api/calendar.ts';
import { useCan } from '../../api/session.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { EmptyState, LoadState } from '../../components/states.tsx';
import { useT } from '../../i18n/context.ts';
import { DueChecker } from './DueChecker.tsx';
import { SpecialDays } from './SpecialDays.tsx';
import { WeeklyHoursEditor } from './WeeklyHoursEditor.tsx';

const TABS = ['hours', 'days', 'due'] as const;

export default function CalendarPage() {
  const t = useT();
  const can = useCan();
  const calendars = useCalendars();
  const [params, setParams] = useSearchParams();
  const [chosen, setChosen] = useState<number | undefined>(undefined);
  const canManage = can('calendar.manage');
  const tab = TABS.find((k) => k === params.get('tab')) ?? 'hours';

  return (
    <>
      <PageHeader title={t('calendar.title')} subtitle={t('calendar.subtitle')} />
      <LoadState query={calendars} rows={10}>
        {(list) => {
          const calendar = list.find((c) => c.id === chosen) ?? list.find((c) => c.isDefault) ?? list[0];
          if (!calendar) {
            return (
              <Card>
                <EmptyState text={t('calendar.empty')} />
              </Card>
            );
          }
          return (
            <Card
              title={
                list.length > 1 ? (
                  <Select
                    value={calendar.id}
                    onChange={setChosen}
                    style={{ minWidth: 240 }}
                    aria-label={t('calendar.calendar')}
                    options={list.map((c) => ({ value: c.id, label: c.name }))}
                  />
                ) : (
                  calendar.name
                )
              }
              extra={calendar.isDefault ? <Tag color="blue">{t('calendar.default')}</Tag> : null}
            >
              <Tabs
                activeKey={tab}
                onChange={(key) => setParams(key === 'hours' ? {} : { tab: key }, { replace: true })}
                items={[
                  {
                    key: 'hours',
                    label: t('calendar.tabHours'),
                    children: (
                      <WeeklyHoursEditor
                        key={`${calendar.id}:${JSON.stringify(calendar)}`}
                        calendar={calendar}
                        canManage={canManage}
                      />
                    ),
                  },
                  {
                    key: 'days',
                    label: t('calendar.tabDays'),
                    children: <SpecialDays key={calendar.id} calendar={calendar} canManage={canManage} />,
                  },
                  { key: 'due', label: t('calendar.tabDue'), children: <DueChecker calendar={calendar} /> },
                ]}
              />
            </Card>
          );
        }}
      </LoadState>
    </>
  );
}
