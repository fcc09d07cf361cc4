import { PhoneOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useEffect, useRef } from 'react';
import { useNavigate } from 'react-router';
import { useRingingCalls } from '../../api/calls.ts';
import { useCan, useSession } from '../../api/session.ts';
import { useT } from '../../i18n/context.ts';

const FRESH_MS = 2 * 60_000;

/**
 * Listens for the live topic 'call-ringing' (a telephony system reported an inbound call) and pops a
 * notice for calls meant for this agent or for anyone; its button opens the caller's screen-pop.
 */
export function RingingListener() {
  const t = useT();
  const can = useCan();
  const me = useSession();
  const navigate = useNavigate();
  const { notification } = App.useApp();
  const ringing = useRingingCalls(can('call.read'));
  const shown = useRef(new Set<number>());

  useEffect(() => {
    for (const call of ringing.data ?? []) {
      if (shown.current.has(call.id)) continue;
      shown.current.add(call.id);
      if (call.agentUserId !== null && call.agentUserId !== me.user.id) continue;
      if (Date.now() - Date.parse(call.startedAt) > FRESH_MS) continue;
      const key = `call-ringing-${call.id}`;
      const open = () => {
        notification.destroy(key);
        navigate(`/calls?number=${encodeURIComponent(call.number)}&callId=${call.id}`);
      };
      notification.open({
        key,
        icon: <PhoneOutlined style={{ color: '#1e5bb8' }} />,
        title: t('calls.ringing.title', { number: call.number }),
        description: call.contactName
          ? [call.contactName, call.customerName].filter(Boolean).join(' · ')
          : t('calls.ringing.unknown'),
        duration: 30,
        actions: (
          <Button type="primary" size="small" onClick={open} data-testid="ringing-open">
            {t('calls.ringing.open')}
          </Button>
        ),
        props: { 'data-testid': 'ringing-notice' } as React.HTMLAttributes<HTMLDivElement>,
      });
    }
  }, [ringing.data, me.user.id, navigate, notification, t]);

  return null;
}
