import { PaperClipOutlined } from '@ant-design/icons';
import { App, Button, Flex, Typography, Upload, type UploadFile } from 'antd';
import type { ReactNode } from 'react';
import type { AttachmentView, UploadTask } from '../api/attachments.ts';
import { useT } from '../i18n/context.ts';
import { errorText } from './states.tsx';

export type PendingFile = UploadFile<AttachmentView>;

/** The server takes at most this many files with one message. */
export const MAX_FILES_PER_MESSAGE = 20;

/** Ids of the files that finished uploading, to send with the message. */
export function uploadedIds(files: PendingFile[]): number[] {
  return files.flatMap((f) => (f.status === 'done' && f.response ? [f.response.id] : []));
}

export function isUploading(files: PendingFile[]): boolean {
  return files.some((f) => f.status === 'uploading');
}

/**
 * "Attach files": each chosen file uploads at once (with progress) and can be removed before the message
 * is sent. The owner keeps the list and sends `uploadedIds(files)` with the message.
 */
export function AttachmentUpload({
  upload,
  files,
  onChange,
  onUploaded,
  remove,
  maxMegabytes,
  hint,
  describeError = errorText,
  testId,
}: {
  upload: (file: File, onProgress: (percent: number) => void) => UploadTask;
  files: PendingFile[];
  onChange: (files: PendingFile[]) => void;
  onUploaded?: (attachment: AttachmentView) => void;
  /** Deletes an uploaded file the user takes off before sending. */
  remove?: (attachmentId: number) => Promise<unknown>;
  /** Checked before uploading, so an oversized file is refused without sending it. */
  maxMegabytes?: number | undefined;
  hint?: ReactNode;
  describeError?: (error: unknown) => string;
  testId: string;
}) {
  const t = useT();
  const { message } = App.useApp();
  return (
    <div data-testid={testId}>
      <Upload<AttachmentView>
        multiple
        maxCount={MAX_FILES_PER_MESSAGE}
        fileList={files}
        onChange={({ fileList }) => onChange(fileList)}
        onRemove={(file) => {
          const id = file.response?.id;
          // A file still on the server but no longer wanted; failing to delete it only leaves a draft behind.
          if (id && remove) void remove(id).catch(() => undefined);
          return true;
        }}
        customRequest={({ file, onProgress, onSuccess, onError }) => {
          if (!(file instanceof File)) return;
          const fail = (reason: string) => {
            onError?.(new Error(reason));
            void message.error(t('attachments.failed', { name: file.name, reason }));
          };
          if (maxMegabytes && file.size > maxMegabytes * 1024 * 1024) {
            onError?.(new Error(t('attachments.tooLarge', { name: file.name, size: maxMegabytes })));
            void message.error(t('attachments.tooLarge', { name: file.name, size: maxMegabytes }));
            return;
          }
          const task = upload(file, (percent) => onProgress?.({ percent }));
          task.promise.then(
            (attachment) => {
              onSuccess?.(attachment);
              onUploaded?.(attachment);
            },
            (error: unknown) => {
              if (error instanceof DOMException && error.name === 'AbortError') return;
              fail(describeError(error));
            },
          );
          return { abort: task.abort };
        }}
      >
        <Button icon={<PaperClipOutlined />}>{t('attachments.attach')}</Button>
      </Upload>
      {hint ? (
        <Flex style={{ marginTop: 4 }}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {hint}
          </Typography.Text>
        </Flex>
      ) : null}
    </div>
  );
}
