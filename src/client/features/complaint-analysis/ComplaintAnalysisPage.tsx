import { PageHeader } from '../../components/PageHeader.tsx';
import { useT } from '../../i18n/context.ts';

/** Monthly complaint analysis — being built. */
export default function ComplaintAnalysisPage() {
  const t = useT();
  return <PageHeader title={t('complaintAnalysis.nav')} />;
}
