import { SendOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Input } from 'antd';
import { useState } from 'react';
import {
  AttachmentUpload,
  isUploading,
  type PendingFile,
  uploadedIds,
} from '../../components/AttachmentUpload.tsx';
import { useT } from '../../i18n/context.ts';
import { FormAlert, usePortalErrorText } from '../components/states.tsx';
import styles from '../portal.module.css';
import { type PortalTicket, uploadRequestAttachment, useRemoveRequestAttachment, useReply } from './api.ts';

const FINISHED = ['resolved', 'revisited', 'closed'];

/**
 * The customer's reply, with files (each uploads when chosen and goes with the reply); on a finished
 * request it says that replying asks for more help.
 */
export function ReplyBox({ ticket }: { ticket: PortalTicket }) {
  const t = useT();
  const { message } = App.useApp();
  const errorText = usePortalErrorText();
  const reply = useReply(ticket.id);
  const removeAttachment = useRemoveRequestAttachment(ticket.id);
  const [body, setBody] = useState('');
  const [files, setFiles] = useState<PendingFile[]>([]);
  const send = () => {
    const text = body.trim();
    if (!text) return;
    if (isUploading(files)) {
      void message.warning(t('attachments.stillUploading'));
      return;
    }
    const attachmentIds = uploadedIds(files);
    reply.mutate(
      { body: text, ...(attachmentIds.length > 0 ? { attachmentIds } : {}) },
      {
        onSuccess: () => {
          setBody('');
          setFiles([]);
          void message.success(t('portal.reply.sent'));
        },
      },
    );
  };
  return (
    <Card
      className={styles.card}
      variant="borderless"
      title={t('portal.reply.title')}
      data-testid="portal-reply"
    >
      {ticket.status === 'waiting_customer' ? (
        <Alert type="warning" showIcon title={t('portal.reply.waiting')} style={{ marginBottom: 12 }} />
      ) : FINISHED.includes(ticket.status) ? (
        <Alert type="info" showIcon title={t('portal.reply.finished')} style={{ marginBottom: 12 }} />
      ) : null}
      <FormAlert error={reply.error} testId="portal-reply-error" />
      <Input.TextArea
        value={body}
        onChange={(e) => setBody(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) send();
        }}
        placeholder={t('portal.reply.placeholder')}
        autoSize={{ minRows: 3, maxRows: 10 }}
        maxLength={20_000}
        aria-label={t('portal.reply.title')}
        data-testid="portal-reply-input"
      />
      <Flex justify="space-between" align="flex-start" gap={12} style={{ marginTop: 12 }}>
        <div style={{ flex: 1, minWidth: 0 }}>
          <AttachmentUpload
            testId="portal-reply-attach"
            files={files}
            onChange={setFiles}
            upload={(file, onProgress) => uploadRequestAttachment(ticket.id, file, onProgress)}
            remove={removeAttachment}
            describeError={errorText}
            hint={t('attachments.typesHint')}
          />
        </div>
        <Button
          type="primary"
          icon={<SendOutlined />}
          disabled={!body.trim()}
          loading={reply.isPending}
          onClick={send}
          data-testid="portal-reply-submit"
        >
          {t('portal.reply.send')}
        </Button>
      </Flex>
    </Card>
  );
}
