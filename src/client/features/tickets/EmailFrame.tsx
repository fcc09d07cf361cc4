import { PaperClipOutlined } from '@ant-design/icons';
import { Flex, Tag, Tooltip, Typography } from 'antd';
import type { EmailView } from '../../api/tickets-conversation.ts';
import { useT } from '../../i18n/context.ts';

/**
 * The document shown in the frame: the server has already sanitised the HTML; the frame is sandboxed
 * with no permissions at all (no scripts, no same-origin, no forms, no navigation) and a CSP that loads
 * nothing from the network, so remote images cannot tell the sender the mail was read.
 */
function srcDoc(html: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"><style>body{font:14px/1.6 -apple-system,'PingFang SC','Microsoft YaHei','Noto Sans CJK SC',sans-serif;margin:12px;color:#1f1f1f;word-wrap:break-word}img{max-width:100%}blockquote{border-left:3px solid #ddd;margin:0;padding-left:10px;color:#666}</style></head><body>${html}</body></html>`;
}

export function EmailFrame({ email }: { email: EmailView }) {
  const t = useT();
  return (
    <div data-testid={`email-${email.id}`} style={{ marginTop: 8 }}>
      <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
        {t('tickets.email.from')}{' '}
        {email.fromName ? `${email.fromName} <${email.fromAddress ?? ''}>` : (email.fromAddress ?? '—')}
        {' · '}
        {t('tickets.email.to')} {email.toAddresses.join(', ') || '—'}
        {email.subject ? ` · ${email.subject}` : ''}
      </Typography.Text>
      {email.html ? (
        <iframe
          title={email.subject ?? t('tickets.email.title')}
          sandbox=""
          srcDoc={srcDoc(email.html)}
          referrerPolicy="no-referrer"
          data-testid="email-frame"
          style={{
            width: '100%',
            height: 320,
            border: '1px solid #eef0f3',
            borderRadius: 6,
            background: '#fff',
            resize: 'vertical',
            marginTop: 4,
          }}
        />
      ) : (
        <Typography.Text type="secondary">{t('tickets.email.noHtml')}</Typography.Text>
      )}
      {email.attachments.length > 0 ? (
        <Flex gap={4} wrap style={{ marginTop: 4 }}>
          {email.attachments.map((a) => (
            <Tag key={`${a.filename}-${a.size}`} icon={<PaperClipOutlined />}>
              {a.filename} ({Math.max(1, Math.round(a.size / 1024))} KB)
            </Tag>
          ))}
        </Flex>
      ) : null}
    </div>
  );
}

/** Delivery state of an outgoing mail: queued, sent, or failed with the reason. */
export function EmailStatus({ email }: { email: EmailView }) {
  const t = useT();
  if (email.direction !== 'out') return null;
  const props = { 'data-testid': 'email-status', 'data-status': email.status };
  if (email.status === 'sent')
    return (
      <Tag color="success" {...props}>
        {t('tickets.email.sent')}
      </Tag>
    );
  if (email.status === 'failed')
    return (
      <Tooltip title={email.lastError}>
        <Tag color="error" {...props}>
          {t('tickets.email.failed')}
        </Tag>
      </Tooltip>
    );
  return (
    <Tag color="processing" {...props}>
      {t('tickets.email.queued')}
    </Tag>
  );
}
