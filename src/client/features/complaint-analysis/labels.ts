import { useMemo } from 'react';
import {
  COMPLAINT_CATEGORY_LABELS,
  COMPLAINT_STEP_LABELS,
  type ComplaintCategory,
  type ComplaintStep,
} from '../../../shared/complaints/complaint-flow.ts';
import { CHANNEL_LABELS, type Channel } from '../../../shared/tickets/ticket-status.ts';
import { useI18n } from '../../i18n/context.ts';
import { isMessageKey } from '../../i18n/language-pack.ts';

/** Names of the codes the analysis counts by, in the UI language; unknown codes show as they are. */
export function useAnalysisLabels() {
  const { locale, t } = useI18n();
  return useMemo(() => {
    const own = (prefix: string, key: string) => {
      const full = `complaintAnalysis.${prefix}.${key}`;
      return isMessageKey(full) ? t(full) : key;
    };
    return {
      category: (key: string | null) =>
        key === null
          ? t('complaintAnalysis.notRecorded')
          : (COMPLAINT_CATEGORY_LABELS[key as ComplaintCategory]?.[locale] ?? key),
      channel: (key: string | null) =>
        key === null ? t('complaintAnalysis.notRecorded') : (CHANNEL_LABELS[key as Channel]?.[locale] ?? key),
      step: (key: string) => COMPLAINT_STEP_LABELS[key as ComplaintStep]?.[locale] ?? own('stage', key),
      customerClass: (key: string | null) =>
        key === null ? t('complaintAnalysis.unclassified') : own('class', key),
      severity: (key: string | null) =>
        key === null ? t('complaintAnalysis.notRecorded') : own('severity', key),
      capaStatus: (key: string) => own('capaStatus', key),
      product: (product: string | null, other: boolean) =>
        other ? t('complaintAnalysis.otherProducts') : (product ?? t('complaintAnalysis.notRecorded')),
      department: (name: string | null) => name ?? t('complaintAnalysis.noDepartment'),
    };
  }, [locale, t]);
}
export type AnalysisLabels = ReturnType<typeof useAnalysisLabels>;
