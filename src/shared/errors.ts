import { CAPAS_ERRORS } from './errors/capas.ts';
import { COMPLAINT_ANALYSIS_ERRORS } from './errors/complaint-analysis.ts';
import { COMPLAINTS_ERRORS } from './errors/complaints.ts';
import { CUSTOMERS_ERRORS } from './errors/customers.ts';
import { REQUESTS_ERRORS } from './errors/requests.ts';
import { RETURNS_ERRORS } from './errors/returns.ts';
import type { Locale, Localised } from './locale.ts';

/** One catalogue entry: the HTTP status and the message in each language. */
export type ErrorEntry = Localised & { status: number };

/** Codes every module may answer with: validation, access, accounts, administration. */
export const PLATFORM_ERRORS = {
  VALIDATION_FAILED: {
    status: 400,
    'zh-CN': '输入有误，请检查标出的字段',
    'zh-TW': '輸入有誤，請檢查標出的欄位',
    en: 'Some fields are not valid',
  },
  INVALID_TEXT: {
    status: 400,
    'zh-CN': '输入中含有无法保存的字符（如空字符），请删除后重试',
    'zh-TW': '輸入中含有無法儲存的字元（如空字元），請刪除後再試',
    en: 'The input contains a character that cannot be stored (such as a NUL byte); remove it and try again',
  },
  INVALID_VALUE: {
    status: 400,
    'zh-CN': '输入的数值或日期超出范围或格式不正确',
    'zh-TW': '輸入的數值或日期超出範圍或格式不正確',
    en: 'A number or date in the input is out of range or malformed',
  },
  INVALID_CURSOR: {
    status: 400,
    'zh-CN': '分页位置无效，请从第一页重新加载列表',
    'zh-TW': '分頁位置無效，請從第一頁重新載入清單',
    en: 'Invalid page cursor; reload the list from its first page',
  },
  NOT_FOUND: {
    status: 404,
    'zh-CN': '记录不存在或无权访问',
    'zh-TW': '記錄不存在或無權存取',
    en: 'Not found',
  },
  ROUTE_NOT_FOUND: { status: 404, 'zh-CN': '接口不存在', 'zh-TW': '介面不存在', en: 'No such endpoint' },
  UNAUTHENTICATED: { status: 401, 'zh-CN': '请先登录', 'zh-TW': '請先登入', en: 'Please sign in' },
  FORBIDDEN: {
    status: 403,
    'zh-CN': '您没有执行此操作的权限',
    'zh-TW': '您沒有執行此操作的權限',
    en: 'You do not have permission to do this',
  },
  INVALID_CREDENTIALS: {
    status: 401,
    'zh-CN': '账号或密码错误',
    'zh-TW': '帳號或密碼錯誤',
    en: 'Wrong login or password',
  },
  LOGIN_LOCKED: {
    status: 429,
    'zh-CN': '登录失败次数过多，请稍后再试',
    'zh-TW': '登入失敗次數過多，請稍後再試',
    en: 'Too many failed sign-ins; try again later',
  },
  ACCOUNT_DISABLED: {
    status: 403,
    'zh-CN': '该账号已停用',
    'zh-TW': '該帳號已停用',
    en: 'This account is disabled',
  },
  CSRF_INVALID: {
    status: 403,
    'zh-CN': '页面已过期，请刷新后重试',
    'zh-TW': '頁面已過期，請重新整理後再試',
    en: 'This page has expired; reload and try again',
  },
  WRONG_PASSWORD: {
    status: 400,
    'zh-CN': '当前密码不正确',
    'zh-TW': '目前密碼不正確',
    en: 'The current password is wrong',
  },
  PASSWORD_TOO_WEAK: {
    status: 400,
    'zh-CN': '密码太容易被猜到：请至少 8 位，混合字母、数字或符号，且不要使用常见密码',
    'zh-TW': '密碼太容易被猜到：請至少 8 位，混合字母、數字或符號，且不要使用常見密碼',
    en: 'This password is too easy to guess: use at least 8 characters mixing letters, digits or symbols, and no common password',
  },
  PASSWORD_CHANGE_REQUIRED: {
    status: 403,
    'zh-CN': '请先修改密码再继续',
    'zh-TW': '請先修改密碼再繼續',
    en: 'Change your password before you continue',
  },
  USERNAME_TAKEN: {
    status: 409,
    'zh-CN': '用户名已被使用',
    'zh-TW': '使用者名稱已被使用',
    en: 'This username is taken',
  },
  EMAIL_TAKEN: {
    status: 409,
    'zh-CN': '邮箱已被使用',
    'zh-TW': '電子郵件已被使用',
    en: 'This email is already used',
  },
  CODE_TAKEN: { status: 409, 'zh-CN': '编码已存在', 'zh-TW': '編碼已存在', en: 'This code already exists' },
  SYSTEM_ROLE_PROTECTED: {
    status: 409,
    'zh-CN': '系统管理员角色不能删除或减少权限',
    'zh-TW': '系統管理員角色不能刪除或減少權限',
    en: 'The administrator role cannot be deleted or reduced',
  },
  ROLE_IN_USE: {
    status: 409,
    'zh-CN': '仍有用户使用该角色',
    'zh-TW': '仍有使用者使用該角色',
    en: 'Users still hold this role',
  },
  DEPARTMENT_IN_USE: {
    status: 409,
    'zh-CN': '该部门下仍有人员或子部门',
    'zh-TW': '該部門下仍有人員或子部門',
    en: 'This department still has staff or sub-departments',
  },
  DEPARTMENT_CYCLE: {
    status: 400,
    'zh-CN': '上级部门不能是自身或下级',
    'zh-TW': '上級部門不能是自身或下級',
    en: 'A department cannot be under itself',
  },
  LAST_ADMIN: {
    status: 409,
    'zh-CN': '至少需要保留一名启用的系统管理员',
    'zh-TW': '至少需要保留一名啟用的系統管理員',
    en: 'At least one active administrator must remain',
  },
  INVALID_NUMBER_PATTERN: {
    status: 400,
    'zh-CN': '编号规则无效：需包含 {seqN} 序号',
    'zh-TW': '編號規則無效：需包含 {seqN} 序號',
    en: 'Invalid number pattern: it needs a {seqN} sequence',
  },
  INVALID_TIME_ZONE: { status: 400, 'zh-CN': '时区无效', 'zh-TW': '時區無效', en: 'Unknown time zone' },
  PAYLOAD_TOO_LARGE: {
    status: 413,
    'zh-CN': '提交内容过大',
    'zh-TW': '提交內容過大',
    en: 'The request is too large',
  },
  RATE_LIMITED: {
    status: 429,
    'zh-CN': '请求过于频繁，请稍后再试',
    'zh-TW': '請求過於頻繁，請稍後再試',
    en: 'Too many requests; slow down',
  },
  IDEMPOTENCY_KEY_INVALID: {
    status: 400,
    'zh-CN': 'Idempotency-Key 无效：需为 1–255 个可打印字符',
    'zh-TW': 'Idempotency-Key 無效：需為 1–255 個可列印字元',
    en: 'Invalid Idempotency-Key: use 1–255 printable characters',
  },
  IDEMPOTENCY_IN_PROGRESS: {
    status: 409,
    'zh-CN': '相同的提交仍在处理中，请稍后重试',
    'zh-TW': '相同的提交仍在處理中，請稍後再試',
    en: 'The same submission is still being processed; retry in a moment',
  },
  IDEMPOTENCY_KEY_REUSED: {
    status: 422,
    'zh-CN': '该 Idempotency-Key 已用于另一项不同的提交',
    'zh-TW': '該 Idempotency-Key 已用於另一項不同的提交',
    en: 'This Idempotency-Key was already used for a different submission',
  },
  IDEMPOTENCY_INTERRUPTED: {
    status: 409,
    'zh-CN': '使用该 Idempotency-Key 的首次提交已保存但未返回结果，请先查找该记录再决定是否重新提交',
    'zh-TW': '使用該 Idempotency-Key 的首次提交已儲存但未傳回結果，請先查找該記錄再決定是否重新提交',
    en: 'The first submission with this Idempotency-Key was saved but its answer was lost; look the record up before submitting again',
  },
  AUDIT_IMMUTABLE: {
    status: 400,
    'zh-CN': '审计记录不可修改或删除',
    'zh-TW': '稽核記錄不可修改或刪除',
    en: 'Audit records cannot be changed',
  },
  DATABASE_UNAVAILABLE: {
    status: 503,
    'zh-CN': '数据库暂时无法访问，请稍后重试',
    'zh-TW': '資料庫暫時無法存取，請稍後再試',
    en: 'The database is unavailable right now; try again in a moment',
  },
  INTERNAL: {
    status: 500,
    'zh-CN': '服务器内部错误，请稍后重试',
    'zh-TW': '伺服器內部錯誤，請稍後再試',
    en: 'Something went wrong on our side',
  },
} as const satisfies Record<string, ErrorEntry>;

/** Each module's codes, kept beside the platform's in `errors/<module>.ts`. */
export const MODULE_ERRORS = [
  COMPLAINTS_ERRORS,
  CAPAS_ERRORS,
  RETURNS_ERRORS,
  COMPLAINT_ANALYSIS_ERRORS,
  CUSTOMERS_ERRORS,
  REQUESTS_ERRORS,
] as const;

/**
 * Stable error codes with their HTTP status and user-facing text. The API sends
 * `{ error: { code, message, details } }` with `message` in the caller's language; the client may
 * re-localise from the same table.
 */
export const ERROR_MESSAGES = {
  ...PLATFORM_ERRORS,
  ...COMPLAINTS_ERRORS,
  ...CAPAS_ERRORS,
  ...RETURNS_ERRORS,
  ...COMPLAINT_ANALYSIS_ERRORS,
  ...CUSTOMERS_ERRORS,
  ...REQUESTS_ERRORS,
};

export type ErrorCode = keyof typeof ERROR_MESSAGES;

/** The HTTP status the API answers with for a code: it belongs to the code, not to the place that throws it. */
export function errorStatus(code: ErrorCode): number {
  return ERROR_MESSAGES[code].status;
}

export function errorMessage(code: ErrorCode, locale: Locale): string {
  return ERROR_MESSAGES[code][locale];
}

/** The one error shape of the API. */
export interface ApiErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown };
}

/** Field-level problem inside VALIDATION_FAILED details. */
export interface FieldIssue {
  field: string;
  message: string;
}
