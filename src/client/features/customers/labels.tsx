import { CrownOutlined } from '@ant-design/icons';
import { Tag, Tooltip } from 'antd';
import type { Lifecycle } from '../../../shared/schemas/customers.ts';
import { useT } from '../../i18n/context.ts';

export const CLASS_COLORS = { A: 'gold', B: 'blue', C: 'default' } as const;
export const LIFECYCLE_COLORS: Record<Lifecycle, string> = {
  prospect: 'cyan',
  pending_approval: 'orange',
  active: 'green',
  dormant: 'default',
  lost: 'red',
};

type ClassName = keyof typeof CLASS_COLORS;
type CreditLevel = 'I' | 'II' | 'III';

const isClass = (c: string | null): c is ClassName => c === 'A' || c === 'B' || c === 'C';

/** "A 类" in gold with a crown (key account), B blue, C plain; nothing shown for an unclassified customer. */
export function ClassTag({ value, testId }: { value: string | null; testId?: string }) {
  const t = useT();
  if (!isClass(value)) {
    return (
      <Tag variant="outlined" data-testid={testId} data-class="">
        {t('customers.class.none')}
      </Tag>
    );
  }
  return (
    <Tooltip title={t(`customers.class.${value}`)}>
      <Tag
        color={CLASS_COLORS[value]}
        icon={value === 'A' ? <CrownOutlined /> : undefined}
        data-testid={testId}
        data-class={value}
        style={value === 'A' ? { fontWeight: 600 } : undefined}
      >
        {t('customers.classShort', { class: value })}
      </Tag>
    </Tooltip>
  );
}

export function LifecycleTag({ value, testId }: { value: Lifecycle; testId?: string }) {
  const t = useT();
  return (
    <Tag color={LIFECYCLE_COLORS[value]} data-testid={testId} data-lifecycle={value}>
      {t(`customers.lifecycle.${value}`)}
    </Tag>
  );
}

/** "信用 II 级" with what the level means (credit period) on hover. */
export function CreditTag({ value }: { value: CreditLevel | null }) {
  const t = useT();
  if (!value) return null;
  return (
    <Tooltip title={t(`customers.creditHint.${value}`)}>
      <Tag color="purple" variant="outlined">
        {t('customers.creditShort', { level: value })}
      </Tag>
    </Tooltip>
  );
}

/** Names of the fixed lists, in the UI language. */
export function useCustomerLabels() {
  const t = useT();
  return {
    kind: (k: 'company' | 'individual') => t(`customers.kind.${k}`),
    lifecycle: (l: Lifecycle) => t(`customers.lifecycle.${l}`),
    classLong: (c: string | null) => (isClass(c) ? t(`customers.class.${c}`) : t('customers.class.none')),
    credit: (c: CreditLevel) =>
      `${t('customers.creditShort', { level: c })} · ${t(`customers.creditHint.${c}`)}`,
    channel: (c: string | null) =>
      c === 'phone' ||
      c === 'mobile' ||
      c === 'email' ||
      c === 'sms' ||
      c === 'wechat' ||
      c === 'visit' ||
      c === 'letter'
        ? t(`customers.channel.${c}`)
        : (c ?? ''),
  };
}
