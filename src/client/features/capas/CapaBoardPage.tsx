import { PageHeader } from '../../components/PageHeader.tsx';
import { useT } from '../../i18n/context.ts';

/** CAPA board — being built. */
export default function CapaBoardPage() {
  const t = useT();
  return <PageHeader title={t('capas.nav')} />;
}
