import type { ErrorEntry } from '../errors.ts';

/** Error codes of the complaints module with their user-facing text (merged into ERROR_MESSAGES). */
export const COMPLAINTS_ERRORS = {
  COMPENSATION_NOT_PENDING: {
    status: 409,
    'zh-CN': '该补偿申请已不在审批中',
    'zh-TW': '該補償申請已不在審批中',
    en: 'This compensation is no longer awaiting approval',
  },
  COMPENSATION_NOT_APPROVED: {
    status: 409,
    'zh-CN': '补偿未经批准，不能执行',
    'zh-TW': '補償未經核准，不能執行',
    en: 'This compensation has not been approved and cannot be carried out',
  },
  COMPLAINT_WRONG_STEP: {
    status: 409,
    'zh-CN': '投诉当前不在这一步，请刷新后按顺序处理',
    'zh-TW': '投訴目前不在這一步，請重新整理後依序處理',
    en: 'The complaint is not at this step; reload and follow the steps in order',
  },
  COMPLAINT_CLOSED: {
    status: 409,
    'zh-CN': '该投诉已结案',
    'zh-TW': '該投訴已結案',
    en: 'This complaint is closed',
  },
  COMPLAINT_EXISTS: {
    status: 409,
    'zh-CN': '该服务请求已登记为投诉',
    'zh-TW': '該服務請求已登記為投訴',
    en: 'This request is already registered as a complaint',
  },
  COMPLAINT_COMPENSATION_UNSETTLED: {
    status: 409,
    'zh-CN': '还有补偿未审批或未执行，请先处理完毕',
    'zh-TW': '還有補償未審批或未執行，請先處理完畢',
    en: 'Some compensation is still awaiting approval or has not been carried out',
  },
  COMPLAINT_FINAL_PENDING: {
    status: 409,
    'zh-CN': '结案报告正在审批中',
    'zh-TW': '結案報告正在審批中',
    en: 'The final report is awaiting approval',
  },
  COMPLAINT_DEPARTMENT_REQUIRED: {
    status: 400,
    'zh-CN': '请指定责任部门',
    'zh-TW': '請指定責任部門',
    en: 'Choose the responsible department',
  },
  COMPLAINT_NOT_COMPLAINT_TYPE: {
    status: 409,
    'zh-CN': '只有类型为“投诉”的服务请求可以登记为投诉',
    'zh-TW': '只有類型為「投訴」的服務請求可以登記為投訴',
    en: 'Only a request of type “complaint” can be registered as a complaint',
  },
} as const satisfies Record<string, ErrorEntry>;
