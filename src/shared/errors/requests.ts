import type { ErrorEntry } from '../errors.ts';

/** Error codes of requests and their channels: flow, mailboxes, knowledge base, portal, attachments (merged into ERROR_MESSAGES). */
export const REQUESTS_ERRORS = {
  INVALID_TRANSITION: {
    status: 409,
    'zh-CN': '当前状态下不能执行该操作',
    'zh-TW': '目前狀態下不能執行該操作',
    en: 'This step is not allowed from the current status',
  },
  REASON_REQUIRED: { status: 400, 'zh-CN': '请填写原因', 'zh-TW': '請填寫原因', en: 'Please give a reason' },
  INVALID_ASSIGNEE: {
    status: 400,
    'zh-CN': '处理人无效或已停用',
    'zh-TW': '處理人無效或已停用',
    en: 'The assignee is not an active user',
  },
  MAILBOX_CONNECTION_FAILED: {
    status: 400,
    'zh-CN': '无法连接邮件服务器，请检查主机、端口、加密方式和账号密码',
    'zh-TW': '無法連線郵件伺服器，請檢查主機、連接埠、加密方式和帳號密碼',
    en: 'Could not connect to the mail server; check host, port, encryption, user and password',
  },
  MAILBOX_ADDRESS_TAKEN: {
    status: 409,
    'zh-CN': '该邮箱地址已配置',
    'zh-TW': '該郵箱地址已設定',
    en: 'This mailbox address is already configured',
  },
  KB_CATEGORY_IN_USE: {
    status: 409,
    'zh-CN': '该分类下仍有文章或子分类',
    'zh-TW': '該分類下仍有文章或子分類',
    en: 'This category still has articles or sub-categories',
  },
  KB_CATEGORY_CYCLE: {
    status: 400,
    'zh-CN': '上级分类不能是自身或下级',
    'zh-TW': '上級分類不能是自身或下級',
    en: 'A category cannot be under itself',
  },
  KB_VERSION_CONFLICT: {
    status: 409,
    'zh-CN': '文章已被他人修改，请刷新后再编辑',
    'zh-TW': '文章已被他人修改，請重新整理後再編輯',
    en: 'Someone else saved this article meanwhile; reload it and edit again',
  },
  KB_ARTICLE_EMPTY: {
    status: 400,
    'zh-CN': '文章正文为空，不能发布',
    'zh-TW': '文章內文為空，不能發佈',
    en: 'An article without a body cannot be published',
  },
  TOKEN_INVALID: {
    status: 400,
    'zh-CN': '链接无效或已过期，请重新申请',
    'zh-TW': '連結無效或已過期，請重新申請',
    en: 'This link is invalid or has expired; please request a new one',
  },
  EMAIL_NOT_VERIFIED: {
    status: 403,
    'zh-CN': '请先点击验证邮件中的链接完成邮箱验证',
    'zh-TW': '請先點擊驗證郵件中的連結完成電子郵件驗證',
    en: 'Please verify your email address first (see the link we sent you)',
  },
  SUBMISSION_REJECTED: {
    status: 400,
    'zh-CN': '提交未被接受，请稍后再试或致电客服热线',
    'zh-TW': '提交未被接受，請稍後再試或致電客服熱線',
    en: 'The submission was not accepted; try again later or call us',
  },
  NOT_RATEABLE: {
    status: 409,
    'zh-CN': '请求解决后才能评价',
    'zh-TW': '請求解決後才能評價',
    en: 'A request can be rated once it is resolved',
  },
  ATTACHMENT_TOO_LARGE: {
    status: 413,
    'zh-CN': '文件过大',
    'zh-TW': '檔案過大',
    en: 'The file is too large',
  },
  ATTACHMENT_TYPE_NOT_ALLOWED: {
    status: 415,
    'zh-CN': '不支持该文件类型（可上传图片、PDF、Office 文档、文本和压缩包）',
    'zh-TW': '不支援該檔案類型（可上傳圖片、PDF、Office 文件、文字和壓縮檔）',
    en: 'This file type is not allowed (images, PDF, Office documents, text and zip are)',
  },
} as const satisfies Record<string, ErrorEntry>;
