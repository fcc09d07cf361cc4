import { describe, expect, it } from 'vitest';
import { customerCreate, customerUpdate } from '../../../shared/schemas/customers.ts';
import type { CustomerFieldView } from '../../api/customers-fields.ts';
import { type CustomerValues, changedFields, createInput } from './customer-form.ts';

const label = (text: string) => ({ 'zh-CN': text, 'zh-TW': '', en: '' });
const field = (key: string, kind: CustomerFieldView['kind'], required = false): CustomerFieldView => ({
  id: key.length,
  key,
  label: label(key),
  kind,
  options: kind === 'choice' ? [{ value: 'gold', label: label('金牌') }] : [],
  required,
  sortOrder: 10,
  isActive: true,
});
const fields = [field('group_name', 'text', true), field('tier', 'choice'), field('seats', 'number')];
const base: CustomerValues = { kind: 'company', name: '江南精密仪器有限公司' };

describe('the custom fields of the customer form', () => {
  it('sends every active field with a new customer, blanks as null', () => {
    const input = createInput(
      { ...base, customFields: { group_name: '江南集团', tier: undefined, seats: 12 } },
      false,
      fields,
    );
    expect(customerCreate.parse(input).customFields).toEqual({
      group_name: '江南集团',
      tier: null,
      seats: 12,
    });
  });

  it('leaves them out of an edit that did not touch them, and sends them whole when one changed', () => {
    const initial = { ...base, customFields: { group_name: '江南集团', tier: 'gold' } };
    expect(changedFields({ ...initial }, initial, fields)).toEqual({});
    const patch = changedFields(
      { ...initial, customFields: { ...initial.customFields, tier: null } },
      initial,
      fields,
    );
    expect(customerUpdate.parse(patch)).toEqual({
      customFields: { group_name: '江南集团', tier: null, seats: null },
    });
  });
});
