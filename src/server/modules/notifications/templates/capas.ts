import type { TemplateSet } from '../default-templates.ts';

/** Built-in message texts of the capas module (merged into DEFAULT_TEMPLATES). */
export const CAPAS_TEMPLATES: Record<string, TemplateSet> = {
  'capa.action_assigned': {
    in_app: {
      'zh-CN': {
        subject: '纠正预防措施分派给您：{{capa.number}}',
        body: '{{action.description}}（完成期限 {{action.dueDate}}）',
      },
      'zh-TW': {
        subject: '糾正預防措施分派給您：{{capa.number}}',
        body: '{{action.description}}（完成期限 {{action.dueDate}}）',
      },
      en: {
        subject: 'CAPA action assigned to you: {{capa.number}}',
        body: '{{action.description}} (due {{action.dueDate}})',
      },
    },
  },
  'capa.action_overdue': {
    in_app: {
      'zh-CN': {
        subject: '措施逾期未完成：{{capa.number}} {{capa.title}}',
        body: '{{action.owner}}负责的措施“{{action.description}}”已超过完成期限 {{action.dueDate}}，请督促落实。',
      },
      'zh-TW': {
        subject: '措施逾期未完成：{{capa.number}} {{capa.title}}',
        body: '{{action.owner}}負責的措施「{{action.description}}」已超過完成期限 {{action.dueDate}}，請督促落實。',
      },
      en: {
        subject: 'Overdue CAPA action: {{capa.number}} {{capa.title}}',
        body: 'The action "{{action.description}}" owned by {{action.owner}} was due {{action.dueDate}}; please follow up.',
      },
    },
  },
  'capa.proposed': {
    in_app: {
      'zh-CN': {
        subject: '发现重复问题，建议采取纠正预防措施：{{capa.number}}',
        body: '{{capa.title}}：{{days}} 天内已有 {{count}} 起同类投诉，请确认是否受理。',
      },
      'zh-TW': {
        subject: '發現重複問題，建議採取糾正預防措施：{{capa.number}}',
        body: '{{capa.title}}：{{days}} 天內已有 {{count}} 起同類投訴，請確認是否受理。',
      },
      en: {
        subject: 'Repeated problem, CAPA proposed: {{capa.number}}',
        body: '{{capa.title}}: {{count}} similar complaints within {{days}} days. Please accept or dismiss.',
      },
    },
  },
  'capa.verify_requested': {
    in_app: {
      'zh-CN': {
        subject: '纠正预防措施待验证：{{capa.number}}',
        body: '{{capa.title}}：措施已全部完成，请验证效果。',
      },
      'zh-TW': {
        subject: '糾正預防措施待驗證：{{capa.number}}',
        body: '{{capa.title}}：措施已全部完成，請驗證效果。',
      },
      en: {
        subject: 'CAPA ready for verification: {{capa.number}}',
        body: '{{capa.title}}: all actions are finished; please verify their effectiveness.',
      },
    },
  },
  'capa.verified_effective': {
    in_app: {
      'zh-CN': { subject: '效果验证有效，已关闭：{{capa.number}}', body: '{{capa.title}}\n{{note}}' },
      'zh-TW': { subject: '效果驗證有效，已關閉：{{capa.number}}', body: '{{capa.title}}\n{{note}}' },
      en: { subject: 'Verified effective and closed: {{capa.number}}', body: '{{capa.title}}\n{{note}}' },
    },
  },
  'capa.verified_not_effective': {
    in_app: {
      'zh-CN': {
        subject: '效果验证无效，需补充措施：{{capa.number}}',
        body: '{{capa.title}}\n{{note}}',
      },
      'zh-TW': {
        subject: '效果驗證無效，需補充措施：{{capa.number}}',
        body: '{{capa.title}}\n{{note}}',
      },
      en: {
        subject: 'Verified not effective, new actions needed: {{capa.number}}',
        body: '{{capa.title}}\n{{note}}',
      },
    },
  },
};
