import type { ErrorEntry } from '../errors.ts';

/** Error codes of the monthly complaint analysis with their user-facing text (merged into ERROR_MESSAGES). */
export const COMPLAINT_ANALYSIS_ERRORS = {
  COMPLAINT_NOT_CLOSED: {
    status: 409,
    'zh-CN': '该投诉尚未结案，结案后才能与客户确认关闭情况',
    'zh-TW': '該投訴尚未結案，結案後才能與客戶確認關閉情況',
    en: 'This complaint is not closed yet; confirm the closure with the customer once it is closed',
  },
} as const satisfies Record<string, ErrorEntry>;
