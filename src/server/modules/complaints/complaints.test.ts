import { describe, expect, it } from 'vitest';
import type { CompensationView, ComplaintDetail } from '../../../shared/schemas/complaints.ts';
import {
  buildComplaint,
  buildCustomer,
  buildDepartment,
  buildUser,
  decideApproval,
} from '../../test/factories.ts';
import { errorCode, setupTestApp } from '../../test/test-app.ts';
import { complaintTeam, step, tomorrow } from './complaints.fixtures.ts';

const t = setupTestApp();

describe('complaint flow', () => {
  it('runs the valid path step by step, refusing skipped steps, unapproved compensation and an unapproved close', async () => {
    const { specialist, quality, executive } = await complaintTeam(t());
    const production = await buildDepartment(t(), { name: '生产部' });
    const c = await buildComplaint(t(), { client: specialist.client });
    expect(c.number).toMatch(/^TS-\d{8}-\d{4}$/);
    expect(c).toMatchObject({ stage: 'acknowledge', validity: 'pending', category: 'quality_defect' });
    expect(c.steps).toHaveLength(1);
    expect(c.steps[0]!.dueAt).not.toBeNull();

    // No skipping: investigation before the customer was acknowledged is refused.
    const early = await step(specialist.client, c.id, 'investigate', {
      findings: 'x',
      responsibility: 'company',
    });
    expect(errorCode(early.body)).toBe('COMPLAINT_WRONG_STEP');

    const ack = await step(specialist.client, c.id, 'acknowledge', {
      message: '非常抱歉，我们将在 3 个工作日内答复处理结果。',
      promisedAt: tomorrow(),
    });
    expect(ack.status, JSON.stringify(ack.body)).toBe(200);
    expect(ack.body.stage).toBe('investigate');
    expect(ack.body.promisedAt).not.toBeNull();
    // The apology reached the customer's request as a public reply.
    const messages = await t()
      .db.selectFrom('ticket_message')
      .select(['kind', 'body'])
      .where('ticket_id', '=', c.ticketId)
      .execute();
    expect(messages).toContainEqual({
      kind: 'public',
      body: '非常抱歉，我们将在 3 个工作日内答复处理结果。',
    });

    const inv = await step(quality.client, c.id, 'investigate', {
      findings: '现场确认油管接头压接不良',
      onSite: { visitedOn: '2026-11-20', location: '客户一号车间', notes: '3 台均有渗漏' },
      responsibility: 'company',
    });
    expect(inv.body).toMatchObject({ stage: 'review', validity: 'valid' });

    // The review is quality's: the complaint specialist may not do it.
    const notQuality = await step(specialist.client, c.id, 'review', {
      participants: ['品质部', '生产部'],
      conclusions: '压接工序失控',
      responsibleDepartmentId: production.id,
    });
    expect(notQuality.status).toBe(403);
    const review = await step(quality.client, c.id, 'review', {
      participants: ['品质部 王工', '生产部 李经理', '工程部 张工'],
      conclusions: '压接工序参数漂移，责任在生产部',
      responsibleDepartmentId: production.id,
    });
    expect(review.body).toMatchObject({ stage: 'analyse', responsibleDepartmentName: '生产部' });

    const analyse = await step(quality.client, c.id, 'analyse', {
      rootCause: '压接机模具磨损未及时更换',
      correctiveMeasures: '更换模具，返工库存油管',
      preventiveMeasures: '模具寿命纳入点检表',
    });
    expect(analyse.body.stage).toBe('reply');
    const reply = await step(specialist.client, c.id, 'reply', {
      replyText: '原因及对策见《客户质量投诉回复书》',
    });
    expect(reply.body.stage).toBe('execute');
    const printed = await specialist.client.get<string>(`/api/v1/complaints/${c.id}/print/reply`);
    expect(printed.status).toBe(200);
    expect(printed.body).toContain('客户质量投诉回复书');
    expect(printed.body).toContain('压接机模具磨损未及时更换');

    // A compensation waiting for approval holds execution; carrying it out before approval is refused.
    const comp = await specialist.client.post<CompensationView>(`/api/v1/complaints/${c.id}/compensations`, {
      kind: 'indemnity',
      amount: 12000,
      description: '停产损失赔偿',
    });
    expect(comp.status, JSON.stringify(comp.body)).toBe(201);
    expect(comp.body.status).toBe('pending');
    const tooEarly = await step(specialist.client, c.id, 'execute', { executionNotes: '已更换油管' });
    expect(errorCode(tooEarly.body)).toBe('COMPLAINT_COMPENSATION_UNSETTLED');
    const unpaid = await specialist.client.post(`/api/v1/compensations/${comp.body.id}/execute`, {
      note: '已付',
    });
    expect(errorCode(unpaid.body)).toBe('COMPENSATION_NOT_APPROVED');
    // 12 000 ≥ 10 000: the service manager and then the general manager approve.
    const steps = await t()
      .db.selectFrom('approval_step')
      .select('name')
      .where('request_id', '=', comp.body.approvalRequestId!)
      .orderBy('position')
      .execute();
    expect(steps.map((s) => s.name)).toEqual(['客户服务经理审批', '总经理审批']);
    expect(
      (await decideApproval(t(), comp.body.approvalRequestId!, 'service_manager', 'approve')).status,
    ).toBe(200);
    expect((await decideApproval(t(), comp.body.approvalRequestId!, 'executive', 'approve')).status).toBe(
      200,
    );
    const paid = await specialist.client.post<CompensationView>(
      `/api/v1/compensations/${comp.body.id}/execute`,
      {
        note: '财务已转账',
      },
    );
    expect(paid.body.status).toBe('executed');

    expect(
      (await step(specialist.client, c.id, 'execute', { executionNotes: '已更换油管' })).body.stage,
    ).toBe('feedback');
    expect(
      (await step(specialist.client, c.id, 'feedback', { result: 'satisfied', comments: '问题已解决' })).body
        .stage,
    ).toBe('revisit');
    const revisit = await step(specialist.client, c.id, 'revisit', {
      revisitedOn: '2026-11-23',
      method: 'phone',
      notes: '使用正常',
      satisfaction: 5,
    });
    expect(revisit.body.stage).toBe('final_report');

    // The final report waits for the general manager; a rejection keeps the step open for a new report.
    const report = await step(specialist.client, c.id, 'final_report', { summary: '已闭环' });
    expect(report.body.stage).toBe('final_report');
    expect(report.body.finalApprovalRequestId).not.toBeNull();
    const twice = await step(specialist.client, c.id, 'final_report', { summary: '再交一次' });
    expect(errorCode(twice.body)).toBe('COMPLAINT_FINAL_PENDING');
    await decideApproval(
      t(),
      report.body.finalApprovalRequestId!,
      'executive',
      'reject',
      '请补充预防措施验证',
    );
    const returned = (await specialist.client.get<ComplaintDetail>(`/api/v1/complaints/${c.id}`)).body;
    expect(returned.stage).toBe('final_report');
    expect(returned.steps.at(-1)!.data.returnedComment).toBe('请补充预防措施验证');

    const again = await step(specialist.client, c.id, 'final_report', { summary: '已闭环，预防措施已验证' });
    const approve = await executive.client.get<{ steps: { id: number; status: string }[] }>(
      `/api/v1/approvals/${again.body.finalApprovalRequestId}`,
    );
    const pendingStep = approve.body.steps.find((s) => s.status === 'pending')!;
    await executive.client.post(`/api/v1/approvals/steps/${pendingStep.id}/decide`, { decision: 'approve' });
    const closed = (await specialist.client.get<ComplaintDetail>(`/api/v1/complaints/${c.id}`)).body;
    expect(closed.stage).toBe('closed');
    expect(closed.closedAt).not.toBeNull();
    const ticket = await t()
      .db.selectFrom('ticket')
      .select('status')
      .where('id', '=', c.ticketId)
      .executeTakeFirstOrThrow();
    expect(ticket.status).toBe('closed');
    const afterClose = await specialist.client.patch(`/api/v1/complaints/${c.id}`, { severity: 'minor' });
    expect(errorCode(afterClose.body)).toBe('COMPLAINT_CLOSED');
  });

  it('not the company’s responsibility: a courteous explanation and the complaint closes as not valid', async () => {
    const { specialist, quality } = await complaintTeam(t());
    const c = await buildComplaint(t(), { client: specialist.client, category: 'transport_damage' });
    await step(specialist.client, c.id, 'acknowledge', { message: '已收到您的反馈', promisedAt: tomorrow() });
    const inv = await step(quality.client, c.id, 'investigate', {
      findings: '签收单注明外包装完好，损坏发生在客户厂内搬运',
      responsibility: 'not_company',
    });
    expect(inv.body).toMatchObject({
      stage: 'explain',
      validity: 'not_valid',
      path: ['acknowledge', 'investigate', 'explain'],
    });
    const done = await step(specialist.client, c.id, 'explain', {
      explanation: '经核实，损坏非我司原因，敬请谅解。',
    });
    expect(done.body).toMatchObject({ stage: 'closed', validity: 'not_valid' });
  });

  it('customer not satisfied with the result: back to root-cause analysis', async () => {
    const { specialist, quality } = await complaintTeam(t());
    const dept = await buildDepartment(t(), { name: '工程部' });
    const c = await buildComplaint(t(), { client: specialist.client });
    await step(specialist.client, c.id, 'acknowledge', { message: '抱歉', promisedAt: tomorrow() });
    await step(quality.client, c.id, 'investigate', { findings: 'f', responsibility: 'company' });
    await step(quality.client, c.id, 'review', {
      participants: ['品质部'],
      conclusions: 'c',
      responsibleDepartmentId: dept.id,
    });
    await step(quality.client, c.id, 'analyse', {
      rootCause: 'r',
      correctiveMeasures: 'c',
      preventiveMeasures: 'p',
    });
    await step(specialist.client, c.id, 'reply', { replyText: 'r' });
    await step(specialist.client, c.id, 'execute', { executionNotes: 'e' });
    const unhappy = await step(specialist.client, c.id, 'feedback', {
      result: 'not_satisfied',
      comments: '仍有渗漏',
    });
    expect(unhappy.body.stage).toBe('analyse');
    expect(unhappy.body.steps.filter((s) => s.step === 'analyse')).toHaveLength(2);
  });

  it('a request of type 投诉 from any channel opens its complaint record; a request of another type can be registered', async () => {
    const admin = await t().admin();
    const types = (await admin.get<{ id: number; code: string }[]>('/api/v1/ticket-config/types')).body;
    const complaintType = types.find((x) => x.code === 'complaint')!;
    const inquiry = types.find((x) => x.code === 'inquiry')!;
    const customer = await buildCustomer(t());
    const ticket = await admin.post<{ id: number }>('/api/v1/tickets', {
      typeId: complaintType.id,
      subject: '送货司机态度恶劣',
      description: '司机拒绝卸货',
      channel: 'web',
      customerId: customer.id,
    });
    expect(ticket.status).toBe(201);
    const found = await admin.get<{ id: number; number: string }>(
      `/api/v1/tickets/${ticket.body.id}/complaint`,
    );
    expect(found.status).toBe(200);
    const record = (await admin.get<ComplaintDetail>(`/api/v1/complaints/${found.body.id}`)).body;
    expect(record).toMatchObject({
      channel: 'web',
      customerId: customer.id,
      content: '司机拒绝卸货',
      stage: 'acknowledge',
    });

    const other = await admin.post<{ id: number }>('/api/v1/tickets', {
      typeId: inquiry.id,
      subject: '咨询发票',
      channel: 'phone',
      customerId: customer.id,
    });
    expect((await admin.get(`/api/v1/tickets/${other.body.id}/complaint`)).status).toBe(404);
    const registered = await admin.post<ComplaintDetail>(`/api/v1/tickets/${other.body.id}/complaint`);
    expect(registered.status).toBe(201);
    const twice = await admin.post(`/api/v1/tickets/${other.body.id}/complaint`);
    expect(errorCode(twice.body)).toBe('COMPLAINT_EXISTS');
  });

  it('permissions: reading needs complaint.read, registering complaint.handle; unknown ids are 404', async () => {
    const { specialist } = await complaintTeam(t());
    const c = await buildComplaint(t(), { client: specialist.client });
    const warehouse = await buildUser(t(), { roles: ['warehouse'] });
    expect((await warehouse.client.get('/api/v1/complaints')).status).toBe(403);
    expect((await warehouse.client.get(`/api/v1/complaints/${c.id}`)).status).toBe(403);
    const reader = await buildUser(t(), { permissions: ['complaint.read'] });
    expect((await reader.client.get(`/api/v1/complaints/${c.id}`)).status).toBe(200);
    expect((await reader.client.post('/api/v1/complaints', { subject: 'x', content: 'y' })).status).toBe(403);
    // A reader who is not the step's owner cannot complete it.
    const ack = await step(reader.client, c.id, 'acknowledge', { message: 'm', promisedAt: tomorrow() });
    expect(ack.status).toBe(403);
    expect((await specialist.client.get('/api/v1/complaints/999999')).status).toBe(404);
    const list = await reader.client.get<{ items: { id: number }[] }>(`/api/v1/complaints?q=${c.number}`);
    expect(list.body.items.map((i) => i.id)).toEqual([c.id]);
  });
});
