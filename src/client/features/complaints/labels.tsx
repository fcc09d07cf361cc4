import { ClockCircleOutlined, WarningOutlined } from '@ant-design/icons';
import { Tag, Tooltip, Typography } from 'antd';
import {
  COMPLAINT_CATEGORY_LABELS,
  COMPLAINT_STEP_LABELS,
  type CompensationStatus,
  type ComplaintCategory,
  type ComplaintSeverity,
  type ComplaintStage,
} from '../../../shared/complaints/complaint-flow.ts';
import {
  COMPENSATION_KIND_LABELS,
  COMPLAINT_OBJECT_LABELS,
  COMPLAINT_SEVERITY_LABELS,
} from '../../../shared/complaints/complaint-labels.ts';
import type { ComplaintDetail, ComplaintValidity } from '../../api/complaints.ts';
import { useNow } from '../../components/hooks.ts';
import { durationText } from '../../components/labels.ts';
import { useI18n, useT } from '../../i18n/context.ts';
import { useDateFormat } from '../../i18n/format.ts';

const has = <T extends object>(table: T, key: string): key is Extract<keyof T, string> =>
  Object.hasOwn(table, key);

/** The shared category, step, severity, object and compensation names in the UI language. */
export function useComplaintLabels() {
  const { locale, t } = useI18n();
  return {
    locale,
    category: (c: string) => (has(COMPLAINT_CATEGORY_LABELS, c) ? COMPLAINT_CATEGORY_LABELS[c][locale] : c),
    step: (s: string) => (has(COMPLAINT_STEP_LABELS, s) ? COMPLAINT_STEP_LABELS[s][locale] : s),
    stage: (s: string) =>
      s === 'closed'
        ? t('complaints.stage.closed')
        : has(COMPLAINT_STEP_LABELS, s)
          ? COMPLAINT_STEP_LABELS[s][locale]
          : s,
    severity: (s: string) => (has(COMPLAINT_SEVERITY_LABELS, s) ? COMPLAINT_SEVERITY_LABELS[s][locale] : s),
    object: (o: string) => (has(COMPLAINT_OBJECT_LABELS, o) ? COMPLAINT_OBJECT_LABELS[o][locale] : o),
    compensationKind: (k: string) =>
      has(COMPENSATION_KIND_LABELS, k) ? COMPENSATION_KIND_LABELS[k][locale] : k,
  };
}

const SEVERITY_COLORS: Record<ComplaintSeverity, string> = {
  critical: 'red',
  major: 'volcano',
  normal: 'blue',
  minor: 'default',
};

const VALIDITY_COLORS: Record<ComplaintValidity, string> = {
  pending: 'default',
  valid: 'orange',
  not_valid: 'green',
};

const COMPENSATION_COLORS: Record<CompensationStatus, string> = {
  pending: 'processing',
  approved: 'gold',
  rejected: 'red',
  withdrawn: 'default',
  executed: 'success',
};

export function CategoryTag({ category }: { category: ComplaintCategory }) {
  const labels = useComplaintLabels();
  return (
    <Tag color="purple" data-category={category} style={{ marginInlineEnd: 0 }}>
      {labels.category(category)}
    </Tag>
  );
}

export function SeverityTag({ severity }: { severity: ComplaintSeverity }) {
  const labels = useComplaintLabels();
  return (
    <Tag color={SEVERITY_COLORS[severity]} data-severity={severity} style={{ marginInlineEnd: 0 }}>
      {labels.severity(severity)}
    </Tag>
  );
}

export function StageTag({ stage, testId }: { stage: ComplaintStage; testId?: string }) {
  const labels = useComplaintLabels();
  return (
    <Tag
      color={stage === 'closed' ? 'default' : 'processing'}
      data-stage={stage}
      data-testid={testId}
      style={{ marginInlineEnd: 0 }}
    >
      {labels.stage(stage)}
    </Tag>
  );
}

export function ValidityTag({ validity, testId }: { validity: ComplaintValidity; testId?: string }) {
  const t = useT();
  return (
    <Tag
      color={VALIDITY_COLORS[validity]}
      data-validity={validity}
      data-testid={testId}
      style={{ marginInlineEnd: 0 }}
    >
      {t(`complaints.validity.${validity}`)}
    </Tag>
  );
}

export function CompensationStatusTag({ status }: { status: CompensationStatus }) {
  const t = useT();
  return (
    <Tag color={COMPENSATION_COLORS[status]} data-status={status} style={{ marginInlineEnd: 0 }}>
      {t(`complaints.comp.status.${status}`)}
    </Tag>
  );
}

/** Past due now (the server's flag, or the due time passed since the page was loaded). */
export function isOverdue(dueAt: string | null, breached: boolean, now: number): boolean {
  return breached || (!!dueAt && Date.parse(dueAt) < now);
}

/** The time left on a step ("剩 3小时"), red with "超时 20分钟" once it is past due. */
export function StepDue({
  dueAt,
  breached,
  testId,
}: {
  dueAt: string | null;
  breached: boolean;
  testId?: string;
}) {
  const t = useT();
  const fmt = useDateFormat();
  const now = useNow();
  if (!dueAt) return breached ? <Tag color="red">{t('complaints.overdue')}</Tag> : null;
  const due = Date.parse(dueAt);
  const late = isOverdue(dueAt, breached, now);
  return (
    <Tooltip title={`${t('complaints.dueAt')} ${fmt.dateTime(dueAt)}`}>
      <Tag
        color={late ? 'red' : 'default'}
        icon={late ? <WarningOutlined /> : <ClockCircleOutlined />}
        data-testid={testId}
        data-overdue={late ? 'true' : 'false'}
        style={{ marginInlineEnd: 0 }}
      >
        {late
          ? due < now
            ? t('complaints.due.over', { time: durationText(now - due, t) })
            : t('complaints.overdue')
          : t('complaints.due.left', { time: durationText(due - now, t) })}
      </Tag>
    </Tooltip>
  );
}

/** The step being worked on now (none once closed). */
export function openStepOf(detail: ComplaintDetail) {
  return detail.stage === 'closed' ? undefined : detail.steps.find((s) => !s.completedAt);
}

/** The step's due time relative to now, as plain text ("剩 3小时", red "超时 20分钟"); the exact time on hover. */
export function DueText({ dueAt, breached }: { dueAt: string | null; breached: boolean }) {
  const t = useT();
  const fmt = useDateFormat();
  const now = useNow();
  if (!dueAt) return <Typography.Text type="secondary">—</Typography.Text>;
  const due = Date.parse(dueAt);
  const late = isOverdue(dueAt, breached, now);
  return (
    <Tooltip title={fmt.dateTime(dueAt)}>
      <Typography.Text type={late ? 'danger' : undefined} style={{ whiteSpace: 'nowrap' }}>
        {due < now
          ? t('complaints.due.over', { time: durationText(now - due, t) })
          : t('complaints.due.left', { time: durationText(due - now, t) })}
      </Typography.Text>
    </Tooltip>
  );
}

/** The red "overdue" mark beside a complaint's step. */
export function OverdueTag({ dueAt, breached }: { dueAt: string | null; breached: boolean }) {
  const t = useT();
  const now = useNow();
  if (!isOverdue(dueAt, breached, now)) return null;
  return (
    <Tag
      color="red"
      icon={<WarningOutlined />}
      data-testid="complaint-overdue"
      style={{ marginInlineEnd: 0 }}
    >
      {t('complaints.overdue')}
    </Tag>
  );
}
