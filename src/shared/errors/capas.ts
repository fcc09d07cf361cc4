import type { ErrorEntry } from '../errors.ts';

/** Error codes of the capas module with their user-facing text (merged into ERROR_MESSAGES). */
export const CAPAS_ERRORS = {
  CAPA_COMPLAINT_NOT_FOUND: {
    status: 400,
    'zh-CN': '所选投诉不存在',
    'zh-TW': '所選投訴不存在',
    en: 'The selected complaint does not exist',
  },
  CAPA_USER_UNKNOWN: {
    status: 400,
    'zh-CN': '所选人员不存在或已停用',
    'zh-TW': '所選人員不存在或已停用',
    en: 'The selected user does not exist or is disabled',
  },
  CAPA_DEPARTMENT_UNKNOWN: {
    status: 400,
    'zh-CN': '所选部门不存在',
    'zh-TW': '所選部門不存在',
    en: 'The selected department does not exist',
  },
  CAPA_NOT_PROPOSED: {
    status: 409,
    'zh-CN': '只有“待确认”的纠正预防措施可以受理或驳回',
    'zh-TW': '只有「待確認」的糾正預防措施可以受理或駁回',
    en: 'Only a proposed CAPA can be accepted or dismissed',
  },
  CAPA_NOT_OPEN: {
    status: 409,
    'zh-CN': '只有“待分析”的纠正预防措施可以开始实施',
    'zh-TW': '只有「待分析」的糾正預防措施可以開始實施',
    en: 'Only an open CAPA can be started',
  },
  CAPA_ROOT_CAUSE_REQUIRED: {
    status: 400,
    'zh-CN': '请先填写根本原因',
    'zh-TW': '請先填寫根本原因',
    en: 'Record the root cause first',
  },
  CAPA_ACTION_REQUIRED: {
    status: 409,
    'zh-CN': '请至少制定一项措施',
    'zh-TW': '請至少制定一項措施',
    en: 'Add at least one action first',
  },
  CAPA_NOT_IN_PROGRESS: {
    status: 409,
    'zh-CN': '只有“实施中”的纠正预防措施可以提交验证',
    'zh-TW': '只有「實施中」的糾正預防措施可以提交驗證',
    en: 'Only a CAPA in progress can be submitted for verification',
  },
  CAPA_ACTIONS_OPEN: {
    status: 409,
    'zh-CN': '还有未完成的措施，全部完成或取消后才能提交验证',
    'zh-TW': '還有未完成的措施，全部完成或取消後才能提交驗證',
    en: 'Some actions are still open; complete or cancel them first',
  },
  CAPA_NO_ACTION_DONE: {
    status: 409,
    'zh-CN': '至少要有一项措施已完成才能提交验证',
    'zh-TW': '至少要有一項措施已完成才能提交驗證',
    en: 'At least one action must be done before verification',
  },
  CAPA_NEEDS_NEW_ACTION: {
    status: 409,
    'zh-CN': '上次验证无效，需要完成新的措施后再提交验证',
    'zh-TW': '上次驗證無效，需要完成新的措施後再提交驗證',
    en: 'The last verification found the actions not effective; complete a new action first',
  },
  CAPA_NOT_VERIFYING: {
    status: 409,
    'zh-CN': '只有“待验证”的纠正预防措施可以进行效果验证',
    'zh-TW': '只有「待驗證」的糾正預防措施可以進行效果驗證',
    en: 'Only a CAPA awaiting verification can be verified',
  },
  CAPA_VERIFICATION_REQUIRED: {
    status: 409,
    'zh-CN': '未经效果验证不能关闭',
    'zh-TW': '未經效果驗證不能關閉',
    en: 'A CAPA cannot close without a verification of effectiveness',
  },
  CAPA_NOT_EDITABLE: {
    status: 409,
    'zh-CN': '该纠正预防措施已提交验证或已结束，不能再修改',
    'zh-TW': '該糾正預防措施已提交驗證或已結束，不能再修改',
    en: 'This CAPA is under verification or finished and can no longer be changed',
  },
  CAPA_ACTIONS_LOCKED: {
    status: 409,
    'zh-CN': '只有在“待分析”或“实施中”时可以调整措施',
    'zh-TW': '只有在「待分析」或「實施中」時可以調整措施',
    en: 'Actions can only change while the CAPA is open or in progress',
  },
  CAPA_ACTION_NOT_OPEN: {
    status: 409,
    'zh-CN': '该措施已完成或已取消',
    'zh-TW': '該措施已完成或已取消',
    en: 'This action is already done or cancelled',
  },
  CAPA_DOCUMENT_REF_REQUIRED: {
    status: 400,
    'zh-CN': '文件变更措施须注明涉及的规范、标准或程序文件',
    'zh-TW': '文件變更措施須註明涉及的規範、標準或程序文件',
    en: 'A document change must name the specification, standard or procedure',
  },
  CAPA_FINISHED: {
    status: 409,
    'zh-CN': '该纠正预防措施已关闭或已驳回',
    'zh-TW': '該糾正預防措施已關閉或已駁回',
    en: 'This CAPA is closed or dismissed',
  },
} as const satisfies Record<string, ErrorEntry>;
