import type { Localised } from '../../shared/locale.ts';

/** Zones a Chinese service organisation most often needs, Shanghai first; every other IANA zone follows. */
export const COMMON_ZONES: { zone: string; label: Localised }[] = [
  {
    zone: 'Asia/Shanghai',
    label: {
      'zh-CN': '中国标准时间（北京/上海）',
      'zh-TW': '中國標準時間（北京/上海）',
      en: 'China (Beijing/Shanghai)',
    },
  },
  { zone: 'Asia/Hong_Kong', label: { 'zh-CN': '香港', 'zh-TW': '香港', en: 'Hong Kong' } },
  { zone: 'Asia/Macau', label: { 'zh-CN': '澳门', 'zh-TW': '澳門', en: 'Macau' } },
  { zone: 'Asia/Taipei', label: { 'zh-CN': '台北', 'zh-TW': '台北', en: 'Taipei' } },
  { zone: 'Asia/Singapore', label: { 'zh-CN': '新加坡', 'zh-TW': '新加坡', en: 'Singapore' } },
  { zone: 'Asia/Tokyo', label: { 'zh-CN': '东京', 'zh-TW': '東京', en: 'Tokyo' } },
  { zone: 'Asia/Seoul', label: { 'zh-CN': '首尔', 'zh-TW': '首爾', en: 'Seoul' } },
  { zone: 'Asia/Bangkok', label: { 'zh-CN': '曼谷', 'zh-TW': '曼谷', en: 'Bangkok' } },
  { zone: 'Asia/Kolkata', label: { 'zh-CN': '印度', 'zh-TW': '印度', en: 'India' } },
  { zone: 'Asia/Dubai', label: { 'zh-CN': '迪拜', 'zh-TW': '杜拜', en: 'Dubai' } },
  {
    zone: 'UTC',
    label: { 'zh-CN': '协调世界时', 'zh-TW': '世界協調時間', en: 'Coordinated Universal Time' },
  },
  { zone: 'Europe/London', label: { 'zh-CN': '伦敦', 'zh-TW': '倫敦', en: 'London' } },
  { zone: 'Europe/Berlin', label: { 'zh-CN': '柏林', 'zh-TW': '柏林', en: 'Berlin' } },
  { zone: 'Europe/Paris', label: { 'zh-CN': '巴黎', 'zh-TW': '巴黎', en: 'Paris' } },
  { zone: 'Europe/Moscow', label: { 'zh-CN': '莫斯科', 'zh-TW': '莫斯科', en: 'Moscow' } },
  { zone: 'America/New_York', label: { 'zh-CN': '纽约', 'zh-TW': '紐約', en: 'New York' } },
  { zone: 'America/Chicago', label: { 'zh-CN': '芝加哥', 'zh-TW': '芝加哥', en: 'Chicago' } },
  { zone: 'America/Los_Angeles', label: { 'zh-CN': '洛杉矶', 'zh-TW': '洛杉磯', en: 'Los Angeles' } },
  { zone: 'America/Sao_Paulo', label: { 'zh-CN': '圣保罗', 'zh-TW': '聖保羅', en: 'São Paulo' } },
  { zone: 'Australia/Sydney', label: { 'zh-CN': '悉尼', 'zh-TW': '雪梨', en: 'Sydney' } },
];

/** "GMT+8" for a zone, now. */
export function zoneOffset(zone: string): string {
  try {
    const parts = new Intl.DateTimeFormat('en', {
      timeZone: zone,
      timeZoneName: 'shortOffset',
    }).formatToParts(new Date());
    return parts.find((p) => p.type === 'timeZoneName')?.value ?? '';
  } catch {
    return '';
  }
}

export function allZones(): string[] {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return COMMON_ZONES.map((z) => z.zone);
  }
}
