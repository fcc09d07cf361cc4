import { defineMessages } from '../define.ts';

/** Files on requests: the agent composer, the conversation and the customer portal. */
export const attachments = defineMessages({
  'zh-CN': {
    'attachments.title': '附件',
    'attachments.attach': '添加附件',
    'attachments.choose': '选择文件',
    'attachments.sizeHint': '可添加多个文件，单个不超过 {size} MB',
    'attachments.typesHint': '可上传图片、PDF、Office 文档、文本和压缩包',
    'attachments.tooLarge': '“{name}”超过 {size} MB，未上传',
    'attachments.failed': '“{name}”上传失败：{reason}',
    'attachments.stillUploading': '附件仍在上传，请稍候再发送',
    'attachments.afterCreateFailed': '请求已提交，但附件“{name}”未能上传：{reason}',
    'attachments.download': '下载 {name}',
  },
  'zh-TW': {
    'attachments.title': '附件',
    'attachments.attach': '新增附件',
    'attachments.choose': '選擇檔案',
    'attachments.sizeHint': '可新增多個檔案，單一檔案不超過 {size} MB',
    'attachments.typesHint': '可上傳圖片、PDF、Office 文件、文字和壓縮檔',
    'attachments.tooLarge': '「{name}」超過 {size} MB，未上傳',
    'attachments.failed': '「{name}」上傳失敗：{reason}',
    'attachments.stillUploading': '附件仍在上傳，請稍候再送出',
    'attachments.afterCreateFailed': '請求已提交，但附件「{name}」未能上傳：{reason}',
    'attachments.download': '下載 {name}',
  },
  en: {
    'attachments.title': 'Attachments',
    'attachments.attach': 'Attach files',
    'attachments.choose': 'Choose files',
    'attachments.sizeHint': 'Several files allowed, up to {size} MB each',
    'attachments.typesHint': 'Images, PDF, Office documents, text and zip files',
    'attachments.tooLarge': '{name} is larger than {size} MB and was not uploaded',
    'attachments.failed': 'Could not upload {name}: {reason}',
    'attachments.stillUploading': 'Files are still uploading; send when they are done',
    'attachments.afterCreateFailed': 'Your request was submitted, but {name} could not be uploaded: {reason}',
    'attachments.download': 'Download {name}',
  },
});
