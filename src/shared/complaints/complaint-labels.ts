import type { Localised } from '../locale.ts';
import type { CompensationKind, ComplaintObject, ComplaintSeverity } from './complaint-flow.ts';

/** Labels the server needs too (approval titles, printed documents); the screens use the same. */
export const COMPENSATION_KIND_LABELS: Record<CompensationKind, Localised> = {
  replenishment: { 'zh-CN': '补货', 'zh-TW': '補貨', en: 'Replenishment' },
  refund: { 'zh-CN': '退款', 'zh-TW': '退款', en: 'Refund' },
  repair: { 'zh-CN': '维修', 'zh-TW': '維修', en: 'Repair' },
  discount: { 'zh-CN': '折让', 'zh-TW': '折讓', en: 'Discount' },
  indemnity: { 'zh-CN': '赔偿', 'zh-TW': '賠償', en: 'Indemnity' },
};

export const COMPLAINT_OBJECT_LABELS: Record<ComplaintObject, Localised> = {
  product: { 'zh-CN': '产品', 'zh-TW': '產品', en: 'Product' },
  order: { 'zh-CN': '订单', 'zh-TW': '訂單', en: 'Order' },
  shipment: { 'zh-CN': '发运/配送', 'zh-TW': '發運/配送', en: 'Shipment' },
  staff: { 'zh-CN': '员工', 'zh-TW': '員工', en: 'Staff' },
  service: { 'zh-CN': '服务', 'zh-TW': '服務', en: 'Service' },
};

export const COMPLAINT_SEVERITY_LABELS: Record<ComplaintSeverity, Localised> = {
  critical: { 'zh-CN': '特急', 'zh-TW': '特急', en: 'Critical' },
  major: { 'zh-CN': '严重', 'zh-TW': '嚴重', en: 'Major' },
  normal: { 'zh-CN': '一般', 'zh-TW': '一般', en: 'Normal' },
  minor: { 'zh-CN': '轻微', 'zh-TW': '輕微', en: 'Minor' },
};
