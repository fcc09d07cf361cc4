import type { TemplateSet } from '../default-templates.ts';

/**
 * Built-in message texts of the complaints module (merged into DEFAULT_TEMPLATES). The `email` texts of
 * complaint.acknowledge / explanation / reply are the drafts an agent edits before they go to the
 * customer on the complaint's channel.
 */
export const COMPLAINTS_TEMPLATES: Record<string, TemplateSet> = {
  'complaint.new': {
    in_app: {
      'zh-CN': { subject: '新投诉待受理：{{complaint.number}}', body: '{{subject}}' },
      'zh-TW': { subject: '新投訴待受理：{{complaint.number}}', body: '{{subject}}' },
      en: { subject: 'New complaint to take: {{complaint.number}}', body: '{{subject}}' },
    },
  },
  'complaint.step': {
    in_app: {
      'zh-CN': { subject: '投诉 {{complaint.number}} 待您处理', body: '当前步骤：{{step.zhCN}}' },
      'zh-TW': { subject: '投訴 {{complaint.number}} 待您處理', body: '目前步驟：{{step.zhTW}}' },
      en: { subject: 'Complaint {{complaint.number}} is waiting for you', body: 'Step: {{step.en}}' },
    },
  },
  'complaint.warning': {
    in_app: {
      'zh-CN': {
        subject: '投诉 {{complaint.number}} 即将超时',
        body: '步骤“{{step.zhCN}}”快到处理时限，请尽快完成。',
      },
      'zh-TW': {
        subject: '投訴 {{complaint.number}} 即將逾時',
        body: '步驟「{{step.zhTW}}」快到處理時限，請盡快完成。',
      },
      en: {
        subject: 'Complaint {{complaint.number}} is nearly due',
        body: 'The step “{{step.en}}” is close to its time limit.',
      },
    },
  },
  'complaint.overdue': {
    in_app: {
      'zh-CN': {
        subject: '投诉 {{complaint.number}} 已超时',
        body: '步骤“{{step.zhCN}}”已超过处理时限，已上报客户服务经理。',
      },
      'zh-TW': {
        subject: '投訴 {{complaint.number}} 已逾時',
        body: '步驟「{{step.zhTW}}」已超過處理時限，已上報客戶服務經理。',
      },
      en: {
        subject: 'Complaint {{complaint.number}} is overdue',
        body: 'The step “{{step.en}}” passed its time limit; escalated to the service managers.',
      },
    },
  },
  'complaint.acknowledge': {
    email: {
      'zh-CN': {
        subject: '关于您的投诉（{{complaint.number}}）',
        body: '{{contact.name}}您好：\n\n非常抱歉给您带来不便。我们已收到您的投诉（编号 {{complaint.number}}），并已安排专人调查处理，将于 {{promised}} 前给您答复处理结果。\n\n如有任何补充，请直接回复本消息。\n\n{{organisation.name}} 客户服务部',
      },
      'zh-TW': {
        subject: '關於您的投訴（{{complaint.number}}）',
        body: '{{contact.name}}您好：\n\n非常抱歉給您帶來不便。我們已收到您的投訴（編號 {{complaint.number}}），並已安排專人調查處理，將於 {{promised}} 前答覆您處理結果。\n\n如有任何補充，請直接回覆本訊息。\n\n{{organisation.name}} 客戶服務部',
      },
      en: {
        subject: 'About your complaint ({{complaint.number}})',
        body: 'Dear {{contact.name}},\n\nWe are sorry for the trouble. We have received your complaint ({{complaint.number}}) and a specialist is looking into it; we will come back to you with the outcome by {{promised}}.\n\nReply to this message with anything you would like to add.\n\n{{organisation.name}} Customer Service',
      },
    },
  },
  'complaint.explanation': {
    email: {
      'zh-CN': {
        subject: '关于投诉 {{complaint.number}} 的调查结果',
        body: '{{contact.name}}您好：\n\n感谢您对我们的信任并及时反映问题。经我司调查核实：\n\n{{findings}}\n\n经核实，此次问题并非我司产品或服务原因所致。我们理解此事给您带来的困扰，如您需要，我们仍乐意协助您解决。\n\n{{organisation.name}} 客户服务部',
      },
      'zh-TW': {
        subject: '關於投訴 {{complaint.number}} 的調查結果',
        body: '{{contact.name}}您好：\n\n感謝您對我們的信任並及時反映問題。經我司調查核實：\n\n{{findings}}\n\n經核實，此次問題並非我司產品或服務原因所致。我們理解此事給您帶來的困擾，如您需要，我們仍樂意協助您解決。\n\n{{organisation.name}} 客戶服務部',
      },
      en: {
        subject: 'The outcome of our investigation of complaint {{complaint.number}}',
        body: 'Dear {{contact.name}},\n\nThank you for telling us about the problem. Our investigation found:\n\n{{findings}}\n\nThe problem was not caused by our products or services. We understand the trouble it caused you and are glad to help you further if you wish.\n\n{{organisation.name}} Customer Service',
      },
    },
  },
  'complaint.reply': {
    email: {
      'zh-CN': {
        subject: '客户质量投诉回复书 {{complaint.number}}',
        body: '{{contact.name}}您好：\n\n针对您反映的问题（{{complaint.number}}），我司经调查分析，现将原因及改善对策回复如下：\n\n一、原因分析\n{{rootCause}}\n\n二、纠正措施\n{{corrective}}\n\n三、预防措施\n{{preventive}}\n\n再次感谢您的反馈，我们将持续跟进改善效果。\n\n{{organisation.name}}',
      },
      'zh-TW': {
        subject: '客戶品質投訴回覆書 {{complaint.number}}',
        body: '{{contact.name}}您好：\n\n針對您反映的問題（{{complaint.number}}），我司經調查分析，現將原因及改善對策回覆如下：\n\n一、原因分析\n{{rootCause}}\n\n二、糾正措施\n{{corrective}}\n\n三、預防措施\n{{preventive}}\n\n再次感謝您的回饋，我們將持續追蹤改善效果。\n\n{{organisation.name}}',
      },
      en: {
        subject: 'Reply to your quality complaint {{complaint.number}}',
        body: 'Dear {{contact.name}},\n\nFollowing our investigation of the problem you reported ({{complaint.number}}), here are its causes and our measures:\n\n1. Root cause\n{{rootCause}}\n\n2. Corrective measures\n{{corrective}}\n\n3. Preventive measures\n{{preventive}}\n\nThank you again for your feedback; we will keep following the results.\n\n{{organisation.name}}',
      },
    },
  },
};
