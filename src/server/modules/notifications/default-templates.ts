import type { Locale } from '../../../shared/locale.ts';
import { CAPAS_TEMPLATES } from './templates/capas.ts';
import { COMPLAINTS_TEMPLATES } from './templates/complaints.ts';
import { RETURNS_TEMPLATES } from './templates/returns.ts';

export interface TemplateText {
  subject?: string;
  body: string;
}
type PerLocale = Record<Locale, TemplateText>;
export type TemplateSet = { email?: PerLocale; sms?: PerLocale; in_app?: PerLocale };

/** Built-in texts of every message Qiao sends; an administrator may override each per channel and language. */
export const DEFAULT_TEMPLATES: Record<string, TemplateSet> = {
  ...COMPLAINTS_TEMPLATES,
  ...CAPAS_TEMPLATES,
  ...RETURNS_TEMPLATES,
  'portal.verify': {
    email: {
      'zh-CN': {
        subject: '请验证您的邮箱 — {{organisation.name}}',
        body: '{{contact.name}}您好：\n\n请点击以下链接验证邮箱并设置登录密码（{{hours}} 小时内有效）：\n{{link}}\n\n如非本人操作，请忽略本邮件。',
      },
      'zh-TW': {
        subject: '請驗證您的電子郵件 — {{organisation.name}}',
        body: '{{contact.name}}您好：\n\n請點擊以下連結驗證電子郵件並設定登入密碼（{{hours}} 小時內有效）：\n{{link}}\n\n如非本人操作，請忽略本郵件。',
      },
      en: {
        subject: 'Please verify your email — {{organisation.name}}',
        body: 'Hello {{contact.name}},\n\nPlease verify your email address and choose your password here (valid for {{hours}} hours):\n{{link}}\n\nIf this was not you, ignore this message.',
      },
    },
  },
  'portal.invite': {
    email: {
      'zh-CN': {
        subject: '{{organisation.name}} 邀请您使用客户服务门户',
        body: '{{contact.name}}您好：\n\n我们为您开通了客户服务门户账号，您可以在线提交和跟踪服务请求。请点击以下链接设置密码（{{hours}} 小时内有效）：\n{{link}}',
      },
      'zh-TW': {
        subject: '{{organisation.name}} 邀請您使用客戶服務入口',
        body: '{{contact.name}}您好：\n\n我們為您開通了客戶服務入口帳號，您可以線上提交和追蹤服務請求。請點擊以下連結設定密碼（{{hours}} 小時內有效）：\n{{link}}',
      },
      en: {
        subject: '{{organisation.name}} invites you to the customer portal',
        body: 'Hello {{contact.name}},\n\nAn account on our customer portal has been opened for you to submit and follow service requests. Set your password here (valid for {{hours}} hours):\n{{link}}',
      },
    },
  },
  'portal.reset': {
    email: {
      'zh-CN': {
        subject: '重置密码 — {{organisation.name}}',
        body: '{{contact.name}}您好：\n\n请点击以下链接重置密码（{{hours}} 小时内有效）：\n{{link}}\n\n如非本人操作，请忽略本邮件，您的密码不会改变。',
      },
      'zh-TW': {
        subject: '重設密碼 — {{organisation.name}}',
        body: '{{contact.name}}您好：\n\n請點擊以下連結重設密碼（{{hours}} 小時內有效）：\n{{link}}\n\n如非本人操作，請忽略本郵件，您的密碼不會改變。',
      },
      en: {
        subject: 'Reset your password — {{organisation.name}}',
        body: 'Hello {{contact.name}},\n\nReset your password here (valid for {{hours}} hours):\n{{link}}\n\nIf this was not you, ignore this message; your password stays the same.',
      },
    },
  },
  'ticket.received': {
    email: {
      'zh-CN': {
        subject: '您的服务请求 {{ticket.number}} 已受理',
        body: '{{contact.name}}您好：\n\n您的服务请求“{{ticket.subject}}”已受理，编号 {{ticket.number}}。我们将尽快回复您。',
      },
      'zh-TW': {
        subject: '您的服務請求 {{ticket.number}} 已受理',
        body: '{{contact.name}}您好：\n\n您的服務請求「{{ticket.subject}}」已受理，編號 {{ticket.number}}。我們將盡快回覆您。',
      },
      en: {
        subject: 'Your request {{ticket.number}} has been received',
        body: 'Hello {{contact.name}},\n\nYour request "{{ticket.subject}}" has been received as {{ticket.number}}. We will reply soon.',
      },
    },
    sms: {
      'zh-CN': { body: '【{{organisation.name}}】您的服务请求已受理，编号{{ticket.number}}。' },
      'zh-TW': { body: '【{{organisation.name}}】您的服務請求已受理，編號{{ticket.number}}。' },
      en: { body: '[{{organisation.name}}] Your request {{ticket.number}} has been received.' },
    },
  },
  'public.request_received': {
    email: {
      'zh-CN': {
        subject: '您的服务请求 {{ticket.number}} 已受理，请确认',
        body: '{{contact.name}}您好：\n\n您的服务请求“{{ticket.subject}}”已受理，编号 {{ticket.number}}。请点击以下链接确认是您本人提交，确认后该请求将归入您的客户记录：\n{{link}}\n\n如非本人提交，请忽略本邮件。',
      },
      'zh-TW': {
        subject: '您的服務請求 {{ticket.number}} 已受理，請確認',
        body: '{{contact.name}}您好：\n\n您的服務請求「{{ticket.subject}}」已受理，編號 {{ticket.number}}。請點擊以下連結確認是您本人提交，確認後該請求將歸入您的客戶記錄：\n{{link}}\n\n如非本人提交，請忽略本郵件。',
      },
      en: {
        subject: 'Your request {{ticket.number}} has been received — please confirm',
        body: 'Hello {{contact.name}},\n\nYour request "{{ticket.subject}}" has been received as {{ticket.number}}. Please confirm that you sent it; it then joins your customer record:\n{{link}}\n\nIf you did not send this request, ignore this message.',
      },
    },
  },
  'ticket.mention': {
    in_app: {
      'zh-CN': { subject: '{{actor.name}} 在 {{ticket.number}} 中提到了您', body: '{{excerpt}}' },
      'zh-TW': { subject: '{{actor.name}} 在 {{ticket.number}} 中提到了您', body: '{{excerpt}}' },
      en: { subject: '{{actor.name}} mentioned you on {{ticket.number}}', body: '{{excerpt}}' },
    },
  },
  'ticket.assigned': {
    in_app: {
      'zh-CN': { subject: '{{ticket.number}} 已分派给您', body: '{{ticket.subject}}' },
      'zh-TW': { subject: '{{ticket.number}} 已分派給您', body: '{{ticket.subject}}' },
      en: { subject: '{{ticket.number}} was assigned to you', body: '{{ticket.subject}}' },
    },
  },
  'sla.warning': {
    in_app: {
      'zh-CN': { subject: '{{ticket.number}} 即将超出{{clock}}时限', body: '{{ticket.subject}}' },
      'zh-TW': { subject: '{{ticket.number}} 即將超出{{clock}}時限', body: '{{ticket.subject}}' },
      en: { subject: '{{ticket.number}} is close to its {{clock}} target', body: '{{ticket.subject}}' },
    },
  },
  'sla.breached': {
    in_app: {
      'zh-CN': {
        subject: '{{ticket.number}} 已超出{{clock}}时限',
        body: '{{ticket.subject}}（优先级已提升为 {{priority}}）',
      },
      'zh-TW': {
        subject: '{{ticket.number}} 已超出{{clock}}時限',
        body: '{{ticket.subject}}（優先級已提升為 {{priority}}）',
      },
      en: {
        subject: '{{ticket.number}} missed its {{clock}} target',
        body: '{{ticket.subject}} (priority raised to {{priority}})',
      },
    },
  },
  'approval.pending': {
    in_app: {
      'zh-CN': {
        subject: '待您审批：{{title}}',
        body: '{{requester.name}} 提交的申请等待您审批（{{step}}）',
      },
      'zh-TW': {
        subject: '待您審批：{{title}}',
        body: '{{requester.name}} 提交的申請等待您審批（{{step}}）',
      },
      en: {
        subject: 'Awaiting your approval: {{title}}',
        body: 'Submitted by {{requester.name}} ({{step}})',
      },
    },
  },
  'approval.approved': {
    in_app: {
      'zh-CN': { subject: '已批准：{{title}}', body: '{{actor.name}} 批准了您的申请。{{comment}}' },
      'zh-TW': { subject: '已核准：{{title}}', body: '{{actor.name}} 核准了您的申請。{{comment}}' },
      en: { subject: 'Approved: {{title}}', body: '{{actor.name}} approved your request. {{comment}}' },
    },
  },
  'approval.rejected': {
    in_app: {
      'zh-CN': { subject: '已驳回：{{title}}', body: '{{actor.name}} 驳回了您的申请，理由：{{comment}}' },
      'zh-TW': { subject: '已駁回：{{title}}', body: '{{actor.name}} 駁回了您的申請，理由：{{comment}}' },
      en: { subject: 'Rejected: {{title}}', body: '{{actor.name}} rejected your request: {{comment}}' },
    },
  },
  'key_account.revisit': {
    in_app: {
      'zh-CN': {
        subject: '大客户回访到期：{{customer.name}}',
        body: '计划回访日期 {{date}}，请安排拜访或电话回访。',
      },
      'zh-TW': {
        subject: '大客戶回訪到期：{{customer.name}}',
        body: '計畫回訪日期 {{date}}，請安排拜訪或電話回訪。',
      },
      en: {
        subject: 'Key-account revisit due: {{customer.name}}',
        body: 'Planned for {{date}}; arrange a visit or call.',
      },
    },
  },
  'key_account.measure': {
    in_app: {
      'zh-CN': { subject: '大客户对策分派给您：{{issue}}', body: '{{measure}}' },
      'zh-TW': { subject: '大客戶對策分派給您：{{issue}}', body: '{{measure}}' },
      en: { subject: 'Key-account measure assigned to you: {{issue}}', body: '{{measure}}' },
    },
  },
  'care.birthday': {
    email: {
      'zh-CN': {
        subject: '生日快乐，{{contact.name}}！',
        body: '{{contact.name}}您好：\n\n值此生日之际，{{organisation.name}}全体同仁祝您生日快乐、身体健康、万事如意！感谢您一直以来对我们的信任与支持。',
      },
      'zh-TW': {
        subject: '生日快樂，{{contact.name}}！',
        body: '{{contact.name}}您好：\n\n值此生日之際，{{organisation.name}}全體同仁祝您生日快樂、身體健康、萬事如意！感謝您一直以來對我們的信任與支持。',
      },
      en: {
        subject: 'Happy birthday, {{contact.name}}!',
        body: 'Dear {{contact.name}},\n\nEveryone at {{organisation.name}} wishes you a happy birthday. Thank you for your trust and support.',
      },
    },
    sms: {
      'zh-CN': { body: '【{{organisation.name}}】{{contact.name}}您好，祝您生日快乐，万事如意！' },
      'zh-TW': { body: '【{{organisation.name}}】{{contact.name}}您好，祝您生日快樂，萬事如意！' },
      en: { body: '{{organisation.name}}: Happy birthday, {{contact.name}}!' },
    },
  },
  'care.anniversary': {
    email: {
      'zh-CN': {
        subject: '感谢 {{years}} 年的合作 — {{organisation.name}}',
        body: '{{contact.name}}您好：\n\n{{customer.name}}与{{organisation.name}}合作已满 {{years}} 年。感谢贵司一路以来的信任，我们将继续用心做好服务。',
      },
      'zh-TW': {
        subject: '感謝 {{years}} 年的合作 — {{organisation.name}}',
        body: '{{contact.name}}您好：\n\n{{customer.name}}與{{organisation.name}}合作已滿 {{years}} 年。感謝貴司一路以來的信任，我們將繼續用心做好服務。',
      },
      en: {
        subject: 'Thank you for {{years}} years — {{organisation.name}}',
        body: 'Dear {{contact.name}},\n\n{{customer.name}} and {{organisation.name}} have now worked together for {{years}} years. Thank you for your trust; we will keep serving you well.',
      },
    },
    sms: {
      'zh-CN': { body: '【{{organisation.name}}】感谢{{customer.name}}与我们合作 {{years}} 周年！' },
      'zh-TW': { body: '【{{organisation.name}}】感謝{{customer.name}}與我們合作 {{years}} 週年！' },
      en: { body: '{{organisation.name}}: thank you for {{years}} years together!' },
    },
  },
  'care.holiday': {
    email: {
      'zh-CN': {
        subject: '{{holiday}}快乐 — {{organisation.name}}',
        body: '{{contact.name}}您好：\n\n{{holiday}}将至，{{organisation.name}}祝您和家人节日快乐、阖家幸福！',
      },
      'zh-TW': {
        subject: '{{holiday}}快樂 — {{organisation.name}}',
        body: '{{contact.name}}您好：\n\n{{holiday}}將至，{{organisation.name}}祝您和家人節日快樂、闔家幸福！',
      },
      en: {
        subject: 'Season’s greetings — {{organisation.name}}',
        body: 'Dear {{contact.name}},\n\nWith {{holiday}} coming, {{organisation.name}} wishes you and your family a happy holiday.',
      },
    },
    sms: {
      'zh-CN': { body: '【{{organisation.name}}】{{contact.name}}您好，{{holiday}}将至，祝您节日快乐！' },
      'zh-TW': { body: '【{{organisation.name}}】{{contact.name}}您好，{{holiday}}將至，祝您節日快樂！' },
      en: { body: '{{organisation.name}}: happy {{holiday}}, {{contact.name}}!' },
    },
  },
};
