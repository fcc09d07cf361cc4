import { DeleteOutlined, PaperClipOutlined } from '@ant-design/icons';
import { Button, Flex, Popconfirm, Typography } from 'antd';
import { useState } from 'react';
import { formatFileSize, useAttachmentSettings } from '../../api/attachments.ts';
import {
  type CapaDetail,
  uploadCapaAttachment,
  useInvalidateCapa,
  useRemoveCapaAttachment,
} from '../../api/capas.ts';
import { useCan, useSession } from '../../api/session.ts';
import { AttachmentUpload, type PendingFile } from '../../components/AttachmentUpload.tsx';
import { useNotifyError } from '../../components/form-errors.ts';
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
  const settings = useAttachmentSettings();
  const [pending, setPending] = useState<PendingFile[]>([]);
  const running = capa.status !== 'closed' && capa.status !== 'dismissed';
  const mayUpload = running && (can('capa.manage') || can('capa.verify'));

  return (
    <div data-testid="capa-evidence">
      {capa.attachments.length === 0 ? (
        <Typography.Text type="secondary">{t('capas.verify.noEvidence')}</Typography.Text>
      ) : (
        <Flex vertical gap={6}>
          {capa.attachments.map((f) => (
            <Flex key={f.id} gap={8} align="center" data-testid="capa-evidence-file" data-name={f.fileName}>
              <PaperClipOutlined style={{ color: '#8c8c8c' }} />
              <a href={f.url} download={f.fileName} style={{ wordBreak: 'break-all', flex: 1 }}>
                {f.fileName}
              </a>
              <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
                {formatFileSize(f.size)} · {f.uploadedBy?.name ?? ''}
              </Typography.Text>
              {running && f.uploadedBy?.id === me.id ? (
                <Popconfirm
                  title={t('capas.verify.removeFile', { name: f.fileName })}
                  onConfirm={() => remove.mutate(f.id, { onError: notifyError })}
                >
                  <Button
                    type="text"
                    size="small"
                    icon={<DeleteOutlined />}
                    aria-label={t('capas.verify.removeFile', { name: f.fileName })}
                  />
                </Popconfirm>
              ) : null}
            </Flex>
          ))}
        </Flex>
      )}
      {mayUpload ? (
        <div style={{ marginTop: 12 }}>
          <AttachmentUpload
            upload={(file, onProgress) => uploadCapaAttachment(capa.id, file, onProgress)}
            files={pending}
            onChange={setPending}
            onUploaded={(uploaded) => {
              // Once on the server the file shows in the list above, not twice.
              setPending((list) => list.filter((f) => f.response?.id !== uploaded.id));
              refresh();
            }}
            maxMegabytes={settings.data?.maxMegabytes}
            hint={t('capas.verify.evidenceHint')}
            testId="capa-evidence-upload"
          />
        </div>
      ) : null}
    </div>
  );
}
