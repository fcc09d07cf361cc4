import { Card, Descriptions, Flex, Rate, Tag, Timeline, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { ComplaintDetail, ComplaintStepView } from '../../api/complaints.ts';
import { useDepartments } from '../../api/departments.ts';
import { useCan } from '../../api/session.ts';
import { EmptyState } from '../../components/states.tsx';
import type { MessageKey } from '../../i18n/catalogue.ts';
import { useT } from '../../i18n/context.ts';
import { useDateFormat } from '../../i18n/format.ts';
import { useComplaintLabels } from './labels.tsx';

const pre = (text: string) => (
  <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{text}</Typography.Paragraph>
);

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v : null);

/** The record one completed step kept, field by field, in words. */
function StepData({
  step,
  departmentName,
}: {
  step: ComplaintStepView;
  departmentName: (id: unknown) => string | null;
}) {
  const t = useT();
  const fmt = useDateFormat();
  const d = step.data;
  const rows: { key: string; label: MessageKey; value: ReactNode }[] = [];
  const text = (key: string, label: MessageKey) => {
    const value = str(d[key]);
    if (value) rows.push({ key, label, value: pre(value) });
  };
  text('message', 'complaints.data.message');
  if (str(d.promisedAt) && step.step === 'acknowledge')
    rows.push({
      key: 'promisedAt',
      label: 'complaints.field.promisedAt',
      value: fmt.dateTime(str(d.promisedAt)),
    });
  text('findings', 'complaints.data.findings');
  const onSite = d.onSite && typeof d.onSite === 'object' ? (d.onSite as Record<string, unknown>) : null;
  if (onSite)
    rows.push({
      key: 'onSite',
      label: 'complaints.data.onSite',
      value: (
        <Flex vertical gap={2}>
          <Typography.Text>
            {[str(onSite.visitedOn), str(onSite.location), str(onSite.participants)]
              .filter(Boolean)
              .join(' · ')}
          </Typography.Text>
          {str(onSite.notes) ? pre(str(onSite.notes)!) : null}
        </Flex>
      ),
    });
  if (d.responsibility === 'company' || d.responsibility === 'not_company')
    rows.push({
      key: 'responsibility',
      label: 'complaints.data.responsibility',
      value: (
        <Tag color={d.responsibility === 'company' ? 'orange' : 'green'}>
          {t(`complaints.data.responsibility.${d.responsibility}`)}
        </Tag>
      ),
    });
  if (Array.isArray(d.participants) && d.participants.length)
    rows.push({
      key: 'participants',
      label: 'complaints.data.participants',
      value: (
        <Flex gap={4} wrap>
          {d.participants.map((p) => (
            <Tag key={String(p)} style={{ marginInlineEnd: 0 }}>
              {String(p)}
            </Tag>
          ))}
        </Flex>
      ),
    });
  text('conclusions', 'complaints.data.conclusions');
  const department = departmentName(d.responsibleDepartmentId);
  if (department) rows.push({ key: 'department', label: 'complaints.field.department', value: department });
  text('explanation', 'complaints.data.explanation');
  text('rootCause', 'complaints.data.rootCause');
  text('correctiveMeasures', 'complaints.data.correctiveMeasures');
  text('preventiveMeasures', 'complaints.data.preventiveMeasures');
  text('replyText', 'complaints.data.replyText');
  text('executionNotes', 'complaints.data.executionNotes');
  if (d.result === 'satisfied' || d.result === 'partly' || d.result === 'not_satisfied')
    rows.push({
      key: 'result',
      label: 'complaints.data.result',
      value: (
        <Tag color={d.result === 'satisfied' ? 'success' : d.result === 'partly' ? 'gold' : 'red'}>
          {t(`complaints.data.result.${d.result}`)}
        </Tag>
      ),
    });
  text('comments', 'complaints.data.comments');
  if (str(d.revisitedOn)) {
    const method = d.method;
    const methodText =
      method === 'phone' || method === 'visit' || method === 'email' || method === 'other'
        ? t(`complaints.data.method.${method}`)
        : '';
    rows.push({
      key: 'revisitedOn',
      label: 'complaints.data.revisitedOn',
      value: [str(d.revisitedOn), methodText].filter(Boolean).join(' · '),
    });
  }
  if (typeof d.satisfaction === 'number')
    rows.push({
      key: 'satisfaction',
      label: 'complaints.data.satisfaction',
      value: <Rate disabled value={d.satisfaction} style={{ fontSize: 14 }} />,
    });
  text('notes', 'complaints.data.notes');
  text('summary', 'complaints.data.summary');
  text('returnedComment', 'complaints.data.returnedComment');
  text('approvedComment', 'complaints.data.approvedComment');
  if (rows.length === 0) return null;
  return (
    <Descriptions
      size="small"
      column={1}
      bordered
      style={{ marginTop: 8 }}
      items={rows.map((r) => ({ key: r.key, label: t(r.label), children: r.value }))}
      styles={{ label: { width: 140, whiteSpace: 'nowrap' } }}
    />
  );
}

/** 处理记录: every completed step with who finished it, when, whether late, and what it recorded. */
export function StepHistory({ complaint }: { complaint: ComplaintDetail }) {
  const t = useT();
  const fmt = useDateFormat();
  const can = useCan();
  const labels = useComplaintLabels();
  const departments = useDepartments(can('department.read'));
  const done = complaint.steps.filter((s) => s.completedAt);
  const departmentName = (id: unknown) => {
    if (typeof id !== 'number') return null;
    if (id === complaint.responsibleDepartmentId && complaint.responsibleDepartmentName)
      return complaint.responsibleDepartmentName;
    return departments.data?.find((dep) => dep.id === id)?.name ?? `#${id}`;
  };
  return (
    <Card title={t('complaints.history')} data-testid="complaint-history">
      {done.length === 0 ? (
        <EmptyState text={t('complaints.historyEmpty')} />
      ) : (
        <Timeline
          items={done.map((s) => ({
            key: s.id,
            color: s.breached ? 'red' : 'green',
            content: (
              <div data-testid={`complaint-history-${s.step}`}>
                <Flex gap={8} align="center" wrap>
                  <Typography.Text strong>{labels.step(s.step)}</Typography.Text>
                  <Typography.Text type="secondary">
                    {t('complaints.doneBy', {
                      name: s.completedByName ?? t('complaints.system'),
                      time: fmt.dateTime(s.completedAt),
                    })}
                  </Typography.Text>
                  {s.breached ? (
                    <Tag color="red" style={{ marginInlineEnd: 0 }}>
                      {t('complaints.late')}
                    </Tag>
                  ) : null}
                </Flex>
                <StepData step={s} departmentName={departmentName} />
              </div>
            ),
          }))}
        />
      )}
    </Card>
  );
}
