import { Tag, Typography } from 'antd';
import { CARE_EVENTS, CARE_RECORDS } from '../../../shared/schemas/care.ts';
import { type Translate, useT } from '../../i18n/context.ts';

const KINDS = [...CARE_EVENTS, ...CARE_RECORDS] as const;
type Kind = (typeof KINDS)[number];

const KIND_COLORS: Record<Kind, string> = {
  birthday: 'magenta',
  anniversary: 'purple',
  holiday: 'red',
  gift: 'gold',
  visit: 'green',
  other: 'default',
};

const STATUS_COLORS: Record<string, string> = {
  queued: 'processing',
  recorded: 'success',
  skipped: 'warning',
};

const isKind = (value: string): value is Kind => (KINDS as readonly string[]).includes(value);

/** 生日 / 合作纪念日 / 节日 / 礼品 / 关怀拜访 / 其他关怀; an unknown kind as it is. */
export function careKindText(t: Translate, kind: string | null): string | null {
  if (kind === null) return null;
  return isKind(kind) ? t(`care.event.${kind}`) : kind;
}

/** The job writes 'no email' / 'no mobile'; anything else is shown as written. */
export function skipReasonText(t: Translate, reason: string | null): string | null {
  if (reason === 'no email') return t('care.skip.noEmail');
  if (reason === 'no mobile') return t('care.skip.noMobile');
  return reason;
}

/** ¥168.50 in the UI's number style. */
export function formatCost(value: number, locale: string): string {
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: 'CNY',
    minimumFractionDigits: Number.isInteger(value) ? 0 : 2,
    maximumFractionDigits: 2,
  }).format(value);
}

export function CareKindTag({ kind }: { kind: string }) {
  const t = useT();
  return (
    <Tag color={isKind(kind) ? KIND_COLORS[kind] : 'default'} style={{ marginInlineEnd: 0 }} data-kind={kind}>
      {careKindText(t, kind)}
    </Tag>
  );
}

/** 已排队发送 / 已记录 / 未发送 — a skipped greeting says why (no email address, no mobile number). */
export function CareStatusTag({ status, skipReason }: { status: string; skipReason: string | null }) {
  const t = useT();
  const known = status === 'queued' || status === 'recorded' || status === 'skipped';
  const tag = (
    <Tag color={STATUS_COLORS[status] ?? 'default'} style={{ marginInlineEnd: 0 }} data-status={status}>
      {known ? t(`care.status.${status}`) : status}
    </Tag>
  );
  const reason = status === 'skipped' ? skipReasonText(t, skipReason) : null;
  if (!reason) return tag;
  return (
    <span style={{ display: 'inline-flex', flexDirection: 'column', alignItems: 'flex-start', gap: 2 }}>
      {tag}
      <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="care-skip-reason">
        {reason}
      </Typography.Text>
    </span>
  );
}
