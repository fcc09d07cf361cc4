import type { FormRule } from 'antd';
import { portalRegister, portalReset } from '../../../shared/schemas/portal.ts';
import { zodRule } from '../../components/form-errors.ts';
import type { Translate } from '../../i18n/context.ts';

/** The same password rule as the server (shared zod schema), and "type it again". */
export function passwordRules(t: Translate): FormRule[] {
  return [
    { required: true, message: t('portal.field.passwordRequired') },
    zodRule(portalReset.shape.password, t('portal.field.passwordTooShort')),
  ];
}

export function confirmRules(t: Translate, field = 'password'): FormRule[] {
  return [
    { required: true, message: t('portal.field.confirmRequired') },
    ({ getFieldValue }) => ({
      validator: async (_rule, value: unknown) => {
        if (value && value !== getFieldValue(field)) throw new Error(t('portal.field.passwordMismatch'));
      },
    }),
  ];
}

export function emailRules(t: Translate): FormRule[] {
  return [
    { required: true, whitespace: true, message: t('portal.field.emailRequired') },
    zodRule(portalRegister.shape.email, t('common.invalidEmail')),
  ];
}
