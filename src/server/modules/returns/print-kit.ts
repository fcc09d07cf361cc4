import type { ReturnDisposition, ReturnStatus } from '../../../shared/schemas/returns.ts';
import type { Text } from '../../http/print-kit.ts';

export const STATUS_TEXT: Record<ReturnStatus, Text> = {
  notified: ['待签收', '待簽收', 'Awaiting receipt'],
  received: ['待品质确认', '待品質確認', 'Awaiting inspection'],
  inspected: ['待处置', '待處置', 'Awaiting disposition'],
  disposed: ['处置中', '處置中', 'Being disposed of'],
  closed: ['已结案', '已結案', 'Closed'],
  cancelled: ['已取消', '已取消', 'Cancelled'],
};

export const DISPOSITION_TEXT: Record<ReturnDisposition, Text> = {
  rework: ['返工', '返工', 'Rework'],
  replace: ['补货', '補貨', 'Replacement'],
  scrap: ['报废', '報廢', 'Scrap'],
  refund: ['退款', '退款', 'Refund'],
};
