import { useI18n } from '../../i18n/context.ts';
import { useTicketTypes } from './api.ts';

/** A request type's name in the page's language (from the public type list), by its code. */
export function useTypeLabel(): (code: string) => string {
  const { locale } = useI18n();
  const types = useTicketTypes();
  return (code) => {
    const label = types.data?.find((type) => type.code === code)?.label;
    return label?.[locale] || label?.['zh-CN'] || '';
  };
}
