import { App, type FormInstance } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiError, isApiError } from '../../api/client.ts';
import {
  type ApplicationDetail,
  useCreateApplication,
  useSubmitApplication,
  useUpdateApplication,
} from '../../api/customer-applications.ts';
import type { DuplicateCandidate } from '../../api/customers.ts';
import { useFormErrors } from '../../components/form-errors.ts';
import { useT } from '../../i18n/context.ts';
import { type ApplicationValues, createInput, patchInput } from './application-form.ts';

export type Intent = 'save' | 'submit';

/** Server issues on `customer.name` etc. go on the form's own field of that name. */
function placeCustomerIssues(form: FormInstance<ApplicationValues>, error: unknown): boolean {
  if (!(error instanceof ApiError)) return false;
  const registered = new Set(Object.keys(form.getFieldsValue()));
  const fields = error.issues
    .map((issue) => issue.field.replace(/^body\./, '').split('.'))
    .filter((parts) => parts[0] === 'customer' && parts[1] && registered.has(parts[1]))
    .map((parts) => ({ name: parts[1] as keyof ApplicationValues, errors: [error.message] }));
  if (fields.length > 0) form.setFields(fields);
  return fields.length > 0;
}

function candidatesOf(error: unknown): DuplicateCandidate[] | null {
  if (!isApiError(error, 409) || error.code !== 'CUSTOMER_POSSIBLE_DUPLICATE') return null;
  const details = error.details as { candidates?: DuplicateCandidate[] } | undefined;
  return details?.candidates ?? [];
}

/**
 * Saving and submitting the 《新客户申请表》: a new one is created (after the duplicate check, which the
 * user may overrule), a draft is patched; "submit" saves first, then sends it for approval.
 */
export function useApplicationSave(form: FormInstance<ApplicationValues>, saved: ApplicationDetail | null) {
  const t = useT();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const formErrors = useFormErrors();
  const create = useCreateApplication();
  const update = useUpdateApplication();
  const submit = useSubmitApplication();
  const [intent, setIntent] = useState<Intent>('save');
  const [candidates, setCandidates] = useState<DuplicateCandidate[] | null>(null);

  const onError = (error: unknown) => {
    const found = candidatesOf(error);
    if (found) return setCandidates(found);
    if (!placeCustomerIssues(form, error)) formErrors(form, error);
  };

  const finish = async (id: number, next: Intent) => {
    // A new application is a draft from here on, even if sending it for approval fails below.
    if (!saved) void navigate(`/admission/${id}`, { replace: true });
    if (next === 'submit') {
      await submit.mutateAsync(id);
      void message.success(t('admission.submitted'));
    } else void message.success(t('admission.saved'));
  };

  const run = async (next: Intent, allowDuplicate = false) => {
    setIntent(next);
    let values: ApplicationValues;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    try {
      const id = saved
        ? (await update.mutateAsync({ id: saved.id, patch: patchInput(values, saved) })).id
        : (await create.mutateAsync(createInput(values, allowDuplicate))).id;
      setCandidates(null);
      await finish(id, next);
    } catch (error) {
      onError(error);
    }
  };

  return {
    run,
    intent,
    busy: create.isPending || update.isPending || submit.isPending,
    candidates,
    dismissCandidates: () => setCandidates(null),
    continueAnyway: () => void run(intent, true),
  };
}
