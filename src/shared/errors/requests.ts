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
  MAILBOX_HOST_BLOCKED: {
    status: 400,
    'zh-CN':
      '不允许连接该邮件服务器地址（本机或内部网络）；如确需使用，请由系统管理员在 QIAO_MAIL_ALLOWED_HOSTS 中允许该主机',
    'zh-TW':
      '不允許連線該郵件伺服器位址（本機或內部網路）；如確需使用，請由系統管理員在 QIAO_MAIL_ALLOWED_HOSTS 中允許該主機',
    en: 'This mail server address is not allowed (this machine or an internal network); an administrator can allow the host in QIAO_MAIL_ALLOWED_HOSTS',
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
  PORTAL_RATE_LIMITED: {
    status: 429,
    'zh-CN': '该邮箱地址或网络的申请次数过多，请一小时后再试',
    'zh-TW': '該電子郵件地址或網路的申請次數過多，請一小時後再試',
    en: 'Too many requests for this email address or from your network; please try again in an hour',
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
  SENDER_CONFIRMATION_INVALID: {
    status: 400,
    'zh-CN': '确认链接无效或已过期，请联系客服',
    'zh-TW': '確認連結無效或已過期，請聯絡客服',
    en: 'The confirmation link is invalid or has expired; please contact us',
  },
  SENDER_ALREADY_CONFIRMED: {
    status: 409,
    'zh-CN': '该请求的提交人已确认',
    'zh-TW': '該請求的提交人已確認',
    en: 'The sender of this request has already been confirmed',
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
  ATTACHMENT_FILE_MISSING: {
    status: 410,
    'zh-CN': '该附件的文件内容已不在存储中，请联系管理员从备份恢复',
    'zh-TW': '該附件的檔案內容已不在儲存中，請聯絡管理員從備份還原',
    en: 'The content of this file is no longer in storage; ask an administrator to restore it from a backup',
  },
  ATTACHMENT_STORE_UNAVAILABLE: {
    status: 503,
    'zh-CN': '文件存储暂时无法访问，请稍后重试',
    'zh-TW': '檔案儲存暫時無法存取，請稍後再試',
    en: 'File storage is unavailable right now; try again in a moment',
  },
} as const satisfies Record<string, ErrorEntry>;
