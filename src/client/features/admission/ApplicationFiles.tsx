import { DeleteOutlined, PaperClipOutlined } from '@ant-design/icons';
import { Button, Flex, Popconfirm, Typography } from 'antd';
import { useState } from 'react';
import {
  type ApplicationDetail,
  removeApplicationAttachment,
  uploadApplicationAttachment,
  useInvalidateApplication,
} from '../../api/admission.ts';
import { formatFileSize, useAttachmentSettings } from '../../api/attachments.ts';
import { useCan } from '../../api/session.ts';
import { AttachmentUpload, type PendingFile } from '../../components/AttachmentUpload.tsx';
import { useNotifyError } from '../../components/form-errors.ts';
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
  const settings = useAttachmentSettings();
  const [pending, setPending] = useState<PendingFile[]>([]);
  const open = a.status === 'draft' || a.status === 'submitted';
  const draft = a.status === 'draft';

  const remove = (attachmentId: number) =>
    removeApplicationAttachment(a.id, attachmentId).then(refresh, notifyError);

  return (
    <div data-testid="admission-files">
      {a.attachments.length === 0 ? (
        <Typography.Text type="secondary">{t('admission.noAttachments')}</Typography.Text>
      ) : (
        <Flex vertical gap={6}>
          {a.attachments.map((f) => (
            <Flex key={f.id} gap={8} align="center" data-testid="admission-file" data-name={f.fileName}>
              <PaperClipOutlined style={{ color: '#8c8c8c' }} />
              <a href={f.url} download={f.fileName} style={{ wordBreak: 'break-all', flex: 1 }}>
                {f.fileName}
              </a>
              <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
                {formatFileSize(f.size)}
              </Typography.Text>
              {draft && can('admission.apply') ? (
                <Popconfirm
                  title={t('admission.removeFile', { name: f.fileName })}
                  onConfirm={() => remove(f.id)}
                >
                  <Button
                    type="text"
                    size="small"
                    icon={<DeleteOutlined />}
                    aria-label={t('admission.removeFile', { name: f.fileName })}
                  />
                </Popconfirm>
              ) : null}
            </Flex>
          ))}
        </Flex>
      )}
      {open && can('admission.apply') ? (
        <div style={{ marginTop: 12 }}>
          <AttachmentUpload
            upload={(file, onProgress) => uploadApplicationAttachment(a.id, file, onProgress)}
            files={pending}
            onChange={setPending}
            onUploaded={(uploaded) => {
              // Once on the server the file shows in the list above, not twice.
              setPending((list) => list.filter((f) => f.response?.id !== uploaded.id));
              refresh();
            }}
            maxMegabytes={settings.data?.maxMegabytes}
            hint={t('admission.attachHint')}
            testId="admission-upload"
          />
        </div>
      ) : null}
    </div>
  );
}
