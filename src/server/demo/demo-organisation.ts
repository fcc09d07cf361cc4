import type { Database } from '../db/database.ts';
import { createUser } from '../modules/users/users.service.ts';

/** A realistic Chinese service organisation: the departments of SPEC §0 and staff for every default role. */
const DEPARTMENTS: [code: string, name: string, parent?: string][] = [
  ['MGMT', '管理层'],
  ['CS', '客户服务部'],
  ['CS-HOTLINE', '热线服务组', 'CS'],
  ['CS-ONLINE', '在线客服组', 'CS'],
  ['CRM', '客户关系管理部'],
  ['AS', '售后服务部'],
  ['TRAIN', '客户培训部'],
  ['SURVEY', '满意度调查部'],
  ['QA', '品质部'],
  ['WH', '资材部（仓储）'],
  ['PROD', '生产部'],
  ['ENG', '工程部'],
  ['SALES', '销售部'],
];

const STAFF: [username: string, name: string, dept: string, role: string, title: string][] = [
  ['zhaomin', '赵敏', 'CS', 'service_manager', '客户服务经理'],
  ['liwei', '李伟', 'CS-HOTLINE', 'agent', '客户服务专员'],
  ['wangfang', '王芳', 'CS-ONLINE', 'agent', '客户服务专员'],
  ['sunli', '孙丽', 'CRM', 'crm_specialist', '客户关系管理员'],
  ['zhoujie', '周杰', 'CRM', 'key_account_specialist', '大客户服务专员'],
  ['wuxia', '吴霞', 'CRM', 'exclusive_advisor', '高级专属服务顾问'],
  ['zhengqiang', '郑强', 'AS', 'after_sales_engineer', '售后服务工程师'],
  ['chenjing', '陈静', 'CS', 'complaint_specialist', '客户投诉管理专员'],
  ['linhai', '林海', 'QA', 'quality', '客户服务质量管理专员'],
  ['hezhi', '何志', 'CRM', 'customer_info_specialist', '客户信息管理专员'],
  ['gaoyan', '高燕', 'SALES', 'sales', '销售代表'],
  ['luoping', '罗萍', 'SURVEY', 'survey_staff', '满意度调查员'],
  ['xuming', '徐明', 'TRAIN', 'trainer', '客户培训师'],
  ['mabin', '马斌', 'WH', 'warehouse', '仓库主管'],
  ['huangzong', '黄建国', 'MGMT', 'executive', '执行副总经理'],
  ['tangyu', '唐宇', 'MGMT', 'management_representative', '管理者代表'],
];

export const DEMO_PASSWORD = 'Qiao-Demo-2026';

export async function seedDemoOrganisation(db: Database): Promise<{ departments: number; users: number }> {
  await db
    .updateTable('organisation')
    .set({
      name: '华东联运物流有限公司',
      short_name: '华东联运',
      address: '上海市浦东新区张江路 88 号',
      phone: '400-820-8820',
      email: 'service@huadong-logistics.example',
      website: 'https://huadong-logistics.example',
    })
    .where('id', '=', 1)
    .execute();
  const deptIds = new Map<string, number>();
  for (const [code, name, parent] of DEPARTMENTS) {
    const row = await db
      .insertInto('department')
      .values({ code, name, parent_id: parent ? (deptIds.get(parent) ?? null) : null })
      .onConflict((oc) => oc.column('code').doUpdateSet({ name }))
      .returning('id')
      .executeTakeFirstOrThrow();
    deptIds.set(code, row.id);
  }
  const roles = new Map(
    (await db.selectFrom('role').select(['id', 'code']).execute()).map((r) => [r.code, r.id]),
  );
  let users = 0;
  for (const [username, displayName, dept, role, jobTitle] of STAFF) {
    const exists = await db
      .selectFrom('app_user')
      .select('id')
      .where('username', '=', username)
      .executeTakeFirst();
    if (exists) continue;
    await createUser(db, null, {
      username,
      displayName,
      email: `${username}@huadong-logistics.example`,
      phone: `1380013${String(8000 + users).padStart(4, '0')}`,
      jobTitle,
      departmentId: deptIds.get(dept) ?? null,
      locale: 'zh-CN',
      roleIds: [roles.get(role)!],
      password: DEMO_PASSWORD,
    });
    users++;
  }
  return { departments: DEPARTMENTS.length, users };
}
