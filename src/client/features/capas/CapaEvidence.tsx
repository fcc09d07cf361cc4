import {
  type CapaDetail,
  uploadCapaAttachment,
  useInvalidateCapa,
  useRemoveCapaAttachment,
} from '../../api/capas.ts';
import { useCan, useSession } from '../../api/session.ts';
import { useNotifyError } from '../../components/form-errors.ts';
import { RecordFiles } from '../../components/RecordFiles.tsx';
import { useT } from '../../i18n/context.ts';

/**
 * 验证证据: the report's files. Those who run the report or verify it add files until it is closed or
 * dismissed; whoever uploaded a file may take it off again until then.
 */
export function CapaEvidence({ capa }: { capa: CapaDetail }) {
  const t = useT();
  const can = useCan();
  const me = useSession().user;
  const notifyError = useNotifyError();
  const refresh = useInvalidateCapa(capa.id);
  const remove = useRemoveCapaAttachment(capa.id);
  const running = capa.status !== 'closed' && capa.status !== 'dismissed';
  const mayUpload = running && (can('capa.manage') || can('capa.verify'));

  return (
    <RecordFiles
      testId="capa-evidence"
      files={capa.attachments}
      empty={t('capas.verify.noEvidence')}
      fileTestId="capa-evidence-file"
      note={(f) => f.uploadedBy?.name ?? ''}
      removal={{
        allowed: (f) => running && f.uploadedBy?.id === me.id,
        label: (f) => t('capas.verify.removeFile', { name: f.fileName }),
        remove: (f) => remove.mutate(f.id, { onError: notifyError }),
      }}
      upload={mayUpload ? (file, onProgress) => uploadCapaAttachment(capa.id, file, onProgress) : undefined}
      onUploaded={refresh}
      hint={t('capas.verify.evidenceHint')}
      uploadTestId="capa-evidence-upload"
    />
  );
}
