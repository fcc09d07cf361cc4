import type { TemplateSet } from '../default-templates.ts';

/** Built-in message texts of the returns module (merged into DEFAULT_TEMPLATES). */
export const RETURNS_TEMPLATES: Record<string, TemplateSet> = {
  'return.notified': {
    in_app: {
      'zh-CN': {
        subject: '退货通知：{{return.number}} {{customer.name}}',
        body: '客户退货即将到货，请签收确认并点收数量：{{items}}',
      },
      'zh-TW': {
        subject: '退貨通知：{{return.number}} {{customer.name}}',
        body: '客戶退貨即將到貨，請簽收確認並點收數量：{{items}}',
      },
      en: {
        subject: 'Return notice: {{return.number}} {{customer.name}}',
        body: 'Returned goods are on their way; please sign for them and count them: {{items}}',
      },
    },
  },
  'return.received': {
    in_app: {
      'zh-CN': {
        subject: '退货品已签收，待品质确认：{{return.number}}',
        body: '{{customer.name}}的退货已点收，请依照退货单确认实际不良状况：{{items}}',
      },
      'zh-TW': {
        subject: '退貨品已簽收，待品質確認：{{return.number}}',
        body: '{{customer.name}}的退貨已點收，請依照退貨單確認實際不良狀況：{{items}}',
      },
      en: {
        subject: 'Returned goods received, inspection needed: {{return.number}}',
        body: 'The return of {{customer.name}} was counted; please confirm the actual defect: {{items}}',
      },
    },
  },
  'return.inspected': {
    in_app: {
      'zh-CN': {
        subject: '退货品质已确认，待处置：{{return.number}}',
        body: '品保部已确认{{customer.name}}退货的不良状况，请决定返工、补货、报废或退款。',
      },
      'zh-TW': {
        subject: '退貨品質已確認，待處置：{{return.number}}',
        body: '品保部已確認{{customer.name}}退貨的不良狀況，請決定返工、補貨、報廢或退款。',
      },
      en: {
        subject: 'Return inspected, disposition needed: {{return.number}}',
        body: 'Quality has inspected the return of {{customer.name}}; choose rework, replacement, scrap or refund.',
      },
    },
  },
};
