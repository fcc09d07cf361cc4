import type { FormInstance } from 'antd';
import { ApiError } from '../../api/client.ts';
import { useFormErrors } from '../../components/form-errors.ts';
import { useT } from '../../i18n/context.ts';

const NESTED = /^(?:body\.)?(customFields|newContact)\.([^.]+)$/;

/**
 * The shared form-error handler, plus the nested fields of request forms (`customFields.serial_no`,
 * `newContact.email`), which it would otherwise put on the whole group.
 */
export function useTicketFormErrors() {
  const t = useT();
  const formErrors = useFormErrors();
  return (form: FormInstance, error: unknown) => {
    if (error instanceof ApiError) {
      const nested = error.issues.flatMap((issue) => {
        const match = NESTED.exec(issue.field);
        if (!match) return [];
        const text =
          issue.message === 'required' ? t('tickets.field.requiredShort') : t('common.invalidValue');
        return [{ name: [match[1]!, match[2]!], errors: [text] }];
      });
      if (nested.length) form.setFields(nested);
    }
    formErrors(form, error);
  };
}
