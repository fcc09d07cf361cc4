import type { ErrorEntry } from '../errors.ts';

/** Error codes of customer files, imports, key accounts, approvals, admission and credit changes (merged into ERROR_MESSAGES). */
export const CUSTOMERS_ERRORS = {
  CUSTOMER_POSSIBLE_DUPLICATE: {
    status: 409,
    'zh-CN': '可能已有相同的客户，请先核对列出的客户',
    'zh-TW': '可能已有相同的客戶，請先核對列出的客戶',
    en: 'This customer may already exist; check the customers listed',
  },
  CUSTOMER_FIELD_NEEDS_APPROVAL: {
    status: 403,
    'zh-CN': '您无权在新建客户时设定此项：准入、等级和信用须经各自的审批',
    'zh-TW': '您無權在新建客戶時設定此項：准入、等級和信用須經各自的審批',
    en: 'You may not set this when filing a customer: admission, class and credit each go through their approval',
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
} as const satisfies Record<string, ErrorEntry>;
