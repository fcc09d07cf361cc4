import { PageHeader } from '../../components/PageHeader.tsx';
import { useT } from '../../i18n/context.ts';

/** One CAPA report — being built. */
export default function CapaPage() {
  const t = useT();
  return <PageHeader title={t('capas.nav')} />;
}
