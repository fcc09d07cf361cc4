import { defineMessages } from '../define.ts';

/** 客户自定义字段: the fields an organisation adds to the customer file, their form and their display. */
export const customerFields = defineMessages({
  'zh-CN': {
    'customerFields.tab.rules': '规则与服务方案',
    'customerFields.tab.fields': '自定义字段',
    'customerFields.title': '客户自定义字段',
    'customerFields.intro':
      '在客户档案中增加本单位需要的栏目，例如“所属集团”“合同到期日”。启用的字段出现在新建、编辑客户的表单和客户档案中，必填字段在保存客户时检查；停用的字段不再显示，也不再接受新值。',
    'customerFields.empty': '还没有自定义字段，客户档案只包含标准栏目。',
    'customerFields.previewHint': '这是新建或编辑客户时看到的样子，可以试着填写；预览中的内容不会保存。',
    'customerFields.formPreviewTitle': '客户表单中的自定义字段（仅启用的字段）',
    'customerFields.moveUp': '上移',
    'customerFields.moveDown': '下移',
    'customerFields.section': '自定义字段',
    'customerFields.inactive': '已停用',
  },
  'zh-TW': {
    'customerFields.tab.rules': '規則與服務方案',
    'customerFields.tab.fields': '自訂欄位',
    'customerFields.title': '客戶自訂欄位',
    'customerFields.intro':
      '在客戶檔案中增加本單位需要的欄位，例如「所屬集團」「合約到期日」。啟用的欄位出現在新增、編輯客戶的表單和客戶檔案中，必填欄位在儲存客戶時檢查；停用的欄位不再顯示，也不再接受新值。',
    'customerFields.empty': '還沒有自訂欄位，客戶檔案只包含標準欄位。',
    'customerFields.previewHint': '這是新增或編輯客戶時看到的樣子，可以試著填寫；預覽中的內容不會儲存。',
    'customerFields.formPreviewTitle': '客戶表單中的自訂欄位（僅啟用的欄位）',
    'customerFields.moveUp': '上移',
    'customerFields.moveDown': '下移',
    'customerFields.section': '自訂欄位',
    'customerFields.inactive': '已停用',
  },
  en: {
    'customerFields.tab.rules': 'Rules and service plans',
    'customerFields.tab.fields': 'Custom fields',
    'customerFields.title': 'Customer custom fields',
    'customerFields.intro':
      'Add the fields your organisation needs to the customer file, such as "Parent group" or "Contract expiry". Active fields appear in the new/edit customer form and on the customer profile, and required ones are checked when a customer is saved; inactive fields are no longer shown and take no new values.',
    'customerFields.empty': 'No custom fields yet: the customer file has the standard fields only.',
    'customerFields.previewHint':
      'This is how the field looks when a customer is created or edited. Try it out; nothing in the preview is saved.',
    'customerFields.formPreviewTitle': 'Custom fields on the customer form (active fields only)',
    'customerFields.moveUp': 'Move up',
    'customerFields.moveDown': 'Move down',
    'customerFields.section': 'Custom fields',
    'customerFields.inactive': 'Inactive',
  },
});
