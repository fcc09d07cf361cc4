import { CoffeeOutlined } from '@ant-design/icons';
import { App, Switch } from 'antd';
import { useCan, useSession } from '../../api/session.ts';
import { useSetAway, useTeams } from '../../api/tickets-lookups.ts';
import { useT } from '../../i18n/context.ts';

/**
 * The "away" switch of the user menu: automatic assignment skips an agent who is away. The state is read
 * from the agent's team memberships (away in any team counts); agents in no team have nothing to switch.
 */
export function useAwayMenuItem() {
  const t = useT();
  const can = useCan();
  const me = useSession();
  const { message } = App.useApp();
  const allowed = can('ticket.update');
  const teams = useTeams(allowed);
  const setAway = useSetAway();
  if (!allowed) return null;
  const memberships = (teams.data ?? []).flatMap((team) =>
    team.members.filter((m) => m.userId === me.user.id),
  );
  const inTeam = memberships.length > 0;
  const away = memberships.some((m) => m.isAway);
  const toggle = () => {
    if (!inTeam || setAway.isPending) return;
    setAway.mutate(!away, {
      onSuccess: () => void message.success(away ? t('notif.awayOff') : t('notif.awayOn')),
      onError: (error) => void message.error(error.message),
    });
  };
  return {
    item: {
      key: 'away',
      icon: <CoffeeOutlined />,
      disabled: !inTeam,
      label: (
        <span data-testid="menu-away" title={inTeam ? undefined : t('notif.awayNoTeam')}>
          {t('notif.away')}{' '}
          <Switch
            size="small"
            checked={away}
            loading={setAway.isPending}
            disabled={!inTeam}
            style={{ marginInlineStart: 8 }}
          />
        </span>
      ),
    },
    onSelect: (key: string) => {
      if (key === 'away') toggle();
    },
  };
}
