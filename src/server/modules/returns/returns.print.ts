import type { Locale } from '../../../shared/locale.ts';
import type { ReturnDetail, ReturnDisposition, ReturnStatus } from '../../../shared/schemas/returns.ts';
import { printKit, printPage, type Text } from '../../http/print-kit.ts';

const L = {
  title: ['退货通知单', '退貨通知單', 'Return Notice'],
  rework: ['返工通知单', '返工通知單', 'Rework Order'],
  number: ['退货单号', '退貨單號', 'Return no.'],
  reworkNumber: ['返工单号', '返工單號', 'Rework no.'],
  date: ['日期', '日期', 'Date'],
  status: ['状态', '狀態', 'Status'],
  customer: ['客户名称', '客戶名稱', 'Customer'],
  complaint: ['投诉编号', '投訴編號', 'Complaint no.'],
  orderRef: ['订单号', '訂單號', 'Order ref.'],
  requestedBy: ['通知人（营业部）', '通知人（營業部）', 'Notified by (sales)'],
  reason: ['退货原因', '退貨原因', 'Reason for return'],
  items: ['一、退货明细', '一、退貨明細', '1. Items'],
  pos: ['序号', '序號', 'No.'],
  product: ['品名', '品名', 'Product'],
  spec: ['规格', '規格', 'Specification'],
  unit: ['单位', '單位', 'Unit'],
  quantity: ['通知数量', '通知數量', 'Notified qty'],
  received: ['实收数量', '實收數量', 'Received qty'],
  defective: ['不良数量', '不良數量', 'Defective qty'],
  note: ['备注', '備註', 'Note'],
  receipt: ['二、签收点收（资材部/仓储）', '二、簽收點收（資材部/倉儲）', '2. Receipt (warehouse)'],
  receivedBy: ['签收人', '簽收人', 'Received by'],
  receivedAt: ['签收时间', '簽收時間', 'Received at'],
  receiptNote: ['点收说明', '點收說明', 'Receipt note'],
  inspection: ['三、品质确认（品保部）', '三、品質確認（品保部）', '3. Inspection (quality)'],
  inspectedBy: ['确认人', '確認人', 'Inspected by'],
  inspectedAt: ['确认时间', '確認時間', 'Inspected at'],
  defect: ['不良是否属实', '不良是否屬實', 'Defect confirmed'],
  finding: ['不良状况', '不良狀況', 'Finding'],
  disposition: ['四、处置', '四、處置', '4. Disposition'],
  kind: ['处置方式', '處置方式', 'Disposition'],
  decidedBy: ['决定人', '決定人', 'Decided by'],
  dispositionNote: ['处置说明', '處置說明', 'Note'],
  reworkDue: ['返工完成期限', '返工完成期限', 'Rework due'],
  reworkDone: ['返工完成', '返工完成', 'Rework done'],
  planned: ['补货交期', '補貨交期', 'Planned delivery'],
  delivered: ['实际交货', '實際交貨', 'Delivered'],
  refund: ['退款金额', '退款金額', 'Refund amount'],
  cancelReason: ['取消原因', '取消原因', 'Reason for cancelling'],
  sign: ['签字', '簽字', 'Signatures'],
  sales: ['营业部', '營業部', 'Sales'],
  warehouse: ['资材部签收', '資材部簽收', 'Warehouse'],
  quality: ['品保部确认', '品保部確認', 'Quality'],
  manager: ['主管审核', '主管審核', 'Manager'],
  printed: ['打印时间', '列印時間', 'Printed'],
  yes: ['属实', '屬實', 'Yes'],
  no: ['不属实', '不屬實', 'No — not confirmed'],
} as const satisfies Record<string, Text>;

const STATUS_TEXT: Record<ReturnStatus, Text> = {
  notified: ['待签收', '待簽收', 'Awaiting receipt'],
  received: ['待品质确认', '待品質確認', 'Awaiting inspection'],
  inspected: ['待处置', '待處置', 'Awaiting disposition'],
  disposed: ['处置中', '處置中', 'Being disposed of'],
  closed: ['已结案', '已結案', 'Closed'],
  cancelled: ['已取消', '已取消', 'Cancelled'],
};

const DISPOSITION_TEXT: Record<ReturnDisposition, Text> = {
  rework: ['返工', '返工', 'Rework'],
  replace: ['补货', '補貨', 'Replacement'],
  scrap: ['报废', '報廢', 'Scrap'],
  refund: ['退款', '退款', 'Refund'],
};

export interface ReturnPrintInput {
  organisation: { name: string; timeZone: string };
  notice: ReturnDetail;
  locale: Locale;
  now?: Date;
}

/** 《退货通知单》 with its receipt, inspection and disposition, as a self-contained page for printing. */
export function renderReturnNotice(input: ReturnPrintInput): string {
  const k = printKit(input.locale, input.organisation.timeZone);
  const { e, t, when, day, qty, amount, row } = k;
  const n = input.notice;
  const items = n.items
    .map(
      (item) =>
        `<tr${item.discrepancy ? ' class="diff"' : ''}><td>${item.position}</td><td>${e(item.product)}</td><td>${e(item.spec)}</td><td>${e(item.unit)}</td><td class="num">${qty(item.quantity)}</td><td class="num">${qty(item.receivedQuantity)}</td><td class="num">${qty(item.defectiveQuantity)}</td><td class="pre">${e(item.note)}</td></tr>`,
    )
    .join('');
  const defect = n.inspected.defectConfirmed === null ? '' : t(n.inspected.defectConfirmed ? L.yes : L.no);
  const dispositionRows: string[] = [];
  if (n.disposition) {
    dispositionRows.push(
      row([
        [L.kind, t(DISPOSITION_TEXT[n.disposition])],
        [L.decidedBy, `${e(n.disposed.byName)} ${when(n.disposed.at)}`],
      ]),
    );
    if (n.rework)
      dispositionRows.push(
        row([
          [L.reworkNumber, e(n.rework.number)],
          [L.reworkDue, day(n.rework.dueDate)],
        ]),
        row([[L.reworkDone, when(n.rework.doneAt)]]),
      );
    if (n.replacement)
      dispositionRows.push(
        row([
          [L.planned, day(n.replacement.plannedDate)],
          [L.delivered, when(n.replacement.deliveredAt)],
        ]),
      );
    if (n.refundAmount !== null) dispositionRows.push(row([[L.refund, amount(n.refundAmount)]]));
    dispositionRows.push(row([[L.dispositionNote, `<span class="pre">${e(n.disposed.note)}</span>`]]));
  }
  const body = `
<table>
${row([
  [L.customer, e(n.customerName)],
  [L.orderRef, e(n.orderRef)],
])}
${row([
  [L.complaint, e(n.complaintNumber)],
  [L.requestedBy, e(n.requestedByName)],
])}
${row([[L.reason, `<span class="pre">${e(n.reason)}</span>`]])}
${n.cancelReason ? row([[L.cancelReason, `<span class="pre">${e(n.cancelReason)}</span>`]]) : ''}
</table>
<table class="items"><caption>${t(L.items)}</caption>
<colgroup><col style="width:6%"><col style="width:20%"><col style="width:16%"><col style="width:7%"><col style="width:11%"><col style="width:11%"><col style="width:11%"><col></colgroup>
<tr><th>${t(L.pos)}</th><th>${t(L.product)}</th><th>${t(L.spec)}</th><th>${t(L.unit)}</th><th>${t(L.quantity)}</th><th>${t(L.received)}</th><th>${t(L.defective)}</th><th>${t(L.note)}</th></tr>
${items}
</table>
<table><caption>${t(L.receipt)}</caption>
${row([
  [L.receivedBy, e(n.received.byName)],
  [L.receivedAt, when(n.received.at)],
])}
${row([[L.receiptNote, `<span class="pre">${e(n.received.note)}</span>`]])}
</table>
<table><caption>${t(L.inspection)}</caption>
${row([
  [L.inspectedBy, e(n.inspected.byName)],
  [L.inspectedAt, when(n.inspected.at)],
])}
${row([[L.defect, defect]])}
${row([[L.finding, `<span class="pre">${e(n.inspected.note)}</span>`]])}
</table>
<table><caption>${t(L.disposition)}</caption>
${dispositionRows.join('\n') || `<tr><td class="notes"></td></tr>`}
</table>
<table class="sign"><caption>${t(L.sign)}</caption>
<tr><th>${t(L.sales)}</th><th>${t(L.warehouse)}</th><th>${t(L.quality)}</th><th>${t(L.manager)}</th></tr>
<tr><td></td><td></td><td></td><td></td></tr>
</table>`;
  return printPage({
    locale: input.locale,
    title: `${t(L.title)} ${e(n.number)}`,
    organisation: input.organisation.name,
    heading: L.title[k.i],
    meta: `<span>${t(L.number)}：${e(n.number)}</span><span>${t(L.date)}：${when(n.createdAt, false)}</span><span>${t(L.status)}：${t(STATUS_TEXT[n.status])}</span>`,
    body,
    footer: `${t(L.printed)}：${when((input.now ?? new Date()).toISOString())}`,
  });
}

const R = {
  title: L.rework,
  number: L.reworkNumber,
  returnNumber: L.number,
  issued: ['开单日期', '開單日期', 'Issued'],
  customer: L.customer,
  orderRef: L.orderRef,
  due: L.reworkDue,
  done: L.reworkDone,
  finding: ['不良状况（品保部确认）', '不良狀況（品保部確認）', 'Defect found by quality'],
  instructions: ['返工要求', '返工要求', 'Rework instructions'],
  items: ['返工明细', '返工明細', 'Items to rework'],
  pos: L.pos,
  product: L.product,
  spec: L.spec,
  unit: L.unit,
  received: L.received,
  defective: ['返工数量（不良）', '返工數量（不良）', 'Qty to rework (defective)'],
  issuedBy: ['开单人（营业部）', '開單人（營業部）', 'Issued by (sales)'],
  production: ['生产部接收', '生產部接收', 'Production'],
  quality: ['品保部复检', '品保部複檢', 'Quality re-check'],
  sign: L.sign,
  printed: L.printed,
} as const satisfies Record<string, Text>;

/** 《返工通知单》 for 生产部: which goods to rework, what quality found, what to do and by when. */
export function renderReworkOrder(input: ReturnPrintInput): string {
  const k = printKit(input.locale, input.organisation.timeZone);
  const { e, t, when, day, qty, row } = k;
  const n = input.notice;
  const rework = n.rework!;
  const items = n.items
    .map(
      (item) =>
        `<tr><td>${item.position}</td><td>${e(item.product)}</td><td>${e(item.spec)}</td><td>${e(item.unit)}</td><td class="num">${qty(item.receivedQuantity)}</td><td class="num">${qty(item.defectiveQuantity)}</td></tr>`,
    )
    .join('');
  const body = `
<table>
${row([
  [R.returnNumber, e(n.number)],
  [R.customer, e(n.customerName)],
])}
${row([
  [R.orderRef, e(n.orderRef)],
  [R.due, day(rework.dueDate)],
])}
${row([[R.finding, `<span class="pre">${e(n.inspected.note)}</span>`]])}
${row([[R.instructions, `<span class="pre">${e(rework.instructions)}</span>`]])}
${row([[R.done, when(rework.doneAt)]])}
</table>
<table class="items"><caption>${t(R.items)}</caption>
<tr><th>${t(R.pos)}</th><th>${t(R.product)}</th><th>${t(R.spec)}</th><th>${t(R.unit)}</th><th>${t(R.received)}</th><th>${t(R.defective)}</th></tr>
${items}
</table>
<table class="sign"><caption>${t(R.sign)}</caption>
<tr><th>${t(R.issuedBy)}</th><th>${t(R.production)}</th><th>${t(R.quality)}</th></tr>
<tr><td>${e(n.disposed.byName)}</td><td></td><td></td></tr>
</table>`;
  return printPage({
    locale: input.locale,
    title: `${t(R.title)} ${e(rework.number)}`,
    organisation: input.organisation.name,
    heading: R.title[k.i],
    meta: `<span>${t(R.number)}：${e(rework.number)}</span><span>${t(R.issued)}：${when(n.disposed.at, false)}</span>`,
    body,
    footer: `${t(R.printed)}：${when((input.now ?? new Date()).toISOString())}`,
  });
}
