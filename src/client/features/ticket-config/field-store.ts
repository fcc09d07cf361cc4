import type { UseQueryResult } from '@tanstack/react-query';
import {
  type CustomerFieldView,
  useCreateCustomerField,
  useCustomerFields,
  useUpdateCustomerField,
} from '../../api/customers-fields.ts';
import { type FieldInput, useCreateField, useTypeFields, useUpdateField } from '../../api/ticket-config.ts';

/** What the field list and the field modal need of a field, wherever it belongs. */
export type FieldRow = CustomerFieldView;
export type FieldPatch = Partial<Omit<FieldInput, 'key'>>;

/**
 * The custom fields of a request type (`typeId`) or, with `typeId === null`, of the customer file: the
 * list and its writes behind one face, so the same panel and modal edit both.
 */
export function useFieldStore(typeId: number | null) {
  const forCustomer = typeId === null;
  const typeFields = useTypeFields(typeId ?? undefined);
  const customerFields = useCustomerFields(forCustomer);
  const createTypeField = useCreateField();
  const updateTypeField = useUpdateField();
  const createCustomerField = useCreateCustomerField();
  const updateCustomerField = useUpdateCustomerField();
  const updating = forCustomer ? updateCustomerField : updateTypeField;
  const fields: UseQueryResult<FieldRow[]> = forCustomer ? customerFields : typeFields;
  return {
    fields,
    create: (input: FieldInput): Promise<FieldRow> =>
      typeId === null
        ? createCustomerField.mutateAsync(input)
        : createTypeField.mutateAsync({ typeId, input }),
    update: (id: number, patch: FieldPatch): Promise<FieldRow> =>
      forCustomer
        ? updateCustomerField.mutateAsync({ id, patch })
        : updateTypeField.mutateAsync({ id, patch }),
    saving: createTypeField.isPending || createCustomerField.isPending || updating.isPending,
    /** The field whose change is on its way, if any (for the row's switch). */
    updatingId: updating.isPending ? updating.variables?.id : undefined,
  };
}
