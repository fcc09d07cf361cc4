import {
  type ApplicationDetail,
  removeApplicationAttachment,
  uploadApplicationAttachment,
  useInvalidateApplication,
} from '../../api/customer-applications.ts';
import { useCan } from '../../api/session.ts';
import { useNotifyError } from '../../components/form-errors.ts';
import { RecordFiles } from '../../components/RecordFiles.tsx';
import { useT } from '../../i18n/context.ts';

/**
 * 附件: the investigation documents. Uploads go straight onto the application while it is open; a draft's
 * files can be taken off again (by whoever uploaded them — the server refuses others).
 */
export function ApplicationFiles({ application: a }: { application: ApplicationDetail }) {
  const t = useT();
  const can = useCan();
  const notifyError = useNotifyError();
  const refresh = useInvalidateApplication();
  const open = a.status === 'draft' || a.status === 'submitted';
  const draft = a.status === 'draft';

  return (
    <RecordFiles
      testId="admission-files"
      files={a.attachments}
      empty={t('admission.noAttachments')}
      fileTestId="admission-file"
      removal={{
        allowed: () => draft && can('admission.apply'),
        label: (f) => t('admission.removeFile', { name: f.fileName }),
        remove: (f) => removeApplicationAttachment(a.id, f.id).then(refresh, notifyError),
      }}
      upload={
        open && can('admission.apply')
          ? (file, onProgress) => uploadApplicationAttachment(a.id, file, onProgress)
          : undefined
      }
      onUploaded={refresh}
      hint={t('admission.attachHint')}
      uploadTestId="admission-upload"
    />
  );
}
