import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone.js';
import utc from 'dayjs/plugin/utc.js';
import { useContext } from 'react';
import { SessionContext } from '../api/session.ts';
import { useI18n } from './context.ts';

dayjs.extend(utc);
dayjs.extend(timezone);

export { dayjs };

const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** The organisation's time zone when signed in (SPEC §0: dates respect it), else the browser's. */
export function useTimeZone(): string {
  return useContext(SessionContext)?.organisation.timeZone ?? browserZone();
}

/** Date-time formatting in the organisation's zone and the UI language. */
export function useDateFormat() {
  const zone = useTimeZone();
  const { locale } = useI18n();
  const inZone = (iso: string) => dayjs(iso).tz(zone);
  return {
    zone,
    dateTime: (iso: string | null | undefined) => (iso ? inZone(iso).format('YYYY-MM-DD HH:mm') : ''),
    dateTimeSeconds: (iso: string | null | undefined) =>
      iso ? inZone(iso).format('YYYY-MM-DD HH:mm:ss') : '',
    date: (iso: string | null | undefined) => (iso ? inZone(iso).format('YYYY-MM-DD') : ''),
    /** Long form with weekday, e.g. 2026年1月5日 星期一 09:00. */
    long: (iso: string, zoneOverride?: string) =>
      dayjs(iso)
        .tz(zoneOverride ?? zone)
        .format(locale === 'en' ? 'ddd, D MMM YYYY HH:mm' : 'YYYY-MM-DD dddd HH:mm'),
  };
}
