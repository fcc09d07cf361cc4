import { type ReturnDetail, uploadReturnAttachment, useInvalidateReturns } from '../../api/returns.ts';
import { useCan } from '../../api/session.ts';
import { RecordFiles } from '../../components/RecordFiles.tsx';
import { useT } from '../../i18n/context.ts';

/** 照片与附件: the goods as received, the defect as found; added while the notice is open. */
export function ReturnFiles({ notice }: { notice: ReturnDetail }) {
  const t = useT();
  const can = useCan();
  const refresh = useInvalidateReturns();
  const open = notice.status !== 'closed' && notice.status !== 'cancelled';
  const mayUpload = can('return.manage') || can('return.receive') || can('return.inspect');

  return (
    <RecordFiles
      testId="return-files"
      files={notice.attachments}
      empty={t('returns.files.empty')}
      previews
      upload={
        open && mayUpload
          ? (file, onProgress) => uploadReturnAttachment(notice.id, file, onProgress)
          : undefined
      }
      onUploaded={refresh}
      hint={t('returns.files.hint')}
      uploadTestId="return-upload"
    />
  );
}
