import type { Localised } from './locale.ts';

/**
 * Every permission Qiao knows, for every module of SPEC — also modules without screens yet, so roles
 * can be set up once. Routes declare one of these; roles hold sets of them.
 */
export const MODULES = {
  admin: { 'zh-CN': '系统管理', 'zh-TW': '系統管理', en: 'Administration' },
  tickets: { 'zh-CN': '服务请求', 'zh-TW': '服務請求', en: 'Service requests' },
  knowledge: { 'zh-CN': '知识库', 'zh-TW': '知識庫', en: 'Knowledge base' },
  customers: { 'zh-CN': '客户档案', 'zh-TW': '客戶檔案', en: 'Customers' },
  complaints: { 'zh-CN': '投诉与纠正预防', 'zh-TW': '投訴與糾正預防', en: 'Complaints & CAPA' },
  orders: { 'zh-CN': '订单与配送', 'zh-TW': '訂單與配送', en: 'Orders & deliveries' },
  surveys: { 'zh-CN': '满意度调查', 'zh-TW': '滿意度調查', en: 'Satisfaction surveys' },
  advisors: { 'zh-CN': '专属服务顾问', 'zh-TW': '專屬服務顧問', en: 'Exclusive advisors' },
  quality: { 'zh-CN': '服务质量与承诺', 'zh-TW': '服務品質與承諾', en: 'Quality & commitments' },
  callcenter: { 'zh-CN': '呼叫中心', 'zh-TW': '呼叫中心', en: 'Call center' },
  training: { 'zh-CN': '培训与考核', 'zh-TW': '培訓與考核', en: 'Training & appraisal' },
  reports: { 'zh-CN': '报表', 'zh-TW': '報表', en: 'Reports' },
} as const satisfies Record<string, Localised>;
export type ModuleKey = keyof typeof MODULES;

const p = (module: ModuleKey, zhCN: string, zhTW: string, en: string) => ({
  module,
  label: { 'zh-CN': zhCN, 'zh-TW': zhTW, en } satisfies Localised,
});

export const PERMISSIONS = {
  'user.read': p('admin', '查看用户', '檢視使用者', 'View users'),
  'user.manage': p('admin', '管理用户', '管理使用者', 'Manage users'),
  'role.read': p('admin', '查看角色', '檢視角色', 'View roles'),
  'role.manage': p('admin', '管理角色与权限', '管理角色與權限', 'Manage roles and permissions'),
  'department.read': p('admin', '查看部门', '檢視部門', 'View departments'),
  'department.manage': p('admin', '管理部门', '管理部門', 'Manage departments'),
  'settings.read': p('admin', '查看组织设置', '檢視組織設定', 'View organisation settings'),
  'settings.manage': p('admin', '修改组织设置', '修改組織設定', 'Change organisation settings'),
  'calendar.read': p('admin', '查看工作日历', '檢視工作日曆', 'View business calendar'),
  'calendar.manage': p('admin', '管理工作日历', '管理工作日曆', 'Manage business calendar'),
  'audit.read': p('admin', '查看审计日志', '檢視稽核日誌', 'View audit log'),
  'api_token.use': p('admin', '创建个人 API 令牌', '建立個人 API 權杖', 'Create personal API tokens'),
  'data.export': p('admin', '导出数据', '匯出資料', 'Export data'),

  'ticket.read': p('tickets', '查看服务请求', '檢視服務請求', 'View requests'),
  'ticket.read_all': p(
    'tickets',
    '查看全部服务请求',
    '檢視全部服務請求',
    'View all requests (not only own team)',
  ),
  'ticket.create': p('tickets', '登记服务请求', '登記服務請求', 'Register requests'),
  'ticket.update': p('tickets', '处理服务请求', '處理服務請求', 'Work on requests'),
  'ticket.assign': p('tickets', '分派服务请求', '分派服務請求', 'Assign requests'),
  'ticket.reply': p('tickets', '回复客户', '回覆客戶', 'Reply to customers'),
  'ticket.merge': p('tickets', '合并与拆分请求', '合併與拆分請求', 'Merge and split requests'),
  'ticket.configure': p(
    'tickets',
    '配置类型、SLA 与分派规则',
    '設定類型、SLA 與分派規則',
    'Configure types, SLAs and rules',
  ),
  'mailbox.manage': p('tickets', '管理邮箱渠道', '管理郵箱渠道', 'Manage mailboxes'),

  'kb.read': p('knowledge', '查看知识库', '檢視知識庫', 'Read knowledge base'),
  'kb.write': p('knowledge', '编写知识文章', '編寫知識文章', 'Write articles'),
  'kb.publish': p('knowledge', '发布知识文章', '發佈知識文章', 'Publish articles'),

  'customer.read': p('customers', '查看客户档案', '檢視客戶檔案', 'View customers'),
  'customer.create': p('customers', '新建客户', '新建客戶', 'Create customers'),
  'customer.update': p('customers', '修改客户档案', '修改客戶檔案', 'Edit customers'),
  'customer.merge': p('customers', '合并客户', '合併客戶', 'Merge customers'),
  'customer.view_sensitive': p('customers', '查看敏感信息', '檢視敏感資訊', 'See sensitive personal data'),
  'customer.import': p('customers', '导入客户', '匯入客戶', 'Import customers'),
  'customer.export': p('customers', '导出客户', '匯出客戶', 'Export customers'),
  'customer.classify': p('customers', '调整客户等级', '調整客戶等級', 'Change customer class'),
  'credit.request': p('customers', '申请信用调整', '申請信用調整', 'Request credit changes'),
  'credit.approve': p('customers', '审批信用调整', '審批信用調整', 'Approve credit changes'),
  'admission.apply': p('customers', '提交新客户申请', '提交新客戶申請', 'File new-customer applications'),
  'admission.approve': p('customers', '审批新客户申请', '審批新客戶申請', 'Approve new customers'),
  'key_account.manage': p('customers', '管理大客户', '管理大客戶', 'Manage key accounts'),
  'care.manage': p('customers', '管理客户关怀', '管理客戶關懷', 'Manage customer care'),

  'complaint.read': p('complaints', '查看投诉', '檢視投訴', 'View complaints'),
  'complaint.handle': p('complaints', '处理投诉', '處理投訴', 'Handle complaints'),
  'complaint.review': p('complaints', '责任评审', '責任評審', 'Review responsibility'),
  'complaint.approve_final': p('complaints', '批准投诉结案报告', '核准投訴結案報告', 'Approve final reports'),
  'compensation.request': p('complaints', '申请补偿', '申請補償', 'Request compensation'),
  'compensation.approve': p('complaints', '审批补偿', '審批補償', 'Approve compensation'),
  'capa.read': p('complaints', '查看纠正预防措施', '檢視糾正預防措施', 'View CAPA'),
  'capa.manage': p('complaints', '管理纠正预防措施', '管理糾正預防措施', 'Manage CAPA'),
  'capa.verify': p('complaints', '验证措施效果', '驗證措施效果', 'Verify CAPA effectiveness'),
  'return.read': p('complaints', '查看退货', '檢視退貨', 'View returns'),
  'return.manage': p('complaints', '管理退货', '管理退貨', 'Manage returns'),
  'return.receive': p('complaints', '退货收货清点', '退貨收貨清點', 'Receive returned goods'),
  'return.inspect': p('complaints', '退货质量确认', '退貨品質確認', 'Inspect returned goods'),

  'order.read': p('orders', '查看订单', '檢視訂單', 'View orders'),
  'order.manage': p('orders', '管理订单', '管理訂單', 'Manage orders'),
  'order.review': p('orders', '订单评审', '訂單評審', 'Review orders'),
  'shipment.manage': p('orders', '管理发运与配送', '管理發運與配送', 'Manage shipments'),
  'delivery.handover': p('orders', '交接签收', '交接簽收', 'Record handovers'),

  'survey.read': p('surveys', '查看调查', '檢視調查', 'View surveys'),
  'survey.manage': p('surveys', '管理调查', '管理調查', 'Manage surveys and campaigns'),
  'survey.enter': p('surveys', '录入电话/访谈调查', '錄入電話/訪談調查', 'Enter phone and interview surveys'),
  'survey.report': p('surveys', '满意度报告', '滿意度報告', 'Survey reports'),

  'advisor.read': p('advisors', '查看顾问', '檢視顧問', 'View advisors'),
  'advisor.work': p('advisors', '顾问日常工作', '顧問日常工作', 'Advisor work items'),
  'advisor.manage': p('advisors', '管理顾问与分配', '管理顧問與分配', 'Manage advisors'),
  'advisor.appraise': p('advisors', '顾问考核', '顧問考核', 'Appraise advisors'),
  'advisor.supervise': p('advisors', '顾问监督检查', '顧問監督檢查', 'Supervise advisors'),

  'kpi.read': p('quality', '查看服务指标', '檢視服務指標', 'View KPIs'),
  'kpi.manage': p('quality', '设置指标目标', '設定指標目標', 'Set KPI targets'),
  'improvement.manage': p('quality', '管理改进计划', '管理改進計畫', 'Manage improvement plans'),
  'inspection.perform': p('quality', '质量抽检', '品質抽檢', 'Perform quality inspections'),
  'commitment.manage': p('quality', '管理服务承诺', '管理服務承諾', 'Manage service commitments'),

  'call.read': p('callcenter', '查看通话记录', '檢視通話記錄', 'View call records'),
  'call.log': p('callcenter', '登记通话', '登記通話', 'Log calls'),
  'call.plan': p('callcenter', '电话访谈计划', '電話訪談計畫', 'Plan outbound calls'),

  'training.read': p('training', '查看培训', '檢視培訓', 'View training'),
  'training.manage': p('training', '管理培训', '管理培訓', 'Manage training'),
  'appraisal.manage': p('training', '绩效考核', '績效考核', 'Manage performance appraisal'),

  'report.read': p('reports', '查看报表', '檢視報表', 'View reports'),
  'report.export': p('reports', '导出报表', '匯出報表', 'Export reports'),
  'report.schedule': p('reports', '定时报表', '定時報表', 'Schedule reports'),
} as const;

export type Permission = keyof typeof PERMISSIONS;
export const ALL_PERMISSIONS = Object.keys(PERMISSIONS) as Permission[];

export function isPermission(value: string): value is Permission {
  return Object.hasOwn(PERMISSIONS, value);
}
