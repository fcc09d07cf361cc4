import { DeleteOutlined, PaperClipOutlined } from '@ant-design/icons';
import { Button, Flex, Popconfirm, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { formatFileSize, type UploadTask, useAttachmentSettings } from '../api/attachments.ts';
import { AttachmentList, type ListedAttachment } from './AttachmentList.tsx';
import { AttachmentUpload, type PendingFile } from './AttachmentUpload.tsx';

/** Taking a file off a record: who may, what the button says, and what it does. */
export interface FileRemoval<F> {
  allowed: (file: F) => boolean;
  label: (file: F) => string;
  /** A promise keeps the confirmation busy until it settles. */
  remove: (file: F) => unknown;
}

/**
 * The files kept on one record (an application, a report, a notice): the list, or `empty` when there are
 * none, and — while `upload` is given — a button that uploads files at once. Each upload goes straight
 * onto the record and shows in the list once `onUploaded` has refreshed it.
 */
export function RecordFiles<F extends ListedAttachment>({
  testId,
  files,
  empty,
  previews = false,
  fileTestId,
  note,
  removal,
  upload,
  onUploaded,
  hint,
  uploadTestId,
}: {
  testId: string;
  files: F[];
  empty: ReactNode;
  /** Images as thumbnails and files as links (the shared attachment list) rather than one row per file. */
  previews?: boolean;
  /** Rows only: the test id of each row. */
  fileTestId?: string;
  /** Rows only: shown after the size, e.g. who uploaded the file. */
  note?: (file: F) => string;
  /** Rows only: a remove button on the files `allowed` returns true for. */
  removal?: FileRemoval<F>;
  upload?: ((file: File, onProgress: (percent: number) => void) => UploadTask) | undefined;
  onUploaded: () => void;
  hint: ReactNode;
  uploadTestId: string;
}) {
  const settings = useAttachmentSettings();
  const [pending, setPending] = useState<PendingFile[]>([]);

  return (
    <div data-testid={testId}>
      {files.length === 0 ? (
        <Typography.Text type="secondary">{empty}</Typography.Text>
      ) : previews ? (
        <AttachmentList items={files} />
      ) : (
        <Flex vertical gap={6}>
          {files.map((f) => (
            <Flex key={f.id} gap={8} align="center" data-testid={fileTestId} data-name={f.fileName}>
              <PaperClipOutlined style={{ color: '#8c8c8c' }} />
              <a href={f.url} download={f.fileName} style={{ wordBreak: 'break-all', flex: 1 }}>
                {f.fileName}
              </a>
              <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
                {formatFileSize(f.size)}
                {note ? ` · ${note(f)}` : null}
              </Typography.Text>
              {removal?.allowed(f) ? (
                <Popconfirm title={removal.label(f)} onConfirm={() => removal.remove(f)}>
                  <Button type="text" size="small" icon={<DeleteOutlined />} aria-label={removal.label(f)} />
                </Popconfirm>
              ) : null}
            </Flex>
          ))}
        </Flex>
      )}
      {upload ? (
        <div style={{ marginTop: 12 }}>
          <AttachmentUpload
            upload={upload}
            files={pending}
            onChange={setPending}
            onUploaded={(uploaded) => {
              // Once on the server the file shows in the list above, not twice.
              setPending((list) => list.filter((f) => f.response?.id !== uploaded.id));
              onUploaded();
            }}
            maxMegabytes={settings.data?.maxMegabytes}
            hint={hint}
            testId={uploadTestId}
          />
        </div>
      ) : null}
    </div>
  );
}
