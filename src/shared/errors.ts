import { CAPAS_ERRORS } from './errors/capas.ts';
import { COMPLAINT_ANALYSIS_ERRORS } from './errors/complaint-analysis.ts';
import { COMPLAINTS_ERRORS } from './errors/complaints.ts';
import { RETURNS_ERRORS } from './errors/returns.ts';
import type { Locale, Localised } from './locale.ts';

/** One catalogue entry: the HTTP status and the message in each language. */
export type ErrorEntry = Localised & { status: number };

/**
 * Stable error codes with their user-facing text. The API sends `{ error: { code, message, details } }`
 * with `message` in the caller's language; the client may re-localise from the same table.
 */
export const ERROR_MESSAGES = {
  ...COMPLAINTS_ERRORS,
  ...CAPAS_ERRORS,
  ...RETURNS_ERRORS,
  ...COMPLAINT_ANALYSIS_ERRORS,
  VALIDATION_FAILED: {
    status: 400,
    'zh-CN': '输入有误，请检查标出的字段',
    'zh-TW': '輸入有誤，請檢查標出的欄位',
    en: 'Some fields are not valid',
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
  CUSTOMER_POSSIBLE_DUPLICATE: {
    status: 409,
    'zh-CN': '可能已有相同的客户，请先核对列出的客户',
    'zh-TW': '可能已有相同的客戶，請先核對列出的客戶',
    en: 'This customer may already exist; check the customers listed',
  },
  CUSTOMER_LIFECYCLE_NOT_ALLOWED: {
    status: 409,
    'zh-CN': '客户当前状态不能这样变更',
    'zh-TW': '客戶目前狀態不能這樣變更',
    en: 'The customer cannot move to that stage from its current one',
  },
  CUSTOMER_MERGE_INVALID: {
    status: 409,
    'zh-CN': '不能合并：请选择另一个未被合并的客户',
    'zh-TW': '不能合併：請選擇另一個未被合併的客戶',
    en: 'Cannot merge: choose another customer that has not been merged',
  },
  IMPORT_TOO_MANY_ROWS: {
    status: 400,
    'zh-CN': '文件行数超过上限，请分批导入',
    'zh-TW': '檔案行數超過上限，請分批匯入',
    en: 'The file has too many rows; import it in parts',
  },
  IMPORT_HAS_ERRORS: {
    status: 422,
    'zh-CN': '文件中有错误，未导入任何数据；请按行修改后重新导入',
    'zh-TW': '檔案中有錯誤，未匯入任何資料；請按行修改後重新匯入',
    en: 'The file has errors; nothing was imported. Fix the rows listed and import again',
  },
  IMPORT_FILE_UNREADABLE: {
    status: 400,
    'zh-CN': '无法读取文件，请上传 XLSX 或 CSV 文件',
    'zh-TW': '無法讀取檔案，請上傳 XLSX 或 CSV 檔案',
    en: 'The file cannot be read; upload an XLSX or CSV file',
  },
  KEY_ACCOUNT_NOT_ELIGIBLE: {
    status: 409,
    'zh-CN': '只有正式（或休眠）客户可以申请大客户',
    'zh-TW': '只有正式（或休眠）客戶可以申請大客戶',
    en: 'Only active (or dormant) customers can become key accounts',
  },
  KEY_ACCOUNT_EXISTS: {
    status: 409,
    'zh-CN': '该客户已是大客户或申请正在审批中',
    'zh-TW': '該客戶已是大客戶或申請正在審批中',
    en: 'This customer is already a key account or its application is pending',
  },
  KEY_ACCOUNT_NOT_DESIGNATED: {
    status: 409,
    'zh-CN': '该客户当前不是大客户',
    'zh-TW': '該客戶目前不是大客戶',
    en: 'This customer is not a key account',
  },
  CUSTOMER_MERGED: {
    status: 409,
    'zh-CN': '该客户已合并到其他客户，请在合并后的客户上操作',
    'zh-TW': '該客戶已合併到其他客戶，請在合併後的客戶上操作',
    en: 'This customer was merged into another; work on that one',
  },
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
  AUDIT_IMMUTABLE: {
    status: 400,
    'zh-CN': '审计记录不可修改或删除',
    'zh-TW': '稽核記錄不可修改或刪除',
    en: 'Audit records cannot be changed',
  },
  INVALID_TRANSITION: {
    status: 409,
    'zh-CN': '当前状态下不能执行该操作',
    'zh-TW': '目前狀態下不能執行該操作',
    en: 'This step is not allowed from the current status',
  },
  REASON_REQUIRED: { status: 400, 'zh-CN': '请填写原因', 'zh-TW': '請填寫原因', en: 'Please give a reason' },
  INVALID_ASSIGNEE: {
    status: 400,
    'zh-CN': '处理人无效或已停用',
    'zh-TW': '處理人無效或已停用',
    en: 'The assignee is not an active user',
  },
  MAILBOX_CONNECTION_FAILED: {
    status: 400,
    'zh-CN': '无法连接邮件服务器，请检查主机、端口、加密方式和账号密码',
    'zh-TW': '無法連線郵件伺服器，請檢查主機、連接埠、加密方式和帳號密碼',
    en: 'Could not connect to the mail server; check host, port, encryption, user and password',
  },
  MAILBOX_ADDRESS_TAKEN: {
    status: 409,
    'zh-CN': '该邮箱地址已配置',
    'zh-TW': '該郵箱地址已設定',
    en: 'This mailbox address is already configured',
  },
  KB_CATEGORY_IN_USE: {
    status: 409,
    'zh-CN': '该分类下仍有文章或子分类',
    'zh-TW': '該分類下仍有文章或子分類',
    en: 'This category still has articles or sub-categories',
  },
  KB_CATEGORY_CYCLE: {
    status: 400,
    'zh-CN': '上级分类不能是自身或下级',
    'zh-TW': '上級分類不能是自身或下級',
    en: 'A category cannot be under itself',
  },
  KB_VERSION_CONFLICT: {
    status: 409,
    'zh-CN': '文章已被他人修改，请刷新后再编辑',
    'zh-TW': '文章已被他人修改，請重新整理後再編輯',
    en: 'Someone else saved this article meanwhile; reload it and edit again',
  },
  KB_ARTICLE_EMPTY: {
    status: 400,
    'zh-CN': '文章正文为空，不能发布',
    'zh-TW': '文章內文為空，不能發佈',
    en: 'An article without a body cannot be published',
  },
  TOKEN_INVALID: {
    status: 400,
    'zh-CN': '链接无效或已过期，请重新申请',
    'zh-TW': '連結無效或已過期，請重新申請',
    en: 'This link is invalid or has expired; please request a new one',
  },
  EMAIL_NOT_VERIFIED: {
    status: 403,
    'zh-CN': '请先点击验证邮件中的链接完成邮箱验证',
    'zh-TW': '請先點擊驗證郵件中的連結完成電子郵件驗證',
    en: 'Please verify your email address first (see the link we sent you)',
  },
  SUBMISSION_REJECTED: {
    status: 400,
    'zh-CN': '提交未被接受，请稍后再试或致电客服热线',
    'zh-TW': '提交未被接受，請稍後再試或致電客服熱線',
    en: 'The submission was not accepted; try again later or call us',
  },
  NOT_RATEABLE: {
    status: 409,
    'zh-CN': '请求解决后才能评价',
    'zh-TW': '請求解決後才能評價',
    en: 'A request can be rated once it is resolved',
  },
  ATTACHMENT_TOO_LARGE: {
    status: 413,
    'zh-CN': '文件过大',
    'zh-TW': '檔案過大',
    en: 'The file is too large',
  },
  ATTACHMENT_TYPE_NOT_ALLOWED: {
    status: 415,
    'zh-CN': '不支持该文件类型（可上传图片、PDF、Office 文档、文本和压缩包）',
    'zh-TW': '不支援該檔案類型（可上傳圖片、PDF、Office 文件、文字和壓縮檔）',
    en: 'This file type is not allowed (images, PDF, Office documents, text and zip are)',
  },
  APPROVAL_NO_ROUTE: {
    status: 409,
    'zh-CN': '没有适用的审批路线，请联系管理员配置审批设置',
    'zh-TW': '沒有適用的審批路線，請聯絡管理員設定審批',
    en: 'No approval route applies; ask an administrator to set up approvals',
  },
  APPROVAL_ALREADY_PENDING: {
    status: 409,
    'zh-CN': '该记录已有一个审批中的申请',
    'zh-TW': '該記錄已有一個審批中的申請',
    en: 'This record already has a request awaiting approval',
  },
  APPROVAL_STEP_NOT_PENDING: {
    status: 409,
    'zh-CN': '该审批环节当前不可处理（尚未轮到或已处理）',
    'zh-TW': '該審批環節目前不可處理（尚未輪到或已處理）',
    en: 'This approval step cannot be decided now (not its turn yet, or already decided)',
  },
  APPROVAL_NOT_PENDING: {
    status: 409,
    'zh-CN': '该审批已结束',
    'zh-TW': '該審批已結束',
    en: 'This approval is already finished',
  },
  APPROVAL_COMMENT_REQUIRED: {
    status: 400,
    'zh-CN': '驳回时请填写理由',
    'zh-TW': '駁回時請填寫理由',
    en: 'Please give a reason for rejecting',
  },
  APPROVAL_OWN_REQUEST: {
    status: 403,
    'zh-CN': '不能审批自己提交的申请',
    'zh-TW': '不能審批自己提交的申請',
    en: 'You cannot decide your own request',
  },
  APPLICATION_NOT_DRAFT: {
    status: 409,
    'zh-CN': '只有草稿状态的申请可以修改或提交',
    'zh-TW': '只有草稿狀態的申請可以修改或提交',
    en: 'Only a draft application can be changed or submitted',
  },
  APPLICATION_CLOSED: {
    status: 409,
    'zh-CN': '该申请已结束，不能撤回',
    'zh-TW': '該申請已結束，不能撤回',
    en: 'This application is already closed and cannot be withdrawn',
  },
  CUSTOMER_NOT_PROSPECT: {
    status: 409,
    'zh-CN': '只有潜在客户可以提交准入申请',
    'zh-TW': '只有潛在客戶可以提交准入申請',
    en: 'Only a prospective customer can be proposed for admission',
  },
  CREDIT_CHANGE_PENDING: {
    status: 409,
    'zh-CN': '该客户已有一个审批中的信用调整申请',
    'zh-TW': '該客戶已有一個審批中的信用調整申請',
    en: 'This customer already has a credit change awaiting approval',
  },
  CREDIT_CHANGE_NO_CHANGE: {
    status: 400,
    'zh-CN': '申请的信用条件与当前相同',
    'zh-TW': '申請的信用條件與目前相同',
    en: 'The requested credit terms are the same as the current ones',
  },
  CREDIT_CHANGE_NOT_ACTIVE: {
    status: 409,
    'zh-CN': '只有已准入的客户可以调整信用级别',
    'zh-TW': '只有已准入的客戶可以調整信用級別',
    en: 'Only admitted customers can have their credit level changed',
  },
  CREDIT_CHANGE_CLOSED: {
    status: 409,
    'zh-CN': '该信用调整申请已结束',
    'zh-TW': '該信用調整申請已結束',
    en: 'This credit change is already closed',
  },
  INTERNAL: {
    status: 500,
    'zh-CN': '服务器内部错误，请稍后重试',
    'zh-TW': '伺服器內部錯誤，請稍後再試',
    en: 'Something went wrong on our side',
  },
} as const satisfies Record<string, ErrorEntry>;

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
