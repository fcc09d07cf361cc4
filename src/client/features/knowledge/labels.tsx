import { Tag } from 'antd';
import type { Locale } from '../../../shared/locale.ts';
import type { KbKind, KbStatus, KbVisibility } from '../../../shared/schemas/knowledge.ts';
import type { KbCategoryView } from '../../api/knowledge.ts';
import { pick } from '../../components/labels.ts';
import { buildTree } from '../../components/tree.ts';
import { useT } from '../../i18n/context.ts';

const STATUS_COLORS: Record<KbStatus, string> = { draft: 'gold', published: 'green', archived: 'default' };

export function KindTag({ kind }: { kind: KbKind }) {
  const t = useT();
  return (
    <Tag color={kind === 'script' ? 'purple' : kind === 'product' ? 'cyan' : 'blue'}>
      {t(`kb.kind.${kind}`)}
    </Tag>
  );
}

export function VisibilityTag({ visibility }: { visibility: KbVisibility }) {
  const t = useT();
  return (
    <Tag color={visibility === 'public' ? 'geekblue' : 'default'}>{t(`kb.visibility.${visibility}`)}</Tag>
  );
}

export function StatusTag({ status }: { status: KbStatus }) {
  const t = useT();
  return (
    <Tag color={STATUS_COLORS[status]} data-testid="kb-status">
      {t(`kb.status.${status}`)}
    </Tag>
  );
}

export const categoryName = (c: KbCategoryView | undefined, locale: Locale) =>
  c ? pick(c.name, locale) : '';

/** Knowledge categories as Tree / TreeSelect data, in their sort order then name. */
export function kbCategoryTree(list: KbCategoryView[], locale: Locale, disable?: Set<number>) {
  return buildTree(
    list,
    (c) => pick(c.name, locale),
    (a, b) => a.sortOrder - b.sortOrder || pick(a.name, locale).localeCompare(pick(b.name, locale)),
    disable,
  );
}
