import { App, Form, type FormInstance } from 'antd';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiError } from '../../api/client.ts';
import {
  type CustomerDetail,
  type DuplicateCandidate,
  useCreateCustomer,
  useDuplicates,
  useUpdateCustomer,
} from '../../api/customers.ts';
import { activeFields, useCustomerFields } from '../../api/customers-fields.ts';
import { useCan } from '../../api/session.ts';
import { FormDrawer } from '../../components/FormDrawer.tsx';
import { useDebounced } from '../../components/hooks.ts';
import { useT } from '../../i18n/context.ts';
import { useTicketFormErrors } from '../tickets/ticket-form-errors.ts';
import { ContactsFormList } from './ContactsFormList.tsx';
import { CustomerCustomFields } from './CustomerCustomFields.tsx';
import { CustomerFormFields } from './CustomerFormFields.tsx';
import {
  BLANK_CUSTOMER,
  type ContactValues,
  type CustomerValues,
  changedFields,
  createInput,
  duplicatesOf,
  filingRights,
  initialValues,
} from './customer-form.ts';
import { DuplicateDialog, DuplicateHint } from './Duplicates.tsx';

/** Server issues on `contacts.N.field` go on that contact's field; the rest to the usual handler. */
function placeContactIssues(form: FormInstance<CustomerValues>, error: unknown): boolean {
  if (!(error instanceof ApiError)) return false;
  const fields = error.issues
    .map((issue) => issue.field.replace(/^body\./, '').split('.'))
    .filter((parts) => parts[0] === 'contacts' && parts.length >= 3)
    .map((parts) => ({
      name: ['contacts', Number(parts[1]), parts[2]] as ['contacts', number, keyof ContactValues],
      errors: [error.message],
    }));
  if (fields.length > 0) form.setFields(fields);
  return fields.length > 0;
}

/** While the name or tax id is typed: customers that may already be this one (not the one being edited). */
function useEarlyDuplicates(
  form: FormInstance<CustomerValues>,
  customer: CustomerDetail | null,
  open: boolean,
) {
  const name = useDebounced((Form.useWatch('name', form) ?? '').trim(), 400);
  const taxId = useDebounced((Form.useWatch('taxId', form) ?? '').trim(), 400);
  const probe = {
    name: name.length >= 2 && name !== customer?.name ? name : undefined,
    taxId: taxId.length >= 4 && taxId !== customer?.taxId ? taxId : undefined,
    excludeId: customer?.id,
  };
  const found = useDuplicates(probe, open);
  return probe.name || probe.taxId ? (found.data ?? []) : [];
}

/** 新建/编辑客户: the whole file in one drawer; a new customer also takes its first contacts. */
export function CustomerDrawer({
  open,
  customer,
  onClose,
}: {
  open: boolean;
  customer: CustomerDetail | null;
  onClose: () => void;
}) {
  const t = useT();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<CustomerValues>();
  const rights = filingRights(useCan());
  const create = useCreateCustomer();
  const update = useUpdateCustomer(customer?.id ?? 0);
  // Also puts the server's `customFields.<key>` issues on that field's input.
  const formErrors = useTicketFormErrors();
  const fieldDefinitions = useCustomerFields(open);
  const fields = activeFields(fieldDefinitions.data);
  const [candidates, setCandidates] = useState<DuplicateCandidate[] | null>(null);
  const initial = useMemo(() => (customer ? initialValues(customer) : BLANK_CUSTOMER), [customer]);
  const early = useEarlyDuplicates(form, customer, open);

  const onError = (error: unknown) => {
    const duplicates = duplicatesOf(error);
    if (duplicates) {
      setCandidates(duplicates);
      return;
    }
    if (!placeContactIssues(form, error)) formErrors(form, error);
  };

  const submit = (values: CustomerValues, allowDuplicate = false) => {
    if (customer) {
      const patch = changedFields(values, initial as CustomerValues, fields);
      if (Object.keys(patch).length === 0) {
        onClose();
        return;
      }
      update.mutate(patch, {
        onSuccess: () => {
          void message.success(t('common.saved'));
          onClose();
        },
        onError,
      });
      return;
    }
    create.mutate(createInput(values, allowDuplicate, fields, rights), {
      onSuccess: (created) => {
        setCandidates(null);
        void message.success(t('customers.created', { code: created.code }));
        onClose();
        void navigate(`/customers/${created.id}`);
      },
      onError,
    });
  };

  return (
    <FormDrawer<CustomerValues>
      open={open}
      onClose={onClose}
      size={760}
      title={customer ? t('customers.editTitle', { name: customer.name }) : t('customers.create')}
      testId="customer-drawer"
      form={form}
      onFinish={(values) => submit(values)}
      pending={create.isPending || update.isPending}
      submitTestId="customer-save"
      formTestId="customer-form"
      formProps={{ name: 'customer', initialValues: initial, scrollToFirstError: true }}
    >
      <CustomerFormFields customer={customer} duplicateHint={<DuplicateHint candidates={early} />} />
      <CustomerCustomFields fields={fields} />
      {customer ? null : <ContactsFormList />}
      {/* A modal (drawn outside the form's element): it holds none of the form's fields. */}
      <DuplicateDialog
        candidates={candidates}
        creating={create.isPending}
        onBack={() => setCandidates(null)}
        onCreateAnyway={() => submit(form.getFieldsValue(true) as CustomerValues, true)}
      />
    </FormDrawer>
  );
}
