import { App } from 'antd';
import { useUpdateProfile } from '../../api/session.ts';
import { errorText } from '../../components/states.tsx';
import { useT } from '../../i18n/context.ts';
import { LanguageSwitch } from '../../i18n/LanguageSwitch.tsx';

/** The language switch of the signed-in area: the choice is also remembered on the account. */
export function AccountLanguageSwitch() {
  const t = useT();
  const { message } = App.useApp();
  const update = useUpdateProfile();
  return (
    <LanguageSwitch
      onChange={(locale) =>
        update.mutate(
          { locale },
          {
            onError: (error) =>
              void message.warning(t('layout.languageSaveFailed', { message: errorText(error) })),
          },
        )
      }
    />
  );
}
