import { MessageOutlined } from '@ant-design/icons';
import { App, Button, Flex, Input, Popover, Spin, Typography } from 'antd';
import { useState } from 'react';
import { fillCanned, useCannedResponses } from '../../api/tickets-conversation.ts';
import { useDebounced } from '../../components/hooks.ts';
import { EmptyState } from '../../components/states.tsx';
import { useT } from '../../i18n/context.ts';
import styles from './tickets.module.css';

/** 常用回复: search the agent's own and shared responses; the chosen one comes back filled for this request. */
export function CannedPicker({ ticketId, onInsert }: { ticketId: number; onInsert: (text: string) => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 250);
  const canned = useCannedResponses(q, open);
  const [filling, setFilling] = useState<number | null>(null);

  const choose = async (id: number) => {
    setFilling(id);
    try {
      const { body } = await fillCanned(ticketId, id);
      onInsert(body);
      setOpen(false);
    } catch (error) {
      void message.error(error instanceof Error ? error.message : String(error));
    } finally {
      setFilling(null);
    }
  };

  const content = (
    <div style={{ width: 380 }}>
      <Input.Search
        allowClear
        autoFocus
        value={search}
        onChange={(e) => setSearch(e.target.value)}
        placeholder={t('tickets.canned.search')}
        data-testid="canned-search"
      />
      <div style={{ maxHeight: 320, overflow: 'auto', marginTop: 8 }}>
        {canned.isPending ? (
          <Flex justify="center" style={{ padding: 16 }}>
            <Spin />
          </Flex>
        ) : (canned.data ?? []).length === 0 ? (
          <EmptyState text={q ? t('tickets.canned.noMatch') : t('tickets.canned.empty')} />
        ) : (
          (canned.data ?? []).map((c) => (
            <button
              type="button"
              key={c.id}
              onClick={() => void choose(c.id)}
              data-testid={`canned-${c.id}`}
              className={styles.pickRow}
            >
              <Flex justify="space-between" gap={8}>
                <Typography.Text strong>{c.title}</Typography.Text>
                {filling === c.id ? <Spin size="small" /> : null}
              </Flex>
              <Typography.Paragraph
                type="secondary"
                ellipsis={{ rows: 2 }}
                style={{ margin: 0, fontSize: 12 }}
              >
                {c.body}
              </Typography.Paragraph>
            </button>
          ))
        )}
      </div>
    </div>
  );
  return (
    <Popover open={open} onOpenChange={setOpen} trigger="click" content={content} placement="topLeft">
      <Button icon={<MessageOutlined />} data-testid="reply-canned">
        {t('tickets.reply.canned')}
      </Button>
    </Popover>
  );
}
