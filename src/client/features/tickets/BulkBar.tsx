import { Alert, App, Button, Flex, Input, Select, Typography } from 'antd';
import { useState } from 'react';
import { TICKET_STATUSES, type TicketStatus } from '../../../shared/tickets/ticket-status.ts';
import { useCan } from '../../api/session.ts';
import { type BulkAction, type BulkResult, type TicketView, useBulkTickets } from '../../api/tickets.ts';
import { useNotifyError } from '../../components/form-errors.ts';
import { StaffSelect } from '../../components/StaffSelect.tsx';
import { useT } from '../../i18n/context.ts';
import { useTicketLabels } from './labels.ts';

type Mode = 'assign' | 'status' | 'tag';

/** What a bulk action did: "2 个成功，1 个失败：当前状态下不能执行该操作" and which requests failed. */
function useResultText() {
  const t = useT();
  const labels = useTicketLabels();
  return (result: BulkResult, numbers: Map<number, string>) => {
    const ok = result.results.filter((r) => r.ok).length;
    const byCode = new Map<string, string[]>();
    for (const r of result.results) {
      if (r.ok) continue;
      const list = byCode.get(r.code ?? '') ?? [];
      list.push(numbers.get(r.id) ?? `#${r.id}`);
      byCode.set(r.code ?? '', list);
    }
    const parts = [t('tickets.bulk.ok', { count: ok })];
    for (const [code, list] of byCode) {
      parts.push(t('tickets.bulk.failed', { count: list.length, reason: labels.error(code) }));
    }
    return {
      summary: parts.join(t('tickets.bulk.separator')),
      failed: [...byCode],
      allOk: byCode.size === 0,
    };
  };
}

export function BulkBar({
  selected,
  onDone,
  onClear,
}: {
  selected: TicketView[];
  onDone: () => void;
  onClear: () => void;
}) {
  const t = useT();
  const can = useCan();
  const labels = useTicketLabels();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const bulk = useBulkTickets();
  const resultText = useResultText();
  const [mode, setMode] = useState<Mode | null>(null);
  const [assigneeId, setAssigneeId] = useState<number | undefined>();
  const [status, setStatus] = useState<TicketStatus | undefined>();
  const [reason, setReason] = useState('');
  const [add, setAdd] = useState<string[]>([]);
  const [remove, setRemove] = useState<string[]>([]);
  const [outcome, setOutcome] = useState<ReturnType<ReturnType<typeof useResultText>> | null>(null);

  const apply = () => {
    let action: BulkAction;
    if (mode === 'assign')
      action = { action: 'assign', assigneeId: assigneeId ?? null, reason: reason || null };
    else if (mode === 'status' && status) action = { action: 'status', status, reason: reason || null };
    else if (mode === 'tag') action = { action: 'tag', add, remove };
    else return;
    const numbers = new Map(selected.map((s) => [s.id, s.number]));
    bulk.mutate(
      { ids: selected.map((s) => s.id), ...action },
      {
        onSuccess: (result) => {
          const text = resultText(result, numbers);
          setOutcome(text);
          if (text.allOk) void message.success(text.summary);
          setMode(null);
          setReason('');
          setAdd([]);
          setRemove([]);
          onDone();
        },
        onError: notifyError,
      },
    );
  };

  const existingTags = [...new Set(selected.flatMap((s) => s.tags))];
  return (
    <Flex vertical gap={8} style={{ marginBottom: 12 }}>
      {outcome && !outcome.allOk ? (
        <Alert
          type="warning"
          showIcon
          closable={{ onClose: () => setOutcome(null) }}
          title={outcome.summary}
          description={outcome.failed.map(([code, list]) => (
            <div key={code}>
              {t('tickets.bulk.failedList', {
                reason: labels.error(code),
                numbers: list.join(t('tickets.listSeparator')),
              })}
            </div>
          ))}
          data-testid="bulk-result"
        />
      ) : null}
      {selected.length > 0 ? (
        <Flex
          gap={8}
          wrap
          align="center"
          style={{ padding: '8px 12px', background: '#f0f5ff', borderRadius: 6 }}
          data-testid="bulk-bar"
        >
          <Typography.Text strong>{t('tickets.bulk.selected', { count: selected.length })}</Typography.Text>
          {can('ticket.assign') ? (
            <Button
              size="small"
              type={mode === 'assign' ? 'primary' : 'default'}
              onClick={() => setMode('assign')}
              data-testid="bulk-assign"
            >
              {t('tickets.bulk.assign')}
            </Button>
          ) : null}
          <Button
            size="small"
            type={mode === 'status' ? 'primary' : 'default'}
            onClick={() => setMode('status')}
            data-testid="bulk-status"
          >
            {t('tickets.bulk.status')}
          </Button>
          <Button
            size="small"
            type={mode === 'tag' ? 'primary' : 'default'}
            onClick={() => setMode('tag')}
            data-testid="bulk-tag"
          >
            {t('tickets.bulk.tag')}
          </Button>
          {mode === 'assign' ? (
            <StaffSelect
              value={assigneeId}
              onChange={setAssigneeId}
              placeholder={t('tickets.bulk.unassign')}
              style={{ width: 180 }}
              testId="bulk-assignee"
            />
          ) : null}
          {mode === 'status' ? (
            <Select
              value={status}
              onChange={setStatus}
              placeholder={t('tickets.bulk.status')}
              aria-label={t('tickets.bulk.status')}
              options={TICKET_STATUSES.map((s) => ({ value: s, label: labels.status(s) }))}
              style={{ width: 150 }}
              data-testid="bulk-status-value"
            />
          ) : null}
          {mode === 'assign' || mode === 'status' ? (
            <Input
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              placeholder={t('tickets.bulk.reason')}
              aria-label={t('tickets.bulk.reason')}
              maxLength={500}
              style={{ width: 220 }}
              data-testid="bulk-reason"
            />
          ) : null}
          {mode === 'tag' ? (
            <>
              <Select
                mode="tags"
                value={add}
                onChange={setAdd}
                placeholder={t('tickets.bulk.addTags')}
                aria-label={t('tickets.bulk.addTags')}
                style={{ minWidth: 180 }}
                maxCount={10}
                data-testid="bulk-tags-add"
              />
              <Select
                mode="multiple"
                value={remove}
                onChange={setRemove}
                placeholder={t('tickets.bulk.removeTags')}
                aria-label={t('tickets.bulk.removeTags')}
                options={existingTags.map((tag) => ({ value: tag, label: tag }))}
                style={{ minWidth: 180 }}
                data-testid="bulk-tags-remove"
              />
            </>
          ) : null}
          {mode ? (
            <Button
              size="small"
              type="primary"
              loading={bulk.isPending}
              disabled={
                (mode === 'status' && !status) || (mode === 'tag' && add.length + remove.length === 0)
              }
              onClick={apply}
              data-testid="bulk-apply"
            >
              {t('tickets.bulk.apply')}
            </Button>
          ) : null}
          <Button size="small" type="link" onClick={onClear} data-testid="bulk-clear">
            {t('tickets.bulk.clear')}
          </Button>
        </Flex>
      ) : null}
    </Flex>
  );
}
