import { Calendar, Tooltip } from 'antd';
import type { SpecialDay } from '../../api/calendar.ts';
import { useT } from '../../i18n/context.ts';
import { dayjs } from '../../i18n/format.ts';
import styles from './calendar.module.css';

const MONTHS = Array.from({ length: 12 }, (_, i) => i);

/** Twelve small months; holidays marked 休, make-up working days 班. Clicking a date edits it. */
export function YearView({
  year,
  days,
  today,
  onPick,
}: {
  year: number;
  days: Map<string, SpecialDay>;
  today: string;
  onPick?: (date: string) => void;
}) {
  const t = useT();
  return (
    <div className={styles.year} data-testid="year-view">
      {MONTHS.map((month) => {
        const first = dayjs(new Date(year, month, 1));
        return (
          <div key={month} className={styles.month}>
            <Calendar
              fullscreen={false}
              value={first}
              headerRender={() => <div className={styles.monthTitle}>{first.format('MMMM')}</div>}
              onSelect={(date, info) => {
                if (info.source === 'date' && date.month() === month && onPick)
                  onPick(date.format('YYYY-MM-DD'));
              }}
              fullCellRender={(date) => {
                if (date.month() !== month) return <div className={`${styles.cell} ${styles.outside}`} />;
                const iso = date.format('YYYY-MM-DD');
                const special = days.get(iso);
                const weekend = date.day() === 0 || date.day() === 6;
                const classes = [
                  styles.cell,
                  special?.kind === 'holiday' ? styles.holiday : '',
                  special?.kind === 'workday' ? styles.workday : '',
                  !special && weekend ? styles.weekend : '',
                  iso === today ? styles.today : '',
                ].join(' ');
                const cell = (
                  <div className={classes} data-date={iso} data-kind={special?.kind}>
                    {date.date()}
                    {special ? (
                      <span className={styles.mark}>
                        {special.kind === 'holiday' ? t('calendar.holidayMark') : t('calendar.workdayMark')}
                      </span>
                    ) : null}
                  </div>
                );
                return special?.name ? <Tooltip title={special.name}>{cell}</Tooltip> : cell;
              }}
            />
          </div>
        );
      })}
    </div>
  );
}
