import { CheckOutlined, GlobalOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import { LOCALES, type Locale } from '../../shared/locale.ts';
import { useI18n } from './context.ts';
import { LOCALE_NAMES } from './locale-preference.ts';

/** 简体中文 / 繁體中文 / English. `onChange` runs after the UI has switched (e.g. to save the choice). */
export function LanguageSwitch({
  onChange,
  inverse = false,
}: {
  onChange?: (locale: Locale) => void;
  inverse?: boolean;
}) {
  const { locale, setLocale, t } = useI18n();
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        selectedKeys: [locale],
        items: LOCALES.map((option) => ({
          key: option,
          label: (
            <span data-testid={`lang-option-${option}`} lang={option}>
              {LOCALE_NAMES[option]}
            </span>
          ),
          extra: option === locale ? <CheckOutlined /> : undefined,
        })),
        onClick: ({ key }) => {
          const next = key as Locale;
          if (next === locale) return;
          setLocale(next);
          onChange?.(next);
        },
      }}
    >
      <Button
        type="text"
        icon={<GlobalOutlined />}
        data-testid="lang-switch"
        aria-label={`${t('layout.language')}: ${LOCALE_NAMES[locale]}`}
        style={inverse ? { color: '#fff' } : undefined}
      >
        {LOCALE_NAMES[locale]}
      </Button>
    </Dropdown>
  );
}
