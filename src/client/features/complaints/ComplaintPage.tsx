import { PageHeader } from '../../components/PageHeader.tsx';
import { useT } from '../../i18n/context.ts';

/** One complaint with its flow as a stepper — being built. */
export default function ComplaintPage() {
  const t = useT();
  return <PageHeader title={t('complaints.nav')} />;
}
