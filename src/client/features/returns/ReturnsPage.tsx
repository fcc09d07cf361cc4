import { PageHeader } from '../../components/PageHeader.tsx';
import { useT } from '../../i18n/context.ts';

/** Returns list — being built. */
export default function ReturnsPage() {
  const t = useT();
  return <PageHeader title={t('returns.nav')} />;
}
