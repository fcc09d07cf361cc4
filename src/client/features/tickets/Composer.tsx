import { SendOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Mentions, Segmented, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { ticketMessageCreate } from '../../../shared/schemas/tickets.ts';
import {
  removeTicketAttachment,
  uploadTicketAttachment,
  useAttachmentSettings,
  useInvalidateTicketAttachments,
} from '../../api/attachments.ts';
import { useCan } from '../../api/session.ts';
import type { TicketView } from '../../api/tickets.ts';
import { useAddMessage } from '../../api/tickets-conversation.ts';
import { useStaff } from '../../api/tickets-lookups.ts';
import {
  AttachmentUpload,
  isUploading,
  type PendingFile,
  uploadedIds,
} from '../../components/AttachmentUpload.tsx';
import { useNotifyError } from '../../components/form-errors.ts';
import { useDebounced } from '../../components/hooks.ts';
import { useT } from '../../i18n/context.ts';
import { CannedPicker } from './CannedPicker.tsx';
import { KbPicker } from './KbPicker.tsx';

type Mode = 'public' | 'internal';

/**
 * Reply composer: 公开回复 goes to the customer on the request's channel (needs ticket.reply), 内部备注
 * stays with colleagues. @username mentions notify colleagues; canned responses and articles insert text.
 */
export function Composer({
  ticket,
  onComposingChange,
}: {
  ticket: TicketView;
  onComposingChange: (composing: boolean) => void;
}) {
  const t = useT();
  const can = useCan();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const mayReply = can('ticket.reply');
  const [mode, setMode] = useState<Mode>(mayReply ? 'public' : 'internal');
  const [body, setBody] = useState('');
  const [mentionSearch, setMentionSearch] = useState<string | null>(null);
  const q = useDebounced(mentionSearch ?? '', 200);
  const staff = useStaff(q, can('user.read'), mentionSearch !== null);
  const add = useAddMessage(ticket.id);
  const [files, setFiles] = useState<PendingFile[]>([]);
  const maxMegabytes = useAttachmentSettings().data?.maxMegabytes;
  const refreshAttachments = useInvalidateTicketAttachments(ticket.id);
  const composing = body.trim().length > 0;

  useEffect(() => onComposingChange(composing), [composing, onComposingChange]);

  const insert = (text: string) =>
    setBody((current) => (current.trim() ? `${current.replace(/\s+$/, '')}\n${text}` : text));

  const send = () => {
    if (isUploading(files)) {
      void message.warning(t('attachments.stillUploading'));
      return;
    }
    const attachmentIds = uploadedIds(files);
    const parsed = ticketMessageCreate.safeParse({
      kind: mode,
      body,
      ...(attachmentIds.length > 0 ? { attachmentIds } : {}),
    });
    if (!parsed.success) return;
    add.mutate(parsed.data, {
      onSuccess: () => {
        setBody('');
        setFiles([]);
        void message.success(mode === 'public' ? t('tickets.reply.sent') : t('tickets.reply.noted'));
      },
      onError: notifyError,
    });
  };

  if (!can('ticket.update')) return null;
  return (
    <Card
      size="small"
      data-testid="ticket-composer"
      style={mode === 'internal' ? { background: '#fffdf0' } : undefined}
    >
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 8 }}>
        <Segmented<Mode>
          value={mode}
          onChange={setMode}
          options={[
            {
              value: 'public',
              label: <span data-testid="reply-mode-public">{t('tickets.reply.public')}</span>,
              disabled: !mayReply,
            },
            {
              value: 'internal',
              label: <span data-testid="reply-mode-internal">{t('tickets.reply.internal')}</span>,
            },
          ]}
        />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('tickets.reply.mentionHint')}
        </Typography.Text>
      </Flex>
      {!mayReply ? (
        <Alert type="info" showIcon title={t('tickets.reply.noPublic')} style={{ marginBottom: 8 }} />
      ) : null}
      {mode === 'public' && ticket.channel === 'email' ? (
        <Alert type="info" showIcon title={t('tickets.reply.emailNote')} style={{ marginBottom: 8 }} />
      ) : null}
      <Mentions
        value={body}
        onChange={setBody}
        onSearch={(text) => setMentionSearch(text)}
        onBlur={() => setMentionSearch(null)}
        loading={staff.isPending}
        autoSize={{ minRows: 4, maxRows: 14 }}
        maxLength={50_000}
        placeholder={
          mode === 'public' ? t('tickets.reply.placeholderPublic') : t('tickets.reply.placeholderInternal')
        }
        options={staff.options
          .filter((s) => s.username)
          .map((s) => ({ value: s.username, key: String(s.id), label: `${s.displayName} @${s.username}` }))}
        onKeyDown={(e) => {
          if ((e.ctrlKey || e.metaKey) && e.key === 'Enter' && composing) send();
        }}
        data-testid="reply-body"
        aria-label={mode === 'public' ? t('tickets.reply.public') : t('tickets.reply.internal')}
      />
      <div style={{ marginTop: 8 }}>
        <AttachmentUpload
          testId="reply-attach"
          files={files}
          onChange={setFiles}
          upload={(file, onProgress) => uploadTicketAttachment(ticket.id, file, onProgress)}
          onUploaded={refreshAttachments}
          remove={(id) => removeTicketAttachment(id).then(refreshAttachments)}
          maxMegabytes={maxMegabytes}
          hint={maxMegabytes ? t('attachments.sizeHint', { size: maxMegabytes }) : undefined}
        />
      </div>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginTop: 8 }}>
        <Flex gap={8} wrap>
          <CannedPicker ticketId={ticket.id} onInsert={insert} />
          {can('kb.read') ? (
            <KbPicker context={`${ticket.subject} ${ticket.description}`} onInsert={insert} />
          ) : null}
        </Flex>
        <Flex gap={8} align="center">
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('tickets.reply.shortcut')}
          </Typography.Text>
          <Button
            type="primary"
            icon={<SendOutlined />}
            disabled={!composing}
            loading={add.isPending}
            onClick={send}
            data-testid="reply-send"
          >
            {mode === 'public' ? t('tickets.reply.send') : t('tickets.reply.addNote')}
          </Button>
        </Flex>
      </Flex>
    </Card>
  );
}
