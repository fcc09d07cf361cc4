import type { Localised } from '../locale.ts';

/** Error codes of the returns module with their user-facing text (merged into ERROR_MESSAGES). */
export const RETURNS_ERRORS = {
  RETURN_CUSTOMER_REQUIRED: {
    'zh-CN': '请选择退货客户（或选择一个已关联客户的投诉）',
    'zh-TW': '請選擇退貨客戶（或選擇一個已關聯客戶的投訴）',
    en: 'Choose the customer (or a complaint that has one)',
  },
  RETURN_CUSTOMER_NOT_FOUND: {
    'zh-CN': '所选客户不存在',
    'zh-TW': '所選客戶不存在',
    en: 'The selected customer does not exist',
  },
  RETURN_COMPLAINT_NOT_FOUND: {
    'zh-CN': '所选投诉不存在',
    'zh-TW': '所選投訴不存在',
    en: 'The selected complaint does not exist',
  },
  RETURN_COMPLAINT_OTHER_CUSTOMER: {
    'zh-CN': '所选投诉属于另一位客户',
    'zh-TW': '所選投訴屬於另一位客戶',
    en: 'The selected complaint belongs to another customer',
  },
  RETURN_ITEMS_MISMATCH: {
    'zh-CN': '请对退货单上的每一项货品分别填写数量',
    'zh-TW': '請對退貨單上的每一項貨品分別填寫數量',
    en: 'Give a quantity for each item of the return notice, once',
  },
  RETURN_DISCREPANCY_NOTE_REQUIRED: {
    'zh-CN': '点收数量与通知数量不符，请填写差异说明',
    'zh-TW': '點收數量與通知數量不符，請填寫差異說明',
    en: 'The counted quantity differs from the notice: explain the difference',
  },
  RETURN_DEFECTIVE_EXCEEDS_RECEIVED: {
    'zh-CN': '不良数量不能大于实收数量',
    'zh-TW': '不良數量不能大於實收數量',
    en: 'The defective quantity cannot exceed the quantity received',
  },
  RETURN_NOT_AWAITING_RECEIPT: {
    'zh-CN': '该退货单不在待签收状态',
    'zh-TW': '該退貨單不在待簽收狀態',
    en: 'This return is not waiting to be received',
  },
  RETURN_NOT_RECEIVED: {
    'zh-CN': '退货品尚未签收点收，或已完成品质确认',
    'zh-TW': '退貨品尚未簽收點收，或已完成品質確認',
    en: 'The goods have not been received yet, or were already inspected',
  },
  RETURN_NOT_INSPECTED: {
    'zh-CN': '品保部确认不良状况后才能处置',
    'zh-TW': '品保部確認不良狀況後才能處置',
    en: 'Quality must confirm the defect before a disposition',
  },
  RETURN_ALREADY_DISPOSED: {
    'zh-CN': '该退货单已处置；只有退款被驳回或撤回后才能重新处置',
    'zh-TW': '該退貨單已處置；只有退款被駁回或撤回後才能重新處置',
    en: 'This return is already disposed of; only a rejected or withdrawn refund allows a new disposition',
  },
  RETURN_NOT_DISPOSED: {
    'zh-CN': '该退货单尚未处置，或已结案/取消',
    'zh-TW': '該退貨單尚未處置，或已結案/取消',
    en: 'This return has not been disposed of, or is closed or cancelled',
  },
  RETURN_NOT_REWORK: {
    'zh-CN': '该退货单的处置方式不是返工',
    'zh-TW': '該退貨單的處置方式不是返工',
    en: 'This return is not being reworked',
  },
  RETURN_NOT_REPLACE: {
    'zh-CN': '该退货单的处置方式不是补货',
    'zh-TW': '該退貨單的處置方式不是補貨',
    en: 'This return is not being replaced',
  },
  RETURN_REWORK_ALREADY_DONE: {
    'zh-CN': '返工已登记完成',
    'zh-TW': '返工已登記完成',
    en: 'The rework is already recorded as done',
  },
  RETURN_ALREADY_DELIVERED: {
    'zh-CN': '补货已登记交货',
    'zh-TW': '補貨已登記交貨',
    en: 'The replacement is already recorded as delivered',
  },
  RETURN_REWORK_INSTRUCTIONS_REQUIRED: {
    'zh-CN': '请填写返工要求',
    'zh-TW': '請填寫返工要求',
    en: 'Enter the rework instructions',
  },
  RETURN_REWORK_DUE_REQUIRED: {
    'zh-CN': '请填写返工完成期限',
    'zh-TW': '請填寫返工完成期限',
    en: 'Enter the rework due date',
  },
  RETURN_REPLACEMENT_DATE_REQUIRED: {
    'zh-CN': '请填写补货交期',
    'zh-TW': '請填寫補貨交期',
    en: 'Enter the planned replacement delivery date',
  },
  RETURN_REFUND_AMOUNT_REQUIRED: {
    'zh-CN': '请填写大于 0 的退款金额',
    'zh-TW': '請填寫大於 0 的退款金額',
    en: 'Enter a refund amount above zero',
  },
  RETURN_REWORK_NOT_DONE: {
    'zh-CN': '返工尚未完成，不能结案',
    'zh-TW': '返工尚未完成，不能結案',
    en: 'The rework is not done yet: the return cannot be closed',
  },
  RETURN_REPLACEMENT_NOT_DELIVERED: {
    'zh-CN': '补货尚未交货，不能结案',
    'zh-TW': '補貨尚未交貨，不能結案',
    en: 'The replacement has not been delivered: the return cannot be closed',
  },
  RETURN_REFUND_PENDING: {
    'zh-CN': '退款尚在审批中，不能结案',
    'zh-TW': '退款尚在審批中，不能結案',
    en: 'The refund is still awaiting approval: the return cannot be closed',
  },
  RETURN_REFUND_REJECTED: {
    'zh-CN': '退款未获批准，请重新处置',
    'zh-TW': '退款未獲核准，請重新處置',
    en: 'The refund was not approved: choose a new disposition',
  },
  RETURN_CANCEL_AFTER_RECEIPT: {
    'zh-CN': '退货品已签收，不能再取消退货单',
    'zh-TW': '退貨品已簽收，不能再取消退貨單',
    en: 'The goods have been received: the return can no longer be cancelled',
  },
  RETURN_CLOSED: {
    'zh-CN': '该退货单已结案或已取消',
    'zh-TW': '該退貨單已結案或已取消',
    en: 'This return is closed or cancelled',
  },
} as const satisfies Record<string, Localised>;
