import { PageHeader } from '../../components/PageHeader.tsx';
import { useT } from '../../i18n/context.ts';

/** One return notice — being built. */
export default function ReturnPage() {
  const t = useT();
  return <PageHeader title={t('returns.nav')} />;
}
