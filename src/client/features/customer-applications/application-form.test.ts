import { describe, expect, it } from 'vitest';
import { applicationCreate, applicationUpdate } from '../../../shared/schemas/customer-applications.ts';
import type { ApplicationDetail } from '../../api/customer-applications.ts';
import {
  type ApplicationValues,
  createInput,
  initialValues,
  patchInput,
  periodMismatch,
} from './application-form.ts';

const filled: ApplicationValues = {
  kind: 'company',
  name: '  华东精密机械有限公司 ',
  phone: '021-5555 0101',
  bankAccount: ' 6222 0000 1111 ',
  industry: '',
  contactName: '王经理',
  contactEmail: '',
  requestedCreditLevel: 'III',
  requestedCreditLimit: 500000,
  requestedCreditPeriodDays: null,
  investigationNotes: ' 实地走访，经营正常 ',
};

describe('the new-customer application form', () => {
  it('sends a new application the server accepts: trimmed text, blanks as null, the first contact', () => {
    const input = createInput(filled, false);
    const parsed = applicationCreate.parse(input);
    expect(parsed.customer?.name).toBe('华东精密机械有限公司');
    expect(parsed.customer?.industry).toBeNull();
    expect(parsed.customer?.bankAccount).toBe('6222 0000 1111');
    expect(parsed.customer?.contacts).toEqual([
      expect.objectContaining({ name: '王经理', email: null, isPrimary: true }),
    ]);
    expect(parsed.requestedCreditLevel).toBe('III');
    expect(parsed.requestedCreditPeriodDays).toBeNull();
    expect(parsed.investigationNotes).toBe('实地走访，经营正常');
    expect(parsed.allowDuplicate).toBe(false);
  });

  it('leaves the contact out when no name is given', () => {
    expect(createInput({ ...filled, contactName: ' ' }, true).customer?.contacts).toEqual([]);
  });

  it('patches a draft with the request and only the customer fields that changed', () => {
    const saved = {
      requestedClass: null,
      requestedCreditLevel: 'III',
      requestedCreditLimit: 500000,
      requestedCreditPeriodDays: null,
      expectedAnnualSales: null,
      businessScope: null,
      investigationNotes: '实地走访',
      customer: {
        kind: 'company',
        name: '华东精密',
        phone: '021-****0101',
        masked: true,
        bankAccount: '**** 1111',
        address: null,
        postalCode: null,
        bankName: null,
        taxId: null,
        industry: null,
        region: null,
        source: null,
        contacts: [],
      },
    } as unknown as ApplicationDetail;
    const values = { ...initialValues(saved), region: '华东', requestedCreditLevel: 'II' as const };
    expect(values.bankAccount).toBeUndefined();
    expect(values.phone).toBe('');
    const patch = applicationUpdate.parse(patchInput(values, saved));
    // The masked phone was left alone: it must not overwrite the real number.
    expect(patch.customer).toEqual({ region: '华东' });
    expect(patch.requestedCreditLevel).toBe('II');
    expect(patchInput({ ...values, bankAccount: '123456' }, saved).customer).toEqual({
      region: '华东',
      bankAccount: '123456',
    });
  });

  it('hints when the credit period does not fit the level', () => {
    expect(periodMismatch('I', 45)).toBe(true);
    expect(periodMismatch('I', 15)).toBe(false);
    expect(periodMismatch('II', 15)).toBe(true);
    expect(periodMismatch('III', 365)).toBe(false);
    expect(periodMismatch('II', null)).toBe(false);
  });
});
