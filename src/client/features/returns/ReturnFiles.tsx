import { Typography } from 'antd';
import { useState } from 'react';
import { useAttachmentSettings } from '../../api/attachments.ts';
import { type ReturnDetail, uploadReturnAttachment, useInvalidateReturns } from '../../api/returns.ts';
import { useCan } from '../../api/session.ts';
import { AttachmentList } from '../../components/AttachmentList.tsx';
import { AttachmentUpload, type PendingFile } from '../../components/AttachmentUpload.tsx';
import { useT } from '../../i18n/context.ts';

/** 照片与附件: the goods as received, the defect as found; added while the notice is open. */
export function ReturnFiles({ notice }: { notice: ReturnDetail }) {
  const t = useT();
  const can = useCan();
  const refresh = useInvalidateReturns();
  const settings = useAttachmentSettings();
  const [pending, setPending] = useState<PendingFile[]>([]);
  const open = notice.status !== 'closed' && notice.status !== 'cancelled';
  const mayUpload = can('return.manage') || can('return.receive') || can('return.inspect');
  // The shared list shows message files; a return's files belong to no message.
  const files = notice.attachments.map((a) => ({ ...a, messageId: null, staffDraft: false }));

  return (
    <div data-testid="return-files">
      {files.length === 0 ? (
        <Typography.Text type="secondary">{t('returns.files.empty')}</Typography.Text>
      ) : (
        <AttachmentList items={files} />
      )}
      {open && mayUpload ? (
        <div style={{ marginTop: 12 }}>
          <AttachmentUpload
            upload={(file, onProgress) => uploadReturnAttachment(notice.id, file, onProgress)}
            files={pending}
            onChange={setPending}
            onUploaded={(uploaded) => {
              setPending((list) => list.filter((f) => f.response?.id !== uploaded.id));
              refresh();
            }}
            maxMegabytes={settings.data?.maxMegabytes}
            hint={t('returns.files.hint')}
            testId="return-upload"
          />
        </div>
      ) : null}
    </div>
  );
}
