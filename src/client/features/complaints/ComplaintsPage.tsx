import { PageHeader } from '../../components/PageHeader.tsx';
import { useT } from '../../i18n/context.ts';

/** 投诉工作台 — being built. */
export default function ComplaintsPage() {
  const t = useT();
  return <PageHeader title={t('complaints.nav')} />;
}
