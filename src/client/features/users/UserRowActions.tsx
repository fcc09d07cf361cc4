import { App, Button, Flex, Popconfirm } from 'antd';
import { useSession } from '../../api/session.ts';
import type { UserView } from '../../api/types.ts';
import { keepingRolesAndLocale, useUpdateUser } from '../../api/users.ts';
import { useNotifyError } from '../../components/form-errors.ts';
import { useT } from '../../i18n/context.ts';

export function UserRowActions({
  user,
  onEdit,
  onResetPassword,
}: {
  user: UserView;
  onEdit: () => void;
  onResetPassword: () => void;
}) {
  const t = useT();
  const me = useSession();
  const update = useUpdateUser();
  const notifyError = useNotifyError();
  const { message } = App.useApp();
  const active = user.status === 'active';

  const toggle = () =>
    update.mutate(
      { id: user.id, patch: keepingRolesAndLocale(user, { status: active ? 'disabled' : 'active' }) },
      {
        onSuccess: () => void message.success(active ? t('users.disabledDone') : t('users.enabledDone')),
        onError: notifyError,
      },
    );

  return (
    <Flex gap={0} style={{ whiteSpace: 'nowrap' }}>
      <Button type="link" size="small" onClick={onEdit} data-testid={`user-edit-${user.username}`}>
        {t('common.edit')}
      </Button>
      <Popconfirm
        title={
          active
            ? t('users.disableConfirm', { name: user.displayName })
            : t('users.enableConfirm', { name: user.displayName })
        }
        onConfirm={toggle}
        okButtonProps={{ danger: active }}
        disabled={user.id === me.user.id && active}
      >
        <Button
          type="link"
          size="small"
          danger={active}
          loading={update.isPending}
          disabled={user.id === me.user.id && active}
          data-testid={`user-toggle-${user.username}`}
        >
          {active ? t('common.disable') : t('common.enable')}
        </Button>
      </Popconfirm>
      <Button type="link" size="small" onClick={onResetPassword} data-testid={`user-reset-${user.username}`}>
        {t('users.resetPassword')}
      </Button>
    </Flex>
  );
}
