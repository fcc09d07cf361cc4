import { PaperClipOutlined } from '@ant-design/icons';
import { Flex, Image, Typography } from 'antd';
import { type AttachmentView, formatFileSize } from '../api/attachments.ts';
import { useT } from '../i18n/context.ts';

/** What the list needs of a file: any record's files will do, not only a request's. */
export type ListedAttachment = Pick<AttachmentView, 'id' | 'fileName' | 'size' | 'isImage' | 'url'>;

/**
 * The files of one message (or of the request itself): images as thumbnails that open a preview, other
 * files as download links with their size. Staff and customers differ only in the URLs the server gave.
 */
export function AttachmentList({
  items,
  align = 'flex-start',
}: {
  items: ListedAttachment[];
  align?: 'flex-start' | 'flex-end';
}) {
  const t = useT();
  if (items.length === 0) return null;
  const images = items.filter((a) => a.isImage);
  const files = items.filter((a) => !a.isImage);
  return (
    <Flex vertical gap={6} align={align} style={{ marginTop: 8 }} data-testid="attachment-list">
      {images.length > 0 ? (
        <Image.PreviewGroup>
          <Flex gap={8} wrap justify={align}>
            {images.map((a) => (
              <div
                key={a.id}
                data-testid="attachment-item"
                data-kind="image"
                data-name={a.fileName}
                title={`${a.fileName} · ${formatFileSize(a.size)}`}
              >
                <Image
                  src={a.url}
                  alt={a.fileName}
                  width={96}
                  height={72}
                  style={{ objectFit: 'cover', borderRadius: 6, border: '1px solid #e5e7eb' }}
                />
              </div>
            ))}
          </Flex>
        </Image.PreviewGroup>
      ) : null}
      {files.map((a) => (
        <a
          key={a.id}
          href={a.url}
          download={a.fileName}
          data-testid="attachment-item"
          data-kind="file"
          data-name={a.fileName}
          aria-label={t('attachments.download', { name: a.fileName })}
          style={{ display: 'inline-flex', gap: 6, alignItems: 'baseline', maxWidth: '100%' }}
        >
          <PaperClipOutlined />
          <span style={{ wordBreak: 'break-all' }}>{a.fileName}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
            {formatFileSize(a.size)}
          </Typography.Text>
        </a>
      ))}
    </Flex>
  );
}

/** Files by the message they were sent with; key `null` holds the request's own and not yet sent ones. */
export function groupByMessage(items: AttachmentView[] | undefined): Map<number | null, AttachmentView[]> {
  const groups = new Map<number | null, AttachmentView[]>();
  for (const item of items ?? []) {
    const list = groups.get(item.messageId) ?? [];
    list.push(item);
    groups.set(item.messageId, list);
  }
  return groups;
}
